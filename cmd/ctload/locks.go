package main

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// lockWaits samples, on PostgreSQL, how many sessions wait for an advisory
// lock: the audit chain's (7302), which every audited write holds until it
// commits, or another (a statistics series'). It answers whether writers
// queue behind the chain.
type lockWaits struct {
	samples, withAudit, withOther int
	auditWaiters, maxAudit        int
	activeWriters                 int
}

// sampleLocks samples every interval until ctx ends.
func sampleLocks(ctx context.Context, db *sql.DB, every time.Duration) *lockWaits {
	w := &lockWaits{}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return w
		case <-t.C:
		}
		var audit, other, writers int
		err := db.QueryRowContext(ctx, `SELECT
			COUNT(*) FILTER (WHERE l.locktype = 'advisory' AND NOT l.granted AND l.objid = 7302 AND l.classid = 0),
			COUNT(*) FILTER (WHERE l.locktype = 'advisory' AND NOT l.granted AND NOT (l.objid = 7302 AND l.classid = 0)),
			(SELECT COUNT(*) FROM pg_stat_activity WHERE state = 'active' AND backend_xid IS NOT NULL)
			FROM pg_locks l`).Scan(&audit, &other, &writers)
		if err != nil {
			continue // the run is ending
		}
		w.samples++
		w.auditWaiters += audit
		w.maxAudit = max(w.maxAudit, audit)
		w.activeWriters += writers
		if audit > 0 {
			w.withAudit++
		}
		if other > 0 {
			w.withOther++
		}
	}
}

func (w *lockWaits) String() string {
	if w.samples == 0 {
		return "advisory locks: no samples"
	}
	pct := func(n int) float64 { return 100 * float64(n) / float64(w.samples) }
	return fmt.Sprintf("advisory locks, %d samples: a writer waited for the audit chain's lock in %.1f%% of them (mean %.2f waiting, at most %d; %.2f writing transactions active on average); for another lock in %.1f%%",
		w.samples, pct(w.withAudit), float64(w.auditWaiters)/float64(w.samples), w.maxAudit,
		float64(w.activeWriters)/float64(w.samples), pct(w.withOther))
}
