// Package proceduredb holds the SQL of administrative procedures: the catalogue, the agencies' codes and blank forms, dossiers through the one-stop workflow with their papers and events, tracking, result verification, apologies, and the Decision 766 scorecards.
package proceduredb

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/db"
	"congthuong/internal/procedure"
	"congthuong/internal/unit"
	"congthuong/internal/unit/unitdb"
)

// ProcedureFilter selects procedures of the catalogue.
type ProcedureFilter struct {
	// Q matches names and codes without regard to case or diacritics.
	Q      string
	Level  string // province or commune
	Online string // full or partial
	Field  string
	db.Page
}

var procedureSorts = map[string]string{"code": "code", "name": "search_name", "level": "level", "term": "term_days"}

// procedureDetails are the parts of a procedure read with it alone.
type procedureDetails struct {
	LegalBasis []string             `json:"legal_basis"`
	Documents  []procedure.Document `json:"documents"`
	Fields     []procedure.Field    `json:"fields"`
	ResultVI   string               `json:"result_vi"`
	ResultEN   string               `json:"result_en"`
	FeeEN      string               `json:"fee_en,omitempty"`
}

const procedureColumns = `code, national_code, name_vi, name_en, field, level, online, term_days, term_hours, term_verified,
	cutoff, fee, details, demo`

func scanProcedure(r db.Scanner) (*procedure.Procedure, error) {
	var p procedure.Procedure
	var details string
	if err := r.Scan(&p.Code, &p.NationalCode, &p.NameVI, &p.NameEN, &p.Field, &p.Level, &p.Online, &p.Term.WorkingDays,
		&p.Term.WorkingHours, &p.Term.Verified, &p.CutOff, &p.Fee, &details, &p.Demo); err != nil {
		return nil, err
	}
	var d procedureDetails
	if err := json.Unmarshal([]byte(details), &d); err != nil {
		return nil, fmt.Errorf("proceduredb: procedure %s: %w", p.Code, err)
	}
	p.LegalBasis, p.Documents, p.Fields, p.ResultVI, p.ResultEN, p.FeeEN = d.LegalBasis, d.Documents, d.Fields, d.ResultVI, d.ResultEN, d.FeeEN
	// Lists are lists, even empty: clients iterate them.
	if p.LegalBasis == nil {
		p.LegalBasis = []string{}
	}
	if p.Documents == nil {
		p.Documents = []procedure.Document{}
	}
	if p.Fields == nil {
		p.Fields = []procedure.Field{}
	}
	return &p, nil
}

// FindProcedures lists the catalogue's procedures matching f; the
// catalogue is public.
func (s *Procedures) FindProcedures(ctx context.Context, f ProcedureFilter) ([]*procedure.Procedure, int, error) {
	var w db.Where
	if q := strings.TrimSpace(f.Q); q != "" {
		// Each word begins a word of the name: "le" finds "bán lẻ", not
		// "licence".
		for _, word := range strings.Fields(unit.Fold(q)) {
			w.Add(`search_name LIKE ? ESCAPE '\'`, db.LikePattern(" "+word))
		}
	}
	for col, v := range map[string]string{"level": f.Level, "online": f.Online, "field": f.Field} {
		if v != "" {
			w.Add(col+" = ?", v)
		}
	}
	def := "level DESC, code"
	if phrase := searchPhrase(f.Q); phrase != "" {
		// Names holding the words together, in the order typed, come first:
		// "thuoc la" ranks the tobacco licences above a procedure whose
		// name merely has both words.
		def = "CASE WHEN search_name LIKE '% " + phrase + "%' THEN 0 ELSE 1 END, " + def
	}
	order, err := f.Page.OrderBy(procedureSorts, def, "code")
	if err != nil {
		return nil, 0, err
	}
	return db.List(ctx, s.DB, "procedures", db.Listing{Columns: procedureColumns, From: "procedures", Where: &w, Order: order, Page: f.Page}, scanProcedure)
}

// FindProcedure returns a procedure by its code or its national code.
func (s *Procedures) FindProcedure(ctx context.Context, code string) (*procedure.Procedure, error) {
	code = strings.TrimSpace(code)
	p, err := scanProcedure(s.Read.QueryRowContext(ctx, `SELECT `+procedureColumns+` FROM procedures
		WHERE code = $1 OR (national_code = $2 AND national_code <> '') ORDER BY code LIMIT 1`, strings.ToUpper(code), code))
	if err != nil {
		return nil, db.NotFound(err, "procedure.no_procedure_code", code)
	}
	return p, nil
}

// SaveProcedure adds or replaces a procedure of the catalogue;
// administrators only, audited.
func (s *Procedures) SaveProcedure(ctx context.Context, p procedure.Procedure) error {
	if err := db.RequireAdmin(congthuong.ActorFrom(ctx)); err != nil {
		return err
	}
	p.Code = strings.ToUpper(strings.TrimSpace(p.Code))
	if err := p.Validate(); err != nil {
		return err
	}
	details, err := json.Marshal(procedureDetails{LegalBasis: p.LegalBasis, Documents: p.Documents, Fields: p.Fields,
		ResultVI: p.ResultVI, ResultEN: p.ResultEN, FeeEN: p.FeeEN})
	if err != nil {
		return err
	}
	return s.WithTx(ctx, func(tx *db.Tx) error {
		search := " " + unit.Fold(strings.Join([]string{p.Code, p.NationalCode, p.NameVI, p.NameEN}, " "))
		if _, err := tx.ExecContext(ctx, `INSERT INTO procedures (code, national_code, name_vi, name_en, search_name, field, level, online,
			term_days, term_hours, term_verified, cutoff, fee, details, demo, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
			ON CONFLICT (code) DO UPDATE SET national_code = excluded.national_code, name_vi = excluded.name_vi,
			name_en = excluded.name_en, search_name = excluded.search_name, field = excluded.field, level = excluded.level,
			online = excluded.online, term_days = excluded.term_days, term_hours = excluded.term_hours,
			term_verified = excluded.term_verified, cutoff = excluded.cutoff, fee = excluded.fee, details = excluded.details,
			demo = excluded.demo, updated_at = excluded.updated_at`,
			p.Code, p.NationalCode, p.NameVI, p.NameEN, search, p.Field, p.Level, p.Online, p.Term.WorkingDays, p.Term.WorkingHours,
			p.Term.Verified, p.CutOff, p.Fee, string(details), p.Demo, tx.Now); err != nil {
			return fmt.Errorf("proceduredb: save procedure: %w", err)
		}
		if err := tx.BumpVersion(ctx, catalogueVersionKey); err != nil {
			return err
		}
		return tx.Audit(ctx, audit.Save, "procedure", p.Code, "", nil, p)
	})
}

// catalogueVersionKey is a setting bumped with every change of the
// catalogue, in the same transaction, so that every process can tell its
// cached public pages of the catalogue are stale.
const catalogueVersionKey = "procedures_version"

// CatalogueVersion returns the catalogue's version: it changes with every
// change of a procedure.
func (s *Procedures) CatalogueVersion(ctx context.Context) (string, error) {
	return s.Setting(ctx, catalogueVersionKey)
}

// SeedProcedures adds the procedures whose codes the catalogue does not
// hold yet, leaving the others as administrators left them; it returns
// how many it added.
func (s *Procedures) SeedProcedures(ctx context.Context, list []procedure.Procedure) (int, error) {
	added := 0
	for _, p := range list {
		if _, err := s.FindProcedure(ctx, p.Code); err == nil {
			continue
		} else if congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			return added, err
		}
		if err := s.SaveProcedure(ctx, p); err != nil {
			return added, fmt.Errorf("proceduredb: seed procedure %s: %w", p.Code, err)
		}
		added++
	}
	return added, nil
}

// searchPhrase is a search's words folded and joined, kept to letters,
// digits and single spaces, so that it can stand in the query's text.
func searchPhrase(q string) string {
	words := strings.Fields(unit.Fold(q))
	if len(words) < 2 {
		return ""
	}
	phrase := strings.Join(words, " ")
	for _, r := range phrase {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == ' ') {
			return ""
		}
	}
	return phrase
}

// Procedures is the procedures' SQL over the core.
type Procedures struct {
	*db.DB
	units *unitdb.Units
	// SiteURL is the platform's public address, for the links in the
	// applicants' e-mails (CONGTHUONG_PUBLIC_URL).
	SiteURL string
	// FeeAccount is the bank account fees are paid to, by VietQR
	// transfer; empty, they are paid at the desk.
	FeeAccount FeeAccount
}

// FeeAccount is a bank account: the bank's NAPAS BIN, the number, and the
// holder's name as the payer's bank shows it.
type FeeAccount struct {
	BIN, Number, Name string
}

// New returns the procedures' SQL over d; units resolve a dossier's commune
// and a scorecard's unit.
func New(d *db.DB, units *unitdb.Units) *Procedures { return &Procedures{DB: d, units: units} }
