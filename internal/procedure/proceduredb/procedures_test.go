package proceduredb_test

import (
	"context"
	"testing"

	"congthuong"
	"congthuong/internal/procedure"
	"congthuong/internal/procedure/proceduredb"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

func TestProcedureCatalogue(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		sys, public := storetest.As(congthuong.System()), context.Background()
		if n, err := s.SeedProcedures(sys, procedure.Catalogue()); err != nil || n != 9 {
			t.Fatalf("seeded %d, %v", n, err)
		}
		if n, err := s.SeedProcedures(sys, procedure.Catalogue()); err != nil || n != 0 {
			t.Errorf("seeded again: %d, %v", n, err)
		}
		for _, c := range []struct {
			f    proceduredb.ProcedureFilter
			want int
		}{
			{proceduredb.ProcedureFilter{Q: "thuoc la"}, 2},
			{proceduredb.ProcedureFilter{Q: "THUỐC LÁ bán lẻ"}, 1},
			{proceduredb.ProcedureFilter{Q: "tobacco retail"}, 1},
			{proceduredb.ProcedureFilter{Q: "ct-co"}, 1},
			{proceduredb.ProcedureFilter{Level: procedure.Commune}, 3},
			{proceduredb.ProcedureFilter{Online: procedure.PartialOnline}, 0},
			{proceduredb.ProcedureFilter{Field: "promotion"}, 2},
		} {
			if _, total, err := s.FindProcedures(public, c.f); err != nil || total != c.want {
				t.Errorf("%+v: %d, %v", c.f, total, err)
			}
		}
		// A name holding both words apart ranks after the names holding
		// them together, whatever its code.
		apart := procedure.Procedure{Code: "AA-TIENCHAT", NameVI: "Cấp giấy phép tiền chất thuốc nổ làm vật liệu", NameEN: "Explosive precursors",
			Field: "chemicals", Level: procedure.Province, Online: procedure.FullOnline, Term: procedure.Term{WorkingDays: 5}}
		if err := s.SaveProcedure(sys, apart); err != nil {
			t.Fatal(err)
		}
		list, _, err := s.FindProcedures(public, proceduredb.ProcedureFilter{Q: "thuoc la"})
		if err != nil || len(list) != 3 || list[2].Code != "AA-TIENCHAT" {
			t.Errorf("ranking: %v", func() (codes []string) {
				for _, p := range list {
					codes = append(codes, p.Code)
				}
				return
			}())
		}
		p, err := s.FindProcedure(public, "ct-thuocla-banle")
		if err != nil || p.Term.WorkingDays != 15 || len(p.Documents) != 2 || p.Documents[0].Template == "" {
			t.Fatalf("%+v %v", p, err)
		}
		p.NationalCode = "1.001279"
		if err := s.SaveProcedure(storetest.As(storetest.HaiPhongOfficer), *p); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("an officer changing the catalogue: %v", err)
		}
		if err := s.SaveProcedure(sys, *p); err != nil {
			t.Fatal(err)
		}
		if got, err := s.FindProcedure(public, "1.001279"); err != nil || got.Code != "CT-THUOCLA-BANLE" {
			t.Errorf("by national code: %+v %v", got, err)
		}
		if _, err := s.FindProcedure(public, "9.999999"); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Errorf("unknown: %v", err)
		}
		p.Term.WorkingHours = 4
		if err := s.SaveProcedure(sys, *p); congthuong.ErrorFields(err)[0].Field != "term" {
			t.Errorf("days and hours: %v", err)
		}
	})
}
