package statsdb_test

import (
	"context"
	"testing"

	"congthuong"
	"congthuong/internal/stats"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

// TestLatestOfficialMonth: pages open on the latest month with an official
// figure, passing over later estimates and yearly totals.
func TestLatestOfficialMonth(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		sys := congthuong.NewContext(context.Background(), congthuong.System())
		if _, err := s.SeedIndicators(sys, stats.DefaultIndicators()); err != nil {
			t.Fatal(err)
		}
		if _, ok, err := s.LatestOfficialMonth(sys, "RETAIL_SALES"); ok || err != nil {
			t.Errorf("no figures yet: %v %v", ok, err)
		}
		_, err := s.ImportValues(sys, valueRows(
			stats.ValueRow{Indicator: "RETAIL_SALES", UnitCode: "31", Period: period(t, "2026-09"), Value: 10},
			stats.ValueRow{Indicator: "RETAIL_SALES", UnitCode: "31", Period: period(t, "2026-10"), Value: 11},
			stats.ValueRow{Indicator: "RETAIL_SALES", UnitCode: "31", Period: period(t, "2026-11"), Value: 12, Status: stats.Estimate},
			stats.ValueRow{Indicator: "RETAIL_SALES", UnitCode: "31", Period: period(t, "2027"), Value: 100},
		), false)
		if err != nil {
			t.Fatal(err)
		}
		if p, ok, err := s.LatestOfficialMonth(sys, "RETAIL_SALES"); !ok || err != nil || p.String() != "2026-10" {
			t.Errorf("latest: %v %v %v", p, ok, err)
		}
	})
}
