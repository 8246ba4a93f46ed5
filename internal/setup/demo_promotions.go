package setup

import (
	"context"
	"fmt"

	"congthuong/internal/calendar"
	"congthuong/internal/commerce"
	"congthuong/internal/store"
	"congthuong/internal/unit"
)

// demoPromotions files the demo's trade promotions with Hải Phòng's
// department, as its demo firms would: a discount running now, a lucky
// draw awaiting the department's decision, a loyalty programme notified
// to start in two days, and a refused draw. Every title is marked as a sample.
func demoPromotions(ctx context.Context, st *store.Store, traders []string) error {
	cal, err := st.Calendar(ctx, calendar.DefaultOptions())
	if err != nil {
		return err
	}
	today, err := calendar.ParseDate(unit.Today(st.Now()))
	if err != nil {
		return err
	}
	day := func(n int) string { return today.AddDays(n).String() }
	programmes := []commerce.Promotion{
		{Title: "Tuần lễ vàng giảm giá nước mắm (mẫu)", Form: "discount", Start: day(-3), End: day(10), Brand: "Cát Hải (mẫu)",
			Goods: []commerce.Good{{Name: "Nước mắm 500 ml", PriceBefore: 60_000, PromoValue: 15_000}}},
		{Title: "Quay số trúng xe máy đón Tết (mẫu)", Form: "lucky_draw", Start: day(7), End: day(40), Prizes: "1 xe máy; 10 bộ quà Tết",
			PrizeTotal: 45_000_000, Goods: []commerce.Good{{Name: "Sản phẩm thép mạ kẽm", PriceBefore: 250_000}}},
		{Title: "Tích điểm khách hàng thân thiết (mẫu)", Form: "loyalty", Start: day(2), End: day(160),
			Goods: []commerce.Good{{Name: "Hàng may mặc", PriceBefore: 300_000, PromoValue: 30_000}}},
		{Title: "Bốc thăm may mắn tháng 12 (mẫu)", Form: "lucky_draw", Start: day(5), End: day(25), Prizes: "5 giải, mỗi giải 2 triệu đồng",
			PrizeTotal: 10_000_000, Goods: []commerce.Good{{Name: "Thức ăn chăn nuôi", PriceBefore: 400_000}}},
	}
	var ids []int64
	for i := range programmes {
		p := programmes[i]
		p.TaxCode, p.TraderName, p.Provinces, p.Demo = traders[i%len(traders)], fmt.Sprintf("Công ty mẫu số %d", i+1), []string{"31"}, true
		if _, err := st.Commerce.FilePromotion(ctx, &p, "31", cal); err != nil {
			return fmt.Errorf("demo promotion %d: %w", i, err)
		}
		ids = append(ids, p.ID)
	}
	_, err = st.Commerce.DecidePromotion(ctx, ids[3], 1, false, "98/SCT-QLTM (mẫu)", "Thể lệ chưa nêu cách xác định người trúng thưởng (mẫu)")
	return err
}
