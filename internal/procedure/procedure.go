// Package procedure holds the administrative procedures (thủ tục hành
// chính) the department and the communes handle: the catalogue, the
// one-stop workflow of a dossier, and its deadlines. It knows no SQL and
// no HTTP.
package procedure

import (
	_ "embed"
	"encoding/json"
	"regexp"
	"unicode/utf8"

	"congthuong"
	"congthuong/internal/calendar"
)

// Levels: who handles a procedure since 1 July 2025 (Decrees 139/2025 and
// 146/2025): the province's department, or the commune.
const (
	Province = "province"
	Commune  = "commune"
)

// Online levels (Decree 42/2022/NĐ-CP art. 11): full online (toàn trình)
// from filing to result, or partial.
const (
	FullOnline    = "full"
	PartialOnline = "partial"
)

// Term is a statutory time: working days, or working hours (a
// certificate of origin: 6).
type Term struct {
	WorkingDays  int     `json:"working_days,omitempty"`
	WorkingHours float64 `json:"working_hours,omitempty"`
	// Verified is false where the time is not yet confirmed against the
	// procedure's published decision: shown as such.
	Verified bool `json:"verified"`
}

// Document is a paper the applicant gives.
type Document struct {
	NameVI string `json:"name_vi"`
	NameEN string `json:"name_en"`
	// Template is the blank form's name, when there is one.
	Template string `json:"template,omitempty"`
	// ElectronicCopy is set when an electronic copy suffices.
	ElectronicCopy bool `json:"electronic_copy"`
	Required       bool `json:"required"`
}

// Field is a field of the form the applicant fills.
type Field struct {
	Name     string `json:"name"`
	LabelVI  string `json:"label_vi"`
	LabelEN  string `json:"label_en"`
	Type     string `json:"type"` // text, number, date, tax_code, phone, email
	Required bool   `json:"required"`
}

// Procedure is one administrative procedure of the catalogue.
type Procedure struct {
	// Code is the catalogue's stable code; NationalCode the national
	// procedure database's (e.g. 2.000004), from the province's
	// publication decision.
	Code         string `json:"code"`
	NationalCode string `json:"national_code,omitempty"`
	NameVI       string `json:"name_vi"`
	NameEN       string `json:"name_en"`
	Field        string `json:"field"`
	Level        string `json:"level"`
	Online       string `json:"online"`
	Term         Term   `json:"term"`
	// CutOff is the time of day after which a filing counts as received
	// on the next working day (e.g. 15:00); empty: the close of office
	// hours.
	CutOff     string     `json:"cutoff,omitempty"`
	Fee        string     `json:"fee"`
	FeeEN      string     `json:"fee_en,omitempty"`
	LegalBasis []string   `json:"legal_basis"`
	Documents  []Document `json:"documents"`
	Fields     []Field    `json:"fields"`
	ResultVI   string     `json:"result_vi"`
	ResultEN   string     `json:"result_en"`
	Demo       bool       `json:"demo,omitempty"`
}

var (
	codePattern     = regexp.MustCompile(`^[A-Z0-9][A-Z0-9._-]{1,39}$`)
	nationalPattern = regexp.MustCompile(`^\d\.\d{6}(\.\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})?$`)
	fieldTypes      = map[string]bool{"text": true, "number": true, "date": true, "tax_code": true, "phone": true, "email": true}
)

// Validate checks a procedure of the catalogue.
func (p *Procedure) Validate() error {
	var v congthuong.Validation
	if !codePattern.MatchString(p.Code) {
		v.Add("code", "procedure.code_2_40_capital_letters_digits")
	}
	if p.NationalCode != "" && !nationalPattern.MatchString(p.NationalCode) {
		v.Add("national_code", "procedure.national_code_looks_like_2_000004_2")
	}
	if p.NameVI == "" || utf8.RuneCountInString(p.NameVI) > 500 {
		v.Add("name_vi", "procedure.vietnamese_name_required_at_most_500")
	}
	if p.Level != Province && p.Level != Commune {
		v.Add("level", "procedure.level_province_commune")
	}
	if p.Online != FullOnline && p.Online != PartialOnline {
		v.Add("online", "procedure.online_full_partial")
	}
	switch {
	case p.Term.WorkingDays < 0 || p.Term.WorkingHours < 0:
		v.Add("term", "procedure.term_cannot_negative")
	case p.Term.WorkingDays > 0 && p.Term.WorkingHours > 0:
		v.Add("term", "procedure.term_working_days_working_hours_not_both")
	case p.Term.WorkingDays == 0 && p.Term.WorkingHours == 0:
		v.Add("term", "procedure.statutory_time_required")
	}
	if p.CutOff != "" {
		if _, err := calendar.ParseClock(p.CutOff); err != nil {
			v.Add("cutoff", "procedure.write_cut_off_time_as_15_00")
		}
	}
	for i, f := range p.Fields {
		if f.Name == "" || !fieldTypes[f.Type] {
			v.Add("fields", "procedure.field_needs_name_type_text_number_date", i+1)
		}
	}
	return v.Err("procedure.invalid_procedure")
}

//go:embed catalogue.json
var catalogueJSON []byte

// Catalogue returns the Industry and Trade procedures the platform ships
// (docs/DOMAIN.md §2.5), with their known times; a province loads its own
// published list on top.
func Catalogue() []Procedure {
	var out []Procedure
	if err := json.Unmarshal(catalogueJSON, &out); err != nil {
		panic("procedure: catalogue.json: " + err.Error())
	}
	return out
}

// FeeName is the fee in both languages; a fee given in Vietnamese only is
// shown as given.
func (p *Procedure) FeeName() congthuong.Name { return congthuong.Name{VI: p.Fee, EN: p.FeeEN} }

// Name is the procedure's name in both languages.
func (p *Procedure) Name() congthuong.Name { return congthuong.Name{VI: p.NameVI, EN: p.NameEN} }
