package proceduredb

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/procedure"
)

// A dossier counts in dossier_counts by what it is: received in a month
// (by channel), decided in a month (processed or returned, early, on time
// or late), closed in a month (any end). tally is what one dossier adds;
// every write of a dossier takes away what it added before and adds what
// it adds now, in the same transaction.

// tally is the fields of a dossier its counts depend on, as stored.
type tally struct {
	unit        string
	channel     int
	status      procedure.Status
	received    *time.Time
	finished    *time.Time
	early, late bool
}

// countCell is one counter of one month.
type countCell struct {
	month, column string
}

var channelColumns = map[int]string{procedure.InPerson: "received_in_person", procedure.Online: "received_online", procedure.Post: "received_by_post"}

// monthOf is the month of t in Vietnam's time, as dossier_counts keys it.
func monthOf(t time.Time) string { return t.In(congthuong.Location).Format("2006-01") }

// cells are the counters t adds one to.
func (t tally) cells() []countCell {
	var out []countCell
	if t.received != nil {
		if col, ok := channelColumns[t.channel]; ok {
			out = append(out, countCell{monthOf(*t.received), col})
		}
	}
	if t.finished != nil {
		m := monthOf(*t.finished)
		if t.received != nil {
			out = append(out, countCell{m, "closed"})
		}
		if t.status == procedure.Processed || t.status == procedure.Returned {
			col := "done_on_time"
			switch {
			case t.late:
				col = "done_late"
			case t.early:
				col = "done_early"
			}
			out = append(out, countCell{m, col})
		}
	}
	return out
}

// storedTally reads what the dossier id counts as now.
func storedTally(ctx context.Context, tx *db.Tx, id int64) (tally, error) {
	var t tally
	var status string
	var received, finished sql.NullTime
	err := tx.QueryRowContext(ctx, `SELECT unit_code, channel, status, received_at, finished_at, finished_early, finished_late
		FROM dossiers WHERE id = $1`, id).Scan(&t.unit, &t.channel, &status, &received, &finished, &t.early, &t.late)
	if err != nil {
		return t, fmt.Errorf("proceduredb: dossier's counts: %w", err)
	}
	t.status, t.received, t.finished = procedure.Status(status), db.NullTime(received), db.NullTime(finished)
	return t, nil
}

// recount moves a dossier's counts from what before added (nil: a new
// dossier) to what after adds.
func recount(ctx context.Context, tx *db.Tx, before *tally, after tally) error {
	delta := map[countCell]int{}
	if before != nil {
		for _, c := range before.cells() {
			delta[c]--
		}
	}
	for _, c := range after.cells() {
		delta[c]++
	}
	for c, n := range delta {
		if n == 0 {
			continue
		}
		// The column is one of tally's names, never the caller's text.
		if _, err := tx.ExecContext(ctx, `INSERT INTO dossier_counts (unit_code, month, `+c.column+`) VALUES ($1, $2, $3)
			ON CONFLICT (unit_code, month) DO UPDATE SET `+c.column+` = dossier_counts.`+c.column+` + excluded.`+c.column,
			after.unit, c.month, n); err != nil {
			return fmt.Errorf("proceduredb: count dossier: %w", err)
		}
	}
	return nil
}

// RecountDossiers writes dossier_counts again from the dossiers, in one
// transaction (see RecountDossiersAtStart), and for tools that write
// dossiers straight into the table. The system or an administrator. On
// PostgreSQL the counts are locked against writers for the transaction: a
// dossier changed meanwhile adds its counts after the recount, which does
// not see it.
func (s *Procedures) RecountDossiers(ctx context.Context) error {
	if err := db.RequireAdmin(congthuong.ActorFrom(ctx)); err != nil {
		return err
	}
	month := func(col string) string {
		if s.Dialect.Name == "postgres" {
			return `to_char((` + col + ` AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM')`
		}
		return `strftime('%Y-%m', ` + col + `, '+7 hours')`
	}
	return s.WithTx(ctx, func(tx *db.Tx) error {
		queries := []string{
			`DELETE FROM dossier_counts`,
			`INSERT INTO dossier_counts (unit_code, month, received_in_person, received_online, received_by_post)
				SELECT unit_code, ` + month("received_at") + `, SUM(CASE WHEN channel = 1 THEN 1 ELSE 0 END),
				SUM(CASE WHEN channel = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN channel = 3 THEN 1 ELSE 0 END)
				FROM dossiers WHERE received_at IS NOT NULL GROUP BY 1, 2`,
			`INSERT INTO dossier_counts (unit_code, month, done_early, done_on_time, done_late, closed)
				SELECT unit_code, ` + month("finished_at") + `,
				SUM(CASE WHEN status IN ('processed', 'returned') AND NOT finished_late AND finished_early THEN 1 ELSE 0 END),
				SUM(CASE WHEN status IN ('processed', 'returned') AND NOT finished_late AND NOT finished_early THEN 1 ELSE 0 END),
				SUM(CASE WHEN status IN ('processed', 'returned') AND finished_late THEN 1 ELSE 0 END), COUNT(*)
				FROM dossiers WHERE finished_at IS NOT NULL AND received_at IS NOT NULL GROUP BY 1, 2
				ON CONFLICT (unit_code, month) DO UPDATE SET done_early = excluded.done_early, done_on_time = excluded.done_on_time,
				done_late = excluded.done_late, closed = excluded.closed`,
		}
		if s.Dialect.Name == "postgres" {
			queries = append([]string{`LOCK TABLE dossier_counts IN EXCLUSIVE MODE`}, queries...)
		}
		queries = append(queries, `INSERT INTO settings (key, value) VALUES ('`+countedKey+`', '1')
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
		for _, q := range queries {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("proceduredb: recount dossiers: %w", err)
			}
		}
		return nil
	})
}

// countedKey is the setting that says dossier_counts has been written from
// the dossiers once.
const countedKey = "dossier_counts"

// RecountDossiersAtStart recounts when the platform starts: on SQLite only
// the first time (the counts of the dossiers recorded before the table;
// one process writes, and from then on it counts as it writes), on
// PostgreSQL at every start, because processes of an older version may be
// filing beside it during an upgrade without counting, and the last one
// to start makes their counts right. A recount reads every dossier: 1.6 s
// on PostgreSQL and 8.5 s on SQLite for 1,000,000 (BenchmarkScorecard1M's
// log), which is why SQLite does not pay it at each start.
func (s *Procedures) RecountDossiersAtStart(ctx context.Context) error {
	if s.Dialect.Name != "postgres" {
		if done, err := s.Setting(ctx, countedKey); err != nil || done == "1" {
			return err
		}
	}
	return s.RecountDossiers(ctx)
}
