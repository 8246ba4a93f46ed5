package store

import (
	"context"
	"fmt"

	"congthuong"
	"congthuong/internal/enterprise"
	"congthuong/internal/unit"
)

// ImportResult counts what an import did (or, in a dry run, would do).
type ImportResult struct {
	Rows      int  `json:"rows"`
	Created   int  `json:"created"`
	Updated   int  `json:"updated"`
	Unchanged int  `json:"unchanged"`
	DryRun    bool `json:"dry_run"`
}

// ImportEnterprises creates or updates the enterprises of an import in one
// transaction. Every row is checked first (unit in force today and in the
// actor's scope, existing record in scope); if any row is wrong, all problems
// are returned and nothing is written.
func (s *Store) ImportEnterprises(ctx context.Context, rows []enterprise.ImportRow, dryRun bool) (ImportResult, error) {
	res := ImportResult{Rows: len(rows), DryRun: dryRun}
	actor := congthuong.ActorFrom(ctx)
	if err := requireWriter(actor); err != nil {
		return res, err
	}
	err := s.withTx(ctx, func(tx *Tx) error {
		provinceOf, err := tx.unitProvinces(ctx, unit.Today(tx.now))
		if err != nil {
			return err
		}
		existing, err := tx.enterprisesByTaxCode(ctx)
		if err != nil {
			return err
		}
		var v congthuong.Validation
		enterprise.ValidateRows(rows, &v)
		for i := range rows {
			r := &rows[i]
			e := &r.Enterprise
			prov, ok := provinceOf[e.UnitCode]
			switch {
			case !ok:
				v.AddRow(r.Line, "unit_code", "no administrative unit with code "+e.UnitCode+" is in force today")
				continue
			case e.UnitCode == congthuong.CountryCode:
				v.AddRow(r.Line, "unit_code", "give the commune or province of the address, not the country")
				continue
			case !actor.System && !actor.InScope(e.UnitCode, prov):
				v.AddRow(r.Line, "unit_code", "unit "+e.UnitCode+" is outside your scope")
				continue
			}
			e.ProvinceCode = prov
			if old, ok := existing[e.TaxCode]; ok && !actor.System && !actor.InScope(old.UnitCode, old.ProvinceCode) {
				v.AddRow(r.Line, "tax_code", "tax code "+e.TaxCode+" is registered to an enterprise outside your scope")
			}
		}
		if err := v.Err("the file has invalid rows; nothing was imported"); err != nil {
			return err
		}
		for i := range rows {
			e := &rows[i].Enterprise
			old, ok := existing[e.TaxCode]
			switch {
			case !ok:
				res.Created++
				if !dryRun {
					if err := tx.insertEnterprise(ctx, e); err != nil {
						return fmt.Errorf("row %d: %w", rows[i].Line, err)
					}
				}
			case sameEnterprise(old, e):
				res.Unchanged++
			default:
				res.Updated++
				e.ID, e.Demo, e.CreatedAt = old.ID, old.Demo, old.CreatedAt
				if !dryRun {
					if err := tx.updateEnterprise(ctx, old, e); err != nil {
						return fmt.Errorf("row %d: %w", rows[i].Line, err)
					}
				}
			}
		}
		if dryRun {
			return errDryRun
		}
		return nil
	})
	if err == errDryRun {
		err = nil
	}
	if err == nil && !dryRun && res.Created+res.Updated >= analyzeAfter {
		if _, err := s.write.ExecContext(ctx, s.dialect.analyze); err != nil {
			return res, fmt.Errorf("store: analyze after import: %w", err)
		}
	}
	return res, err
}

// analyzeAfter is the size of an import after which statistics are
// refreshed.
const analyzeAfter = 1000

// errDryRun rolls back a dry run's transaction.
var errDryRun = congthuong.Errorf(congthuong.EINTERNAL, "dry run")

// unitProvinces maps the code of every unit in force on day to its province.
func (tx *Tx) unitProvinces(ctx context.Context, day string) (map[string]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT code, level, parent_code FROM units
		WHERE (valid_from IS NULL OR valid_from <= $1) AND (valid_to IS NULL OR valid_to >= $1)`, day)
	if err != nil {
		return nil, fmt.Errorf("store: units in force: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var u unit.Unit
		var level string
		if err := rows.Scan(&u.Code, &level, &u.ParentCode); err != nil {
			return nil, err
		}
		u.Level = unit.Level(level)
		out[u.Code] = u.ProvinceCode()
	}
	return out, rows.Err()
}

func (tx *Tx) enterprisesByTaxCode(ctx context.Context) (map[string]*enterprise.Enterprise, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+enterpriseColumns+` FROM enterprises`)
	if err != nil {
		return nil, fmt.Errorf("store: existing enterprises: %w", err)
	}
	defer rows.Close()
	out := map[string]*enterprise.Enterprise{}
	for rows.Next() {
		e, err := scanEnterprise(rows)
		if err != nil {
			return nil, err
		}
		out[e.TaxCode] = e
	}
	return out, rows.Err()
}
