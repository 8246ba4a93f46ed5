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
