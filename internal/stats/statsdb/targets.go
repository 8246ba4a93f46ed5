package statsdb

import (
	"context"
	"fmt"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/stats"
)

// SaveTarget sets the target of an indicator for a unit and period, tied to
// the resolution that set it; officers for units in their scope, audited.
func (s *Stats) SaveTarget(ctx context.Context, t stats.Target) error {
	actor := congthuong.ActorFrom(ctx)
	if err := db.RequireWriter(actor); err != nil {
		return err
	}
	t.Normalize()
	if err := t.Validate(); err != nil {
		return err
	}
	invalid := func(field, id string, args ...any) error {
		return &congthuong.Error{Code: congthuong.EINVALID, Message: "stats.target_has_invalid_fields",
			Fields: []congthuong.FieldError{{Field: field, Message: id, Args: args}}}
	}
	catalog, err := s.Catalog(ctx)
	if err != nil {
		return err
	}
	if _, ok := catalog.Get(t.Indicator); !ok {
		return invalid("indicator", "stats.no_indicator_code", t.Indicator)
	}
	spans, err := s.units.Index(ctx)
	if err != nil {
		return err
	}
	u, ok := resolvePeriod(spans, t.UnitCode, t.Period)
	if !ok {
		return invalid("unit", "stats.unit_did_not_exist", t.UnitCode, t.Period.String())
	}
	if !mayEnterFor(actor, u) {
		return congthuong.Errorf(congthuong.EFORBIDDEN, "common.unit_outside_your_scope", t.UnitCode)
	}
	return s.WithTx(ctx, func(tx *db.Tx) error {
		var before *stats.Target
		var old stats.Target
		err := tx.QueryRowContext(ctx, `SELECT value, resolution, resolution_date FROM stat_targets WHERE indicator = $1
			AND year = $2 AND first_month = $3 AND last_month = $4 AND unit_code = $5 AND unit_from = $6`,
			t.Indicator, t.Period.Year, t.Period.First, t.Period.Last, u.Code, u.ValidFrom).Scan(&old.Value, &old.Resolution, &old.ResolutionDate)
		if err == nil {
			old.Indicator, old.UnitCode, old.Period = t.Indicator, t.UnitCode, t.Period
			before = &old
			_, err = tx.ExecContext(ctx, `UPDATE stat_targets SET value = $1, resolution = $2, resolution_date = $3,
				updated_at = $4, updated_by = $5 WHERE indicator = $6 AND year = $7 AND first_month = $8 AND last_month = $9
				AND unit_code = $10 AND unit_from = $11`, t.Value, t.Resolution, t.ResolutionDate, tx.Now, actor.Name(),
				t.Indicator, t.Period.Year, t.Period.First, t.Period.Last, u.Code, u.ValidFrom)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO stat_targets (indicator, year, first_month, last_month, unit_code, unit_from,
				period, value, resolution, resolution_date, updated_at, updated_by)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`, t.Indicator, t.Period.Year, t.Period.First,
				t.Period.Last, u.Code, u.ValidFrom, t.Period.String(), t.Value, t.Resolution, t.ResolutionDate, tx.Now, actor.Name())
		}
		if err != nil {
			return fmt.Errorf("statsdb: save target: %w", err)
		}
		action, b := "create", any(nil)
		if before != nil {
			action, b = "update", before
		}
		return tx.Audit(ctx, action, "stat_target", t.Indicator+"/"+u.Code+"/"+t.Period.String(), u.Code, b, t)
	})
}

type targetKey struct {
	unitCode, unitFrom string
	period             stats.Period
}

// targets reads the targets of an indicator for a year, by unit and period.
func (s *Stats) targets(ctx context.Context, indicator string, year int) (map[targetKey]stats.Target, error) {
	rows, err := s.AnalyticsQuery(ctx, `SELECT unit_code, unit_from, first_month, last_month, value, resolution, resolution_date
		FROM stat_targets WHERE indicator = $1 AND year = $2`, indicator, year)
	if err != nil {
		return nil, fmt.Errorf("statsdb: targets: %w", err)
	}
	defer rows.Close()
	out := map[targetKey]stats.Target{}
	for rows.Next() {
		var k targetKey
		var first, last int
		t := stats.Target{Indicator: indicator}
		if err := rows.Scan(&k.unitCode, &k.unitFrom, &first, &last, &t.Value, &t.Resolution, &t.ResolutionDate); err != nil {
			return nil, err
		}
		k.period = stats.RangeOf(year, first, last)
		t.UnitCode, t.Period = k.unitCode, k.period
		out[k] = t
	}
	return out, rows.Err()
}
