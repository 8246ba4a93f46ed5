package setup

import (
	"context"
	"fmt"

	"congthuong"
	"congthuong/data"
	"congthuong/internal/auth"
	"congthuong/internal/commerce/commercedb"
	"congthuong/internal/enterprise"
	"congthuong/internal/store"
	"congthuong/internal/unit"
)

// Demo enterprises: made-up names in the style of Hải Phòng's register,
// with tax codes that pass the check digit (prefix 02 is Hải Phòng's, 08
// the former Hải Dương's). They are flagged demo and shown as such.
var demoNames = []struct{ name, vsic string }{
	{"Cơ khí chính xác Thủy Nguyên", "C2592"}, {"Thép Đình Vũ", "C2410"}, {"Dệt may Hải An", "C1410"},
	{"Thủy sản Cát Hải", "C1020"}, {"Logistics Lạch Huyện", "H5210"}, {"Điện tử Tràng Duệ", "C2610"},
	{"Xi măng Minh Đức", "C2394"}, {"Nhựa Tiền Phong Xanh", "C2220"}, {"Giày da Kiến Thụy", "C1520"},
	{"Đóng tàu Bạch Đằng Mới", "C3011"}, {"Thương mại Lê Chân", "G4690"}, {"Siêu thị Ngô Quyền", "G4711"},
	{"Vận tải biển Đồ Sơn", "H5012"}, {"Năng lượng mặt trời An Lão", "D3511"}, {"Gốm sứ Chu Đậu", "C2393"},
	{"Nông sản Thanh Hà", "C1030"}, {"Cơ điện Hải Dương", "C2710"}, {"Bao bì Vĩnh Bảo", "C1702"},
	{"Dược phẩm Kinh Môn", "C2100"}, {"Chế biến gỗ Tiên Lãng", "C1622"}, {"Kho lạnh Nam Đình Vũ", "H5210"},
	{"Phân phối xăng dầu Hồng Bàng", "G4730"}, {"Thực phẩm Chí Linh", "C1079"}, {"Điện tử ô tô An Dương", "C2930"},
}

var demoForms = []string{"Công ty TNHH", "Công ty Cổ phần"}

func loadDemo(ctx context.Context, st *store.Store, ref *unit.Reference, password string) error {
	today := unit.Today(st.Now())
	var communes []string
	var places []unit.Unit
	for _, u := range ref.Units {
		if u.Level == unit.Commune && u.ParentCode == "31" && u.ValidOn(today) {
			communes = append(communes, u.Code)
			places = append(places, u)
		}
	}
	if len(communes) == 0 {
		return fmt.Errorf("no communes of Hải Phòng (31) in the reference data")
	}
	var first string
	var taxCodes []string
	seq := 1000123
	for i, d := range demoNames {
		var tc string
		for {
			seq += 7919
			prefix := "02"
			if i%4 == 3 {
				prefix = "08"
			}
			var ok bool
			if tc, ok = enterprise.WithCheckDigit(fmt.Sprintf("%s%07d", prefix, seq%10000000)); ok {
				break
			}
		}
		if first == "" {
			first = tc
		}
		taxCodes = append(taxCodes, tc)
		commune := communes[(i*37)%len(communes)]
		if i == 0 {
			commune = "11560" // Phường Thủy Nguyên, where the demo commune officer works
		}
		e := &enterprise.Enterprise{TaxCode: tc, Name: demoForms[i%2] + " " + d.name, Address: fmt.Sprintf("Số %d, đường số %d", 10+i*3, 1+i%9),
			UnitCode: commune, VSICCode: d.vsic, VSICVersion: enterprise.VSIC2018, Representative: "Nguyễn Văn Mẫu",
			Phone: fmt.Sprintf("0225 38%02d %03d", i, 100+i*7), Email: fmt.Sprintf("lienhe%d@example.vn", i+1), Demo: true}
		if err := st.CreateEnterprise(ctx, e); err != nil {
			return fmt.Errorf("%s: %w", tc, err)
		}
	}
	var north []string
	for _, g := range ref.Groups {
		if g.Code == "ct28_phiabac" {
			for _, m := range g.Members {
				north = append(north, m.UnitCode)
			}
		}
	}
	if err := demoStats(ctx, st, north); err != nil {
		return err
	}
	if err := demoSites(ctx, st, places, taxCodes); err != nil {
		return err
	}
	if err := demoCatalogue(ctx, st); err != nil {
		return err
	}
	// The demo's officers come first: its dossiers are assigned to them.
	// Without a known password they get random ones, which an
	// administrator resets on /admin/users to act as them.
	users := []*auth.User{
		{Username: "lanhdao", DisplayName: "Lãnh đạo Sở (mẫu)", Title: "Phó Giám đốc", Role: congthuong.RoleLeader, UnitCode: "31"},
		{Username: "canbo", DisplayName: "Cán bộ Phòng Quản lý Công nghiệp (mẫu)", Role: congthuong.RoleOfficer, UnitCode: "31"},
		{Username: "thuynguyen", DisplayName: "Cán bộ Phường Thủy Nguyên (mẫu)", Role: congthuong.RoleCommune, UnitCode: "11560"},
		{Username: "doanhnghiep", DisplayName: "Doanh nghiệp mẫu", Role: congthuong.RoleEnterprise, UnitCode: "31", TaxCode: first},
	}
	for _, u := range users {
		u.Active, u.Demo = true, true
		pw := password
		if pw == "" {
			var err error
			if pw, err = auth.NewPassword(); err != nil {
				return err
			}
			u.MustChangePassword = true
		}
		if err := st.CreateUser(ctx, u, pw); err != nil {
			return fmt.Errorf("user %s: %w", u.Username, err)
		}
	}
	if err := demoDossiers(ctx, st, taxCodes); err != nil {
		return err
	}
	if err := demoLicences(ctx, st, places, taxCodes); err != nil {
		return err
	}
	if err := demoPromotions(ctx, st, taxCodes); err != nil {
		return err
	}
	if err := demoMarkets(ctx, st, places); err != nil {
		return err
	}
	if err := demoRetail(ctx, st); err != nil {
		return err
	}
	// The registers' counts in this month's statistics, marked as the
	// demo's like every demo figure.
	extra, err := unit.LoadExtra(data.AdminUnitsExtra)
	if err != nil {
		return err
	}
	if _, err := st.Commerce.PublishTradeFigures(ctx, "31", commercedb.FigureOptions{Population: extra.Populations(), Note: demoMade}); err != nil {
		return fmt.Errorf("trade figures: %w", err)
	}
	editor, leader, err := demoStaff(ctx, st)
	if err != nil {
		return err
	}
	if err := demoLegal(editor, st); err != nil {
		return err
	}
	if err := demoQA(ctx, editor, st); err != nil {
		return err
	}
	return demoNews(editor, leader, st)
}
