package commercedb

import (
	"context"
	"fmt"

	"congthuong"
	"congthuong/internal/commerce"
	"congthuong/internal/db"
	"congthuong/internal/tabular"
	"congthuong/internal/unit"
)

// MaxLicenceRows bounds a licences import: a province's registers, with
// room to spare.
const MaxLicenceRows = 200_000

// ImportLicences records the licences of a commune's or the department's
// old lists, all or nothing: every row is checked as CreateLicence checks
// one (the premises in the actor's area, a commune only its own kinds), a
// number twice in the file or already in the register is named, and
// nothing is written unless every row is good.
func (s *Commerce) ImportLicences(ctx context.Context, src tabular.Source[commerce.ImportRow], dryRun bool) (db.ImportResult, error) {
	res := db.ImportResult{DryRun: dryRun}
	if err := db.RequireWriter(congthuong.ActorFrom(ctx)); err != nil {
		return res, err
	}
	today := unit.Today(s.NowUTC())
	type key struct{ issuer, kind, number string }
	seen := map[key]int{}
	var rows []*commerce.Licence
	var lines []int
	review := func(q db.Queryer, p *db.ImportProblems) (struct{}, error) {
		for i, l := range rows {
			if err := taken(ctx, q, l, &p.Invalid, lines[i]); err != nil {
				return struct{}{}, err
			}
		}
		return struct{}{}, nil
	}
	err := db.RunImport(ctx, s.DB, src, dryRun, &res.Rows, db.Importer[commerce.ImportRow, struct{}]{
		Kind:    "licences",
		MaxRows: MaxLicenceRows,
		NoRows:  commerce.ErrNoLicenceRows,
		Check: func(r commerce.ImportRow, v *congthuong.Validation) error {
			for _, f := range r.Problems {
				v.AddRow(f.Row, f.Field, f.Message, f.Args...)
			}
			l := r.Licence
			l.Normalize()
			var rv congthuong.Validation
			l.ValidateInto(&rv, r.Line, today)
			if err := s.place(ctx, &l, &rv, r.Line, today); err != nil {
				return err
			}
			for _, f := range congthuong.ErrorFields(rv.Err("")) {
				if !problemIn(r.Problems, f.Field) {
					v.AddRow(f.Row, f.Field, f.Message, f.Args...)
				}
			}
			k := key{l.IssuerCode, l.Kind, l.Number}
			if first, dup := seen[k]; dup && l.Number != "" {
				v.AddRow(r.Line, "number", "commerce.number_in_file", l.Number, first)
				return nil
			}
			seen[k] = r.Line
			rows, lines = append(rows, &l), append(lines, r.Line)
			return nil
		},
		Review: review,
		Write: func(tx *db.Tx, _ struct{}) error {
			for _, l := range rows {
				if err := insertLicence(ctx, tx, l, commerce.Imported); err != nil {
					return fmt.Errorf("commercedb: import: %w", err)
				}
				res.Created++
			}
			return nil
		},
	})
	return res, err
}

// problemIn says whether a row already has a problem with field, read
// from its cells: the validation's word on the same field would repeat
// it.
func problemIn(problems []congthuong.FieldError, field string) bool {
	for _, p := range problems {
		if p.Field == field {
			return true
		}
	}
	return false
}
