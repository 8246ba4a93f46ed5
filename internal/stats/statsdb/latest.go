package statsdb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"congthuong/internal/stats"
)

// LatestOfficialMonth is the latest month for which an indicator has an
// official value: where its public pages open, never on a period without
// data. ok is false when it has none.
func (s *Stats) LatestOfficialMonth(ctx context.Context, indicator string) (p stats.Period, ok bool, err error) {
	var year, month int
	err = s.Read.QueryRowContext(ctx, `SELECT year, first_month FROM stat_values
		WHERE indicator = $1 AND status = $2 AND first_month = last_month
		ORDER BY year DESC, first_month DESC LIMIT 1`, indicator, string(stats.Official)).Scan(&year, &month)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return stats.Period{}, false, nil
	case err != nil:
		return stats.Period{}, false, fmt.Errorf("statsdb: latest official month: %w", err)
	}
	return stats.MonthOf(year, month), true, nil
}

// LatestOfficial is the latest period for which a unit has an official
// value of an indicator, for the key figures of the home page: the period
// that ends last, and of those the longest (the year rather than its
// December). ok is false when there is none.
func (s *Stats) LatestOfficial(ctx context.Context, indicator, unitCode string) (p stats.Period, ok bool, err error) {
	var year, first, last int
	err = s.Read.QueryRowContext(ctx, `SELECT year, first_month, last_month FROM stat_values
		WHERE indicator = $1 AND unit_code = $2 AND status = $3
		ORDER BY year DESC, last_month DESC, first_month ASC LIMIT 1`, indicator, unitCode, string(stats.Official)).
		Scan(&year, &first, &last)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return stats.Period{}, false, nil
	case err != nil:
		return stats.Period{}, false, fmt.Errorf("statsdb: latest official period: %w", err)
	}
	return stats.RangeOf(year, first, last), true, nil
}

// OfficialYears lists, for each indicator with official values, the years
// that have them, latest first: the statistics' open datasets.
func (s *Stats) OfficialYears(ctx context.Context) (map[string][]int, error) {
	rows, err := s.Read.QueryContext(ctx, `SELECT DISTINCT indicator, year FROM stat_values WHERE status = $1
		ORDER BY indicator, year DESC`, string(stats.Official))
	if err != nil {
		return nil, fmt.Errorf("statsdb: official years: %w", err)
	}
	defer rows.Close()
	out := map[string][]int{}
	for rows.Next() {
		var code string
		var year int
		if err := rows.Scan(&code, &year); err != nil {
			return nil, err
		}
		out[code] = append(out[code], year)
	}
	return out, rows.Err()
}
