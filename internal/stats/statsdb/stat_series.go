package statsdb

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/stats"
)

// A series row holds one unit's stored values of one indicator in one year
// (see migration 0009). Analytics read these rather than the values: a
// half year over every unit is 6,710 rows instead of 40,000.

// yearSeries names a series row.
type yearSeries struct {
	seriesKey
	year int
}

// seriesEntry is one stored value of a series row.
type seriesEntry struct {
	first, last uint8 // months
	official    bool
	value       float64
}

// seriesFormat is the first byte of the encoding; entries follow, ordered
// by first then last month, each as first, last, flags (1: official) and
// the value's IEEE 754 bits, little-endian.
const (
	seriesFormat    = 1
	seriesEntrySize = 11
)

func encodeSeries(entries []seriesEntry) []byte {
	slices.SortFunc(entries, func(a, b seriesEntry) int {
		if a.first != b.first {
			return int(a.first) - int(b.first)
		}
		return int(a.last) - int(b.last)
	})
	out := make([]byte, 1, 1+seriesEntrySize*len(entries))
	out[0] = seriesFormat
	for _, e := range entries {
		var flags byte
		if e.official {
			flags = 1
		}
		out = append(out, e.first, e.last, flags)
		out = binary.LittleEndian.AppendUint64(out, math.Float64bits(e.value))
	}
	return out
}

// seriesData is a series row's data as stored.
type seriesData []byte

var errSeriesFormat = errors.New("statsdb: a stat_series row is not in the known format")

func (d seriesData) valid() bool {
	return len(d) > 0 && d[0] == seriesFormat && (len(d)-1)%seriesEntrySize == 0
}

// find returns the value stored for p's months; with officialOnly, only an
// official one (what the public sees). d is valid or empty.
func (d seriesData) find(p stats.Period, officialOnly bool) (float64, bool) {
	for b := d[min(len(d), 1):]; len(b) >= seriesEntrySize; b = b[seriesEntrySize:] {
		if int(b[0]) == p.First && int(b[1]) == p.Last {
			if officialOnly && b[2]&1 == 0 {
				return 0, false
			}
			return math.Float64frombits(binary.LittleEndian.Uint64(b[3:])), true
		}
	}
	return 0, false
}

// seriesRow is a series row to write.
type seriesRow struct {
	key     yearSeries
	entries []seriesEntry
}

func compareSeries(a, b yearSeries) int {
	if c := strings.Compare(a.indicator, b.indicator); c != 0 {
		return c
	}
	if a.year != b.year {
		return a.year - b.year
	}
	if c := strings.Compare(a.unitCode, b.unitCode); c != 0 {
		return c
	}
	return strings.Compare(a.unitFrom, b.unitFrom)
}

// upsertSeries writes series rows, replacing those already stored.
func upsertSeries(ctx context.Context, q db.Execer, d db.Dialect, rows []seriesRow) error {
	slices.SortFunc(rows, func(a, b seriesRow) int { return compareSeries(a.key, b.key) })
	const cols, per = 5, 200
	args := make([]any, 0, per*cols)
	for len(rows) > 0 {
		n := min(per, len(rows))
		args = args[:0]
		for _, r := range rows[:n] {
			args = append(args, r.key.indicator, r.key.year, r.key.unitCode, r.key.unitFrom, encodeSeries(r.entries))
		}
		if _, err := q.ExecContext(ctx, `INSERT INTO stat_series (indicator, year, unit_code, unit_from, data) VALUES `+
			d.Values(n, cols)+` ON CONFLICT (indicator, year, unit_code, unit_from) DO UPDATE SET data = excluded.data`,
			args...); err != nil {
			return fmt.Errorf("statsdb: write series: %w", err)
		}
		rows = rows[n:]
	}
	return nil
}

// insertSeries writes series rows none of which is stored yet: by COPY on
// PostgreSQL.
func insertSeries(ctx context.Context, tx *db.Tx, rows []seriesRow) error {
	if len(rows) == 0 {
		return nil
	}
	if !tx.DB.Dialect.UseCopy {
		return upsertSeries(ctx, tx, tx.DB.Dialect, rows)
	}
	slices.SortFunc(rows, func(a, b seriesRow) int { return compareSeries(a.key, b.key) })
	err := tx.InsertRows(ctx, "stat_series", []string{"indicator", "year", "unit_code", "unit_from", "data"},
		func(yield func([]any) bool) {
			row := make([]any, 5)
			for _, r := range rows {
				row[0], row[1], row[2], row[3], row[4] = r.key.indicator, r.key.year, r.key.unitCode, r.key.unitFrom, encodeSeries(r.entries)
				if !yield(row) {
					return
				}
			}
		})
	if err != nil {
		return fmt.Errorf("statsdb: write series: %w", err)
	}
	return nil
}

// lockSeries makes the writers of an indicator's year take turns until
// their transactions end. Whoever writes values reads those already stored
// and rewrites the year's series from them: on PostgreSQL, two imports of
// the same year (different months) would otherwise each miss the other's
// values, one losing its months from the series or failing on a duplicate.
// SQLite has one writer at a time already. Locks are taken in one order,
// so that writers of several years cannot deadlock.
func lockSeries(ctx context.Context, tx *db.Tx, years map[string]map[int]bool) error {
	if tx.DB.Dialect.Name != "postgres" {
		return nil
	}
	type key struct {
		indicator string
		year      int
	}
	var keys []key
	for code, ys := range years {
		for y := range ys {
			keys = append(keys, key{code, y})
		}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := strings.Compare(a.indicator, b.indicator); c != 0 {
			return c
		}
		return a.year - b.year
	})
	for _, k := range keys {
		// Two int4 keys: a space apart from the one-key locks of
		// start-up and the audit chain.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext('stat_series:' || $1), $2)`, k.indicator, k.year); err != nil {
			return fmt.Errorf("statsdb: lock series: %w", err)
		}
	}
	return nil
}

// refreshSeries rewrites series rows from the values themselves, after a
// change that did not go through an import (an approval changes their
// status). w selects whole series: by indicator, year and unit, never by
// period.
func refreshSeries(ctx context.Context, q db.Execer, d db.Dialect, w db.Where) error {
	rows, err := seriesFromValues(ctx, q, w)
	if err != nil {
		return err
	}
	return upsertSeries(ctx, q, d, rows)
}

// seriesFromValues builds the series rows of the values matching w.
func seriesFromValues(ctx context.Context, q db.Queryer, w db.Where) ([]seriesRow, error) {
	rs, err := q.QueryContext(ctx, `SELECT indicator, year, unit_code, unit_from, first_month, last_month, value, status
		FROM stat_values`+w.SQL()+` ORDER BY indicator, year, unit_code, unit_from`, w.Args...)
	if err != nil {
		return nil, fmt.Errorf("statsdb: series: %w", err)
	}
	defer rs.Close()
	var out []seriesRow
	for rs.Next() {
		var k yearSeries
		var e seriesEntry
		var status string
		if err := rs.Scan(&k.indicator, &k.year, &k.unitCode, &k.unitFrom, &e.first, &e.last, &e.value, &status); err != nil {
			return nil, err
		}
		e.official = status == string(stats.Official)
		if len(out) == 0 || out[len(out)-1].key != k {
			out = append(out, seriesRow{key: k})
		}
		last := &out[len(out)-1]
		last.entries = append(last.entries, e)
	}
	return out, rs.Err()
}

// RebuildSeriesWith writes the series rows of every stored value, through
// q: the repair the migration that adds the table asks for, and
// RebuildSeries.
func RebuildSeriesWith(ctx context.Context, q db.Execer, d db.Dialect) error {
	if _, err := q.ExecContext(ctx, `DELETE FROM stat_series`); err != nil {
		return fmt.Errorf("statsdb: series: %w", err)
	}
	return refreshSeries(ctx, q, d, db.Where{})
}

// RebuildSeries writes every series row again from the stored values, in
// one transaction: the repair when CheckSeries finds a difference.
// Administrators only.
func (s *Stats) RebuildSeries(ctx context.Context) error {
	if err := db.RequireAdmin(congthuong.ActorFrom(ctx)); err != nil {
		return err
	}
	return s.WithTx(ctx, func(tx *db.Tx) error { return RebuildSeriesWith(ctx, tx, s.Dialect) })
}

// CheckSeries reports whether every series row holds exactly the values
// stored: the analytics' copy agrees with the record.
func (s *Stats) CheckSeries(ctx context.Context) error {
	want, err := seriesFromValues(ctx, s.Read, db.Where{})
	if err != nil {
		return err
	}
	rows, err := s.Read.QueryContext(ctx, `SELECT indicator, year, unit_code, unit_from, data FROM stat_series
		ORDER BY indicator, year, unit_code, unit_from`)
	if err != nil {
		return fmt.Errorf("statsdb: series: %w", err)
	}
	defer rows.Close()
	i := 0
	for ; rows.Next(); i++ {
		var k yearSeries
		var data []byte
		if err := rows.Scan(&k.indicator, &k.year, &k.unitCode, &k.unitFrom, &data); err != nil {
			return err
		}
		if i >= len(want) || want[i].key != k {
			return fmt.Errorf("statsdb: series %v is stored but no value makes it", k)
		}
		if w := encodeSeries(want[i].entries); !bytes.Equal(w, data) {
			return fmt.Errorf("statsdb: series %v holds other values than stat_values", k)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if i < len(want) {
		return fmt.Errorf("statsdb: series %v is missing", want[i].key)
	}
	return nil
}
