package statsdb_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"congthuong"
	"congthuong/internal/stats"
	"congthuong/internal/stats/statsdb"
	"congthuong/internal/storetest"
)

// TestAnalyticsReplica reads the analytics from a real streaming replica:
// while the replica's replay is paused the analytics show what it holds,
// not what the primary has since taken; once it resumes they catch up; the
// replica refuses writes; and when it stops, the primary answers.
func TestAnalyticsReplica(t *testing.T) {
	s, dbURL := storetest.PostgresURL(t)
	sys := congthuong.NewContext(context.Background(), congthuong.System())
	if _, err := s.SeedIndicators(sys, stats.DefaultIndicators()); err != nil {
		t.Fatal(err)
	}
	put := func(v float64) {
		t.Helper()
		if _, err := s.ImportValues(sys, valueRows(stats.ValueRow{Indicator: "RETAIL_SALES", UnitCode: "31", Period: period(t, "2024-01"), Value: v}), false); err != nil {
			t.Fatal(err)
		}
	}
	month := func() *float64 {
		t.Helper()
		a, err := s.Analyze(sys, statsdb.AnalyticsQuery{Indicator: "RETAIL_SALES", Period: period(t, "2024-01"), Units: []string{"31"}})
		if err != nil {
			t.Fatal(err)
		}
		return a.Units[0].Value
	}
	waitFor := func(want float64) {
		t.Helper()
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if near(month(), want) {
				return
			}
		}
		t.Fatalf("the analytics say %v, want %v", show(month()), want)
	}

	put(100)
	replicaURL, stop := storetest.StreamingReplica(t, dbURL)
	if err := s.UseAnalyticsReplica(replicaURL); err != nil {
		t.Fatal(err)
	}
	waitFor(100)
	replica, err := sql.Open("pgx", replicaURL)
	if err != nil {
		t.Fatal(err)
	}
	defer replica.Close()

	if _, err := replica.Exec(`SELECT pg_wal_replay_pause()`); err != nil {
		t.Fatal(err)
	}
	put(150)
	if got := month(); !near(got, 100) {
		t.Errorf("with the replica paused the analytics say %v: they did not read from it", show(got))
	}
	if _, err := replica.Exec(`SELECT pg_wal_replay_resume()`); err != nil {
		t.Fatal(err)
	}
	waitFor(150)

	_, err = replica.Exec(`DELETE FROM stat_series`)
	if err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("a write on the replica: %v, want a read-only refusal", err)
	}

	stop()
	if got := month(); !near(got, 150) {
		t.Errorf("with the replica stopped the analytics say %v", show(got))
	}
	if s.ReplicaFallbacks() == 0 {
		t.Error("the primary answered without counting a fallback")
	}
	put(175)
	if got := month(); !near(got, 175) {
		t.Errorf("with the replica still down the analytics say %v, want 175", show(got))
	}
}

// show prints a value that may be missing.
func show(v *float64) any {
	if v == nil {
		return "nothing"
	}
	return *v
}
