package statsdb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/db"
	"congthuong/internal/stats"
	"congthuong/internal/tabular"
)

// GrowthImportResult says what an import of published growth rates did.
type GrowthImportResult struct {
	Rows    int  `json:"rows"`
	Created int  `json:"created"`
	Updated int  `json:"updated"`
	DryRun  bool `json:"dry_run"`
}

// MaxGrowthRows bounds a file of published growth rates.
const MaxGrowthRows = 200_000

// growthKey is a published rate's key.
type growthKey struct {
	indicator         string
	year, first, last int
	unitCode          string
}

// ImportGrowth stores growth rates the statistics office published,
// replacing those stored for the same indicator, unit and period. Only
// the department publishes them (as it does official figures). All or
// nothing: every bad row is named and nothing is written.
func (s *Stats) ImportGrowth(ctx context.Context, src tabular.Source[stats.GrowthRow], dryRun bool) (GrowthImportResult, error) {
	res := GrowthImportResult{DryRun: dryRun}
	actor := congthuong.ActorFrom(ctx)
	list, err := indicators(ctx, s.Read)
	if err != nil {
		return res, err
	}
	catalog, err := stats.NewCatalog(list)
	if err != nil {
		return res, err
	}
	spans, err := s.units.Index(ctx)
	if err != nil {
		return res, err
	}
	var rows []stats.GrowthRow
	inFile := map[growthKey]int{}
	err = db.RunImport(ctx, s.DB, src, dryRun, &res.Rows, db.Importer[stats.GrowthRow, struct{}]{
		Kind:    "published growth",
		MaxRows: MaxGrowthRows,
		NoRows:  stats.ErrNoValueRows,
		Check: func(r stats.GrowthRow, v *congthuong.Validation) error {
			ind, ok := catalog.Get(r.Indicator)
			if !ok {
				v.AddRow(r.Line, "indicator", "stats.no_indicator_code", r.Indicator)
				return nil
			}
			if !actor.IsDepartment() {
				v.AddRow(r.Line, "growth_pct", "stats.only_department_publishes_official")
				return nil
			}
			first, last := r.Period.Days()
			if _, ok := spans.Resolve(r.UnitCode, first, last); !ok {
				if len(spans.ByCode[r.UnitCode]) == 0 {
					v.AddRow(r.Line, "unit", "common.no_administrative_unit_code", r.UnitCode)
				} else {
					v.AddRow(r.Line, "unit", "stats.unit_did_not_exist", r.UnitCode, r.Period.String())
				}
				return nil
			}
			k := growthKey{ind.Code, r.Period.Year, r.Period.First, r.Period.Last, r.UnitCode}
			if line, dup := inFile[k]; dup {
				v.AddRow(r.Line, "period", "stats.already_row", ind.Code, r.UnitCode, r.Period.String(), line)
				return nil
			}
			inFile[k] = r.Line
			r.Indicator = ind.Code
			rows = append(rows, r)
			return nil
		},
		Review: func(db.Queryer, *db.ImportProblems) (struct{}, error) { return struct{}{}, nil },
		Write: func(tx *db.Tx, _ struct{}) error {
			for _, r := range rows {
				var old float64
				err := tx.QueryRowContext(ctx, `SELECT growth_pct FROM stat_growth_published WHERE indicator = $1 AND year = $2
					AND first_month = $3 AND last_month = $4 AND unit_code = $5`, r.Indicator, r.Period.Year, r.Period.First,
					r.Period.Last, r.UnitCode).Scan(&old)
				switch {
				case err == nil:
					res.Updated++
				case errors.Is(err, sql.ErrNoRows):
					res.Created++
				default:
					return err
				}
				if _, err := tx.ExecContext(ctx, `INSERT INTO stat_growth_published (indicator, year, first_month, last_month,
					unit_code, growth_pct, source, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
					ON CONFLICT (indicator, year, first_month, last_month, unit_code) DO UPDATE SET growth_pct = excluded.growth_pct,
					source = excluded.source, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
					r.Indicator, r.Period.Year, r.Period.First, r.Period.Last, r.UnitCode, r.GrowthPct, r.Source, tx.Now,
					actor.Name()); err != nil {
					return fmt.Errorf("statsdb: published growth: %w", err)
				}
			}
			return tx.Audit(ctx, audit.Import, "stat_growth_published", strconv.Itoa(res.Rows)+" rows", actor.UnitCode, nil, res)
		},
	})
	return res, err
}

// publishedGrowth reads the published growth rates of an indicator and
// period for units, by unit code.
func (s *Stats) publishedGrowth(ctx context.Context, indicator string, p stats.Period) (map[string]float64, error) {
	rows, err := s.Read.QueryContext(ctx, `SELECT unit_code, growth_pct FROM stat_growth_published
		WHERE indicator = $1 AND year = $2 AND first_month = $3 AND last_month = $4`, indicator, p.Year, p.First, p.Last)
	if err != nil {
		return nil, fmt.Errorf("statsdb: published growth: %w", err)
	}
	defer rows.Close()
	out := map[string]float64{}
	for rows.Next() {
		var code string
		var g float64
		if err := rows.Scan(&code, &g); err != nil {
			return nil, err
		}
		out[code] = g
	}
	return out, rows.Err()
}
