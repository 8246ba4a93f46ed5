package setup

import (
	"context"
	"fmt"

	"congthuong/internal/commerce"
	"congthuong/internal/store"
	"congthuong/internal/unit"
)

// demoMarkets records the demo's markets in Hải Phòng, each marked as a
// sample: Thủy Nguyên's placed near the ward, others in a few communes,
// one of every kind and class, and one converted from its board to an
// enterprise.
func demoMarkets(ctx context.Context, st *store.Store, places []unit.Unit) error {
	markets := []commerce.Market{
		{Name: "Chợ Thủy Nguyên (mẫu)", Method: "everyday", Capital: "state", Operator: "board", OperatorName: "Ban quản lý chợ (mẫu)",
			Permanent: true, Points: 460, Occupied: 431, LandM2: 9200, BusinessM2: 4100, OpeningHours: "Mo-Su 05:00-19:00"},
		{Name: "Chợ đêm Bạch Đằng (mẫu)", Method: "night", Capital: "non_state", Operator: "enterprise", OperatorName: "Công ty mẫu số 3",
			Points: 120, Occupied: 96, LandM2: 2500, OpeningHours: "Mo-Su 18:00-23:00"},
		{Name: "Chợ đầu mối nông sản (mẫu)", Method: "wholesale", Capital: "mixed", Operator: "cooperative", OperatorName: "Hợp tác xã mẫu",
			Permanent: true, Points: 380, Occupied: 300, LandM2: 12500, BusinessM2: 6000, OpeningHours: "Mo-Su 02:00-09:00"},
		{Name: "Chợ Núi Đèo (mẫu)", Method: "everyday", Capital: "state", Operator: "board", Points: 210, Occupied: 180, LandM2: 4000},
		{Name: "Chợ cộng đồng thôn 3 (mẫu)", Method: "community", Capital: "non_state", Operator: "board", Points: 40, Occupied: 35, LandM2: 600},
		{Name: "Chợ tạm Phú Xuân (mẫu)", Method: "temporary", Capital: "state", Operator: "board", Points: 60, Occupied: 60, LandM2: 900},
	}
	for i := range markets {
		m := markets[i]
		m.UnitCode, m.Address, m.Demo = "11560", fmt.Sprintf("Số %d (địa chỉ mẫu)", 10+i), true
		if i >= 3 {
			m.UnitCode = places[(i*29)%len(places)].Code
		} else {
			lon, lat := 106.665+float64(i)*0.01, 20.915+float64(i)*0.006
			m.Lon, m.Lat = &lon, &lat
		}
		if err := st.Commerce.SaveMarket(ctx, &m); err != nil {
			return fmt.Errorf("demo market %d: %w", i, err)
		}
		if i == 0 {
			m.Operator, m.OperatorName, m.Capital = "enterprise", "Công ty mẫu số 1", "mixed"
			if err := st.Commerce.SaveMarket(ctx, &m); err != nil {
				return fmt.Errorf("demo market conversion: %w", err)
			}
		}
	}
	return nil
}

// demoRetail records a few stores of the demo's retail network in Hải
// Phòng, each marked as a sample: supermarkets of both assortments, a
// shopping centre and convenience stores of a chain.
func demoRetail(ctx context.Context, st *store.Store) error {
	stores := []commerce.RetailStore{
		{Name: "Siêu thị tổng hợp Thủy Nguyên (mẫu)", Kind: "supermarket", Assortment: "general", AreaM2: 2600, Items: 14000},
		{Name: "Siêu thị điện máy (mẫu)", Kind: "supermarket", Assortment: "specialised", AreaM2: 1100, Items: 2200},
		{Name: "Trung tâm thương mại Bến Bính (mẫu)", Kind: "shopping_centre", Assortment: "general", AreaM2: 32000, Items: 40000},
		{Name: "Cửa hàng tiện lợi số 1 (mẫu)", Kind: "convenience", Assortment: "general", Chain: "Chuỗi tiện lợi mẫu", AreaM2: 95, Items: 900},
		{Name: "Cửa hàng tiện lợi số 2 (mẫu)", Kind: "convenience", Assortment: "general", Chain: "Chuỗi tiện lợi mẫu", AreaM2: 70, Items: 600},
	}
	for i := range stores {
		s := stores[i]
		lon, lat := 106.67+float64(i)*0.004, 20.92+float64(i)*0.003
		s.UnitCode, s.Address, s.Lon, s.Lat, s.Demo = "11560", fmt.Sprintf("Số %d (địa chỉ mẫu)", 40+i), &lon, &lat, true
		if err := st.Commerce.SaveRetailStore(ctx, &s); err != nil {
			return fmt.Errorf("demo store %d: %w", i, err)
		}
	}
	return nil
}
