package db

import (
	"context"
	"fmt"

	"congthuong"
)

// VisitDay is one day's visitors and page views.
type VisitDay struct {
	Day      string `json:"day"`
	Visitors int64  `json:"visitors"`
	Views    int64  `json:"views"`
}

// PageCount is a page and its views.
type PageCount struct {
	Path  string `json:"path"`
	Views int64  `json:"views"`
}

// AddVisits adds a day's new visitors and page views, by page, in one
// transaction: what a process counted since it last wrote.
func (s *DB) AddVisits(ctx context.Context, day string, visitors int64, views map[string]int64) error {
	var total int64
	for _, n := range views {
		total += n
	}
	return s.WithTx(ctx, func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO visit_days (day, visitors, views) VALUES ($1, $2, $3)
			ON CONFLICT (day) DO UPDATE SET visitors = visit_days.visitors + excluded.visitors, views = visit_days.views + excluded.views`,
			day, visitors, total); err != nil {
			return fmt.Errorf("db: visits: %w", err)
		}
		for path, n := range views {
			if _, err := tx.ExecContext(ctx, `INSERT INTO page_views (day, path, views) VALUES ($1, $2, $3)
				ON CONFLICT (day, path) DO UPDATE SET views = page_views.views + excluded.views`, day, path, n); err != nil {
				return fmt.Errorf("db: page views: %w", err)
			}
		}
		return nil
	})
}

// VisitTotals are the visitors of a day, of the day before, and of all
// days, as the footer shows them.
func (s *DB) VisitTotals(ctx context.Context, today, yesterday string) (t, y, all int64, err error) {
	err = s.Read.QueryRowContext(ctx, `SELECT
		COALESCE(SUM(CASE WHEN day = $1 THEN visitors ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN day = $2 THEN visitors ELSE 0 END), 0),
		COALESCE(SUM(visitors), 0) FROM visit_days`, today, yesterday).Scan(&t, &y, &all)
	if err != nil {
		err = fmt.Errorf("db: visit totals: %w", err)
	}
	return
}

// Visits lists the days from from on, newest first, and the most viewed
// pages over them; for administrators.
func (s *DB) Visits(ctx context.Context, from string, pages int) ([]VisitDay, []PageCount, error) {
	if err := RequireAdmin(congthuong.ActorFrom(ctx)); err != nil {
		return nil, nil, err
	}
	days, err := Collect(ctx, s.Read, `SELECT day, visitors, views FROM visit_days WHERE day >= $1 ORDER BY day DESC`, []any{from},
		func(sc Scanner) (VisitDay, error) {
			var d VisitDay
			return d, sc.Scan(&d.Day, &d.Visitors, &d.Views)
		})
	if err != nil {
		return nil, nil, fmt.Errorf("db: visits: %w", err)
	}
	top, err := Collect(ctx, s.Read, `SELECT path, SUM(views) FROM page_views WHERE day >= $1 GROUP BY path ORDER BY SUM(views) DESC, path
		LIMIT $2`, []any{from, pages}, func(sc Scanner) (PageCount, error) {
		var p PageCount
		return p, sc.Scan(&p.Path, &p.Views)
	})
	if err != nil {
		return nil, nil, fmt.Errorf("db: page views: %w", err)
	}
	return days, top, nil
}
