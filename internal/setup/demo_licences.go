package setup

import (
	"context"
	"fmt"
	"time"

	"congthuong/internal/calendar"
	"congthuong/internal/commerce"
	"congthuong/internal/store"
	"congthuong/internal/unit"
)

// demoShops are the demo's licensed shops and demoOwners the households
// holding them: made up, each marked as a sample.
var demoShops = []string{"Tạp hóa Minh Anh", "Tạp hóa Bình An", "Cửa hàng Hồng Nhung", "Siêu thị mini Hoa Mai", "Tạp hóa Phúc Lộc",
	"Cửa hàng Thành Đạt", "Đại lý Hải Vân", "Tạp hóa Kim Liên", "Cửa hàng Tuấn Hương", "Tạp hóa Ngọc Lan", "Cửa hàng Quang Vinh",
	"Tạp hóa Thu Hà"}

var demoOwners = []string{"Nguyễn Thị Lan", "Trần Văn Bình", "Lê Thị Hồng", "Phạm Văn Nam", "Hoàng Thị Mai", "Vũ Văn Hải",
	"Đặng Thị Thu", "Bùi Văn Long", "Đỗ Thị Hạnh", "Ngô Văn Tuấn", "Dương Thị Hoa", "Lý Văn Quang", "Phan Thị Ngọc"}

// demoLicences records the demo's licences in Hải Phòng: the commune's
// kinds in Thủy Nguyên (placed on the map near the ward, where the demo
// officer works) and in a few other communes (without a place), and the
// department's kinds; some expired, some ending within weeks, one
// suspended and one revoked, so that every list and reminder has
// something to show. Everything is marked as demo data.
func demoLicences(ctx context.Context, st *store.Store, places []unit.Unit, taxCodes []string) error {
	today, err := calendar.ParseDate(unit.Today(st.Now()))
	if err != nil {
		return err
	}
	communeKinds := []string{"tobacco_retail", "alcohol_retail", "tobacco_retail", "craft_alcohol"}
	deptKinds := []string{"alcohol_wholesale", "tobacco_wholesale", "petroleum_retail"}
	var ids []int64
	for i := 0; i < 48; i++ {
		place := "11560"
		if i%2 == 1 {
			place = places[(i*13)%len(places)].Code
		}
		kind := communeKinds[i%len(communeKinds)]
		holder := fmt.Sprintf("Hộ kinh doanh %s (mẫu)", demoOwners[i%len(demoOwners)])
		id := fmt.Sprintf("0310950%05d", 1000+i*37)
		if i%6 == 5 {
			kind = deptKinds[(i/6)%len(deptKinds)]
			holder, id = fmt.Sprintf("Công ty mẫu số %d", i+1), taxCodes[i%len(taxCodes)]
		}
		// Issued over five years back; one in eight ends within weeks.
		issued := today.AddDays(-30 - (i*97)%1800)
		if i%8 == 0 {
			end := today.AddDays(12 + i%20)
			issued = calendar.DateOf(time.Date(end.Year-5, time.Month(end.Month), end.Day+1, 0, 0, 0, 0, time.UTC))
		}
		l := &commerce.Licence{Kind: kind, Number: fmt.Sprintf("%d/GP-MAU", 100+i), HolderName: holder, HolderID: id,
			HolderEmail: fmt.Sprintf("cuahang%d@example.vn", i+1), ShopName: demoShops[i%len(demoShops)] + " (mẫu)",
			Address: fmt.Sprintf("Số %d, đường số %d (địa chỉ mẫu)", 3+i*2, 1+i%7), UnitCode: place, IssuedOn: issued.String(),
			Conditions: "Diện tích bán từ 3 m²; có hợp đồng mua bán với nhà cung cấp (mẫu)", Demo: true}
		if place == "11560" {
			lon, lat := 106.66+float64((i*7)%40)/1000, 20.91+float64((i*11)%40)/1000
			l.Lon, l.Lat = &lon, &lat
		}
		if err := st.Commerce.CreateLicence(ctx, l); err != nil {
			return fmt.Errorf("demo licence %d: %w", i, err)
		}
		ids = append(ids, l.ID)
	}
	for _, d := range []struct {
		i int
		e commerce.Event
	}{
		{2, commerce.Event{Action: commerce.Suspend, Decision: "15/QĐ-MAU", Note: "Bán sản phẩm thuốc lá cho người chưa đủ 18 tuổi (mẫu)"}},
		{10, commerce.Event{Action: commerce.Revoke, Decision: "16/QĐ-MAU", Note: "Chấm dứt kinh doanh theo đề nghị (mẫu)"}},
	} {
		l, err := st.Commerce.FindLicence(ctx, ids[d.i])
		if err != nil {
			return err
		}
		e := d.e
		e.On = today.AddDays(-3).String()
		if l.StatusOn(today.String()) != commerce.Active {
			continue
		}
		if _, err := st.Commerce.DecideLicence(ctx, l.ID, l.Version, e); err != nil {
			return fmt.Errorf("demo decision: %w", err)
		}
	}
	return nil
}
