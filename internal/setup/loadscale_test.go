package setup_test

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"congthuong"
	"congthuong/internal/setup"
	"congthuong/internal/stats"
	"congthuong/internal/stats/statsdb"
	"congthuong/internal/store"
)

// TestGenerateScale generates one province's worth of load-test data and
// checks that it is there as users would find it: sites, every commune's
// monthly figures in the analytics, and the year's dossiers.
func TestGenerateScale(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, "", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := setup.Prepare(ctx, st, slog.New(slog.NewTextHandler(io.Discard, nil)), setup.Options{AdminPassword: "load-test-password"}); err != nil {
		t.Fatal(err)
	}
	got, err := setup.GenerateScale(ctx, st, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got.Provinces != 1 || got.Sites != 500 || got.Dossiers != 2000 || got.Values < 10_000 {
		t.Errorf("generated %+v", got)
	}
	sys := congthuong.NewContext(ctx, congthuong.System())
	p, _ := stats.ParsePeriod("2026-01")
	a, err := st.Analyze(sys, statsdb.AnalyticsQuery{Indicator: "RETAIL_SALES", Period: p, ChildrenOf: "31"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Summary.Count != 114 {
		t.Errorf("retail sales of 2026-01 for %d of Hải Phòng's 114 communes", a.Summary.Count)
	}
	var dossiers int
	if err := st.Read.QueryRowContext(ctx, `SELECT COUNT(*) FROM dossiers WHERE submitted_at < $1`, st.Now().AddDate(0, -6, 0)).Scan(&dossiers); err != nil {
		t.Fatal(err)
	}
	if dossiers < 900 || dossiers > 1100 {
		t.Errorf("%d of 2,000 dossiers filed more than six months ago: they should spread over the year", dossiers)
	}
}
