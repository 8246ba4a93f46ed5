package procedure

import (
	"testing"

	"congthuong"
)

func TestCatalogue(t *testing.T) {
	list := Catalogue()
	if len(list) != 9 {
		t.Fatalf("%d procedures", len(list))
	}
	seen := map[string]bool{}
	for _, p := range list {
		if err := p.Validate(); err != nil {
			t.Errorf("%s: %v", p.Code, err)
		}
		if seen[p.Code] {
			t.Errorf("%s twice", p.Code)
		}
		seen[p.Code] = true
	}
	byCode := map[string]Procedure{}
	for _, p := range list {
		byCode[p.Code] = p
	}
	// The known times of docs/DOMAIN.md §2.5.
	if p := byCode["CT-THUOCLA-BANLE"]; p.Level != Commune || p.Term.WorkingDays != 15 || !p.Term.Verified {
		t.Errorf("tobacco retail: %+v", p)
	}
	if p := byCode["CT-CO"]; p.Term.WorkingHours != 6 || p.Term.WorkingDays != 0 {
		t.Errorf("certificate of origin: %+v", p.Term)
	}
	if p := byCode["CT-RUOU-BANBUON"]; p.Level != Province || p.Term.WorkingDays != 10 {
		t.Errorf("wholesale alcohol: %+v", p)
	}
}

func TestValidateProcedure(t *testing.T) {
	ok := Procedure{Code: "CT-X", NationalCode: "2.000004", NameVI: "X", Level: Province, Online: FullOnline, Term: Term{WorkingDays: 5}}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	for name, edit := range map[string]func(*Procedure){
		"code":          func(p *Procedure) { p.Code = "x y" },
		"national_code": func(p *Procedure) { p.NationalCode = "2.4" },
		"level":         func(p *Procedure) { p.Level = "district" },
		"online":        func(p *Procedure) { p.Online = "level4" },
		"term":          func(p *Procedure) { p.Term.WorkingHours = 6 },
		"cutoff":        func(p *Procedure) { p.CutOff = "3pm" },
		"fields":        func(p *Procedure) { p.Fields = []Field{{Name: "x", Type: "colour"}} },
	} {
		p := ok
		edit(&p)
		f := congthuongFields(p.Validate())
		if len(f) != 1 || f[0] != name {
			t.Errorf("%s: %v", name, f)
		}
	}
}

func congthuongFields(err error) []string {
	var out []string
	for _, f := range congthuong.ErrorFields(err) {
		out = append(out, f.Field)
	}
	return out
}
