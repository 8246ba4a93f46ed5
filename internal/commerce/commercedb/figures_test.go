package commercedb_test

import (
	"context"
	"testing"

	"congthuong"
	"congthuong/internal/commerce"
	"congthuong/internal/commerce/commercedb"
	"congthuong/internal/stats"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

// TestTradeFigures: the department writes what the registers count into
// the month's statistics, per commune and for the province; a commune
// may not; running it again after a change revises the value.
func TestTradeFigures(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		at(s, "2026-12-07T09:00:00+07:00")
		sys := congthuong.NewContext(context.Background(), congthuong.System())
		if _, err := s.SeedIndicators(sys, stats.DefaultIndicators()); err != nil {
			t.Fatal(err)
		}
		commune, dept := storetest.As(storetest.ThuyNguyen), storetest.As(storetest.HaiPhongOfficer)
		for _, m := range []*commerce.Market{
			{Name: "Chợ Núi Đèo", UnitCode: "11560", Method: "everyday", Capital: "state", Operator: "board", Points: 450, Permanent: true},
			{Name: "Chợ Bến", UnitCode: "11560", Method: "everyday", Capital: "state", Operator: "board", Points: 120},
		} {
			if err := s.Commerce.SaveMarket(commune, m); err != nil {
				t.Fatal(err)
			}
		}
		store := &commerce.RetailStore{Name: "Siêu thị Thủy Nguyên", Kind: "supermarket", Assortment: "general", UnitCode: "11560",
			Address: "Số 1 đường Đà Nẵng", AreaM2: 2500, Items: 12000}
		if err := s.Commerce.SaveRetailStore(commune, store); err != nil {
			t.Fatal(err)
		}
		if err := s.Commerce.CreateLicence(commune, tobacco("01/2026/GPBL", "Nguyễn Văn An", "11560", "2026-03-02")); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Commerce.PublishTradeFigures(commune, "31", commercedb.FigureOptions{}); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("a commune publishes: %v", err)
		}
		res, err := s.Commerce.PublishTradeFigures(dept, "31", commercedb.FigureOptions{Population: map[string]int64{"11560": 71_000, "31": 4_600_000}})
		if err != nil {
			t.Fatal(err)
		}
		if res.Created == 0 {
			t.Errorf("nothing written: %+v", res)
		}
		month := stats.MonthOf(2026, 12)
		want := map[[2]string]float64{
			{"MARKETS", "11560"}: 2, {"MARKETS_CLASS1", "11560"}: 1, {"MARKETS_CLASS3", "11560"}: 1,
			{"SUPERMARKETS", "11560"}: 1, {"TRADE_LICENCES", "11560"}: 1, {"MARKETS", "31"}: 2, {"TRADE_LICENCES", "31"}: 1,
			{"PROMOTIONS", "31"}: 0, {"MARKETS_PER_10K", "11560"}: 0.28,
		}
		for k, v := range want {
			got, err := s.UnitValues(dept, k[0], month, k[1])
			if err != nil || len(got) != 1 || got[0].Value != v || got[0].Status != stats.Official {
				t.Errorf("%s of %s: %+v %v, want %v", k[0], k[1], got, err, v)
			}
		}
		if err := s.Commerce.SaveMarket(commune, &commerce.Market{Name: "Chợ đêm", UnitCode: "11560", Method: "night", Capital: "non_state",
			Operator: "enterprise", OperatorName: "Công ty An Bình", Points: 60, OpeningHours: "Fr-Su 18:00-23:00"}); err != nil {
			t.Fatal(err)
		}
		if res, err = s.Commerce.PublishTradeFigures(dept, "31", commercedb.FigureOptions{}); err != nil || res.Updated != 4 { // markets and class 3, of the commune and the province
			t.Errorf("again after a market: %+v %v", res, err)
		}
		if got, _ := s.UnitValues(dept, "MARKETS", month, "31"); len(got) != 1 || got[0].Value != 3 {
			t.Errorf("the province's markets: %+v", got)
		}
	})
}
