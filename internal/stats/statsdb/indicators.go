// Package statsdb keeps the sector statistics in the database: indicators, values with
// their revisions and the series rows the analytics read, targets, units'
// reports and their approval, and the analytics themselves.
package statsdb

import (
	"context"
	"fmt"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/stats"
	"congthuong/internal/unit/unitdb"
)

// Stats is the statistics' SQL.
type Stats struct {
	*db.DB
	units *unitdb.Units
}

// New returns the statistics' store over d.
func New(d *db.DB, units *unitdb.Units) *Stats { return &Stats{DB: d, units: units} }

const indicatorColumns = `code, name_vi, name_en, measure, kind, formula, aggregation, weight, decimals,
	higher_is_better, versus_last_year, non_negative, grp, measure_en`

// Indicators returns every indicator, by code. They are public.
func (s *Stats) Indicators(ctx context.Context) ([]stats.Indicator, error) {
	return indicators(ctx, s.Read)
}

func indicators(ctx context.Context, q db.Queryer) ([]stats.Indicator, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+indicatorColumns+` FROM indicators ORDER BY code`)
	if err != nil {
		return nil, fmt.Errorf("statsdb: indicators: %w", err)
	}
	defer rows.Close()
	out := []stats.Indicator{}
	for rows.Next() {
		var i stats.Indicator
		if err := rows.Scan(&i.Code, &i.NameVI, &i.NameEN, &i.Measure, &i.Kind, &i.Formula, &i.Aggregation, &i.Weight,
			&i.Decimals, &i.HigherIsBetter, &i.VersusLastYear, &i.NonNegative, &i.Group, &i.MeasureEN); err != nil {
			return nil, err
		}
		out = append(out, i)
	}
	return out, rows.Err()
}

// Catalog returns the indicators as a checked catalogue.
func (s *Stats) Catalog(ctx context.Context) (*stats.Catalog, error) {
	list, err := s.Indicators(ctx)
	if err != nil {
		return nil, err
	}
	return stats.NewCatalog(list)
}

// SaveIndicator adds an indicator or changes one (its code never changes);
// administrators only, audited. The whole catalogue must stay consistent:
// a formula or weight names existing indicators and no formula depends on
// itself.
func (s *Stats) SaveIndicator(ctx context.Context, ind stats.Indicator) error {
	if err := db.RequireAdmin(congthuong.ActorFrom(ctx)); err != nil {
		return err
	}
	ind.Normalize()
	if err := ind.Validate(); err != nil {
		return err
	}
	return s.WithTx(ctx, func(tx *db.Tx) error {
		list, err := indicators(ctx, tx)
		if err != nil {
			return err
		}
		var before *stats.Indicator
		for i := range list {
			if list[i].Code == ind.Code {
				b := list[i]
				before, list[i] = &b, ind
			}
		}
		if before == nil {
			list = append(list, ind)
		}
		if _, err := stats.NewCatalog(list); err != nil {
			// Name the problem on the indicator being saved, not a catalogue row.
			fields := congthuong.ErrorFields(err)
			out := &congthuong.Error{Code: congthuong.EINVALID, Message: "stats.indicator_does_not_fit_others"}
			for _, f := range fields {
				out.Fields = append(out.Fields, congthuong.FieldError{Field: f.Field, Message: f.Message, Args: f.Args})
			}
			return out
		}
		if before != nil {
			_, err = tx.ExecContext(ctx, `UPDATE indicators SET name_vi = $1, name_en = $2, measure = $3, kind = $4,
				formula = $5, aggregation = $6, weight = $7, decimals = $8, higher_is_better = $9, versus_last_year = $10,
				non_negative = $11, grp = $12, updated_at = $13, measure_en = $15 WHERE code = $14`,
				ind.NameVI, ind.NameEN, ind.Measure, ind.Kind, ind.Formula, ind.Aggregation, ind.Weight, ind.Decimals,
				ind.HigherIsBetter, ind.VersusLastYear, ind.NonNegative, ind.Group, tx.Now, ind.Code, ind.MeasureEN)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO indicators (`+indicatorColumns+`, created_at, updated_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)`,
				ind.Code, ind.NameVI, ind.NameEN, ind.Measure, ind.Kind, ind.Formula, ind.Aggregation, ind.Weight,
				ind.Decimals, ind.HigherIsBetter, ind.VersusLastYear, ind.NonNegative, ind.Group, ind.MeasureEN, tx.Now)
		}
		if err != nil {
			return fmt.Errorf("statsdb: save indicator: %w", err)
		}
		action := "create"
		var b any
		if before != nil {
			action, b = "update", before
		}
		return tx.Audit(ctx, action, "indicator", ind.Code, congthuong.CountryCode, b, ind)
	})
}

// SeedIndicators adds the indicators of list whose codes are not taken, in
// an order that puts each formula's inputs first, and returns how many it
// added.
func (s *Stats) SeedIndicators(ctx context.Context, list []stats.Indicator) (int, error) {
	existing, err := s.Indicators(ctx)
	if err != nil {
		return 0, err
	}
	have := map[string]bool{}
	for _, i := range existing {
		have[i.Code] = true
	}
	added := 0
	for pass := 0; pass < len(list) && added < len(list); pass++ {
		progress := false
		for _, ind := range list {
			if have[ind.Code] {
				continue
			}
			if err := s.SaveIndicator(ctx, ind); err != nil {
				continue // an input not added yet: next pass
			}
			have[ind.Code], added, progress = true, added+1, true
		}
		if !progress {
			break
		}
	}
	for _, ind := range list {
		if !have[ind.Code] {
			return added, fmt.Errorf("statsdb: seed indicator %s: %w", ind.Code, s.SaveIndicator(ctx, ind))
		}
	}
	return added, nil
}
