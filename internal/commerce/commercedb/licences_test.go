package commercedb_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"congthuong"
	"congthuong/internal/auth"
	"congthuong/internal/calendar"
	"congthuong/internal/commerce"
	"congthuong/internal/commerce/commercedb"
	"congthuong/internal/enterprise"
	"congthuong/internal/procedure"
	"congthuong/internal/procedure/proceduredb"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

func at(s *store.Store, when string) {
	ts, _ := time.Parse(time.RFC3339, when)
	s.Now = func() time.Time { return ts }
}

func tobacco(number, holder, unitCode, issued string) *commerce.Licence {
	return &commerce.Licence{Kind: "tobacco_retail", Number: number, HolderName: holder, HolderID: "031095001234",
		HolderEmail: "an@example.vn", Address: "Số 5 đường Đà Nẵng", UnitCode: unitCode, IssuedOn: issued,
		Conditions: "Diện tích bán 4 m²"}
}

// TestLicences: a commune records the licences it issues in its commune,
// and only those; the department records its own kinds; numbers and
// dossiers are not used twice; another commune neither reads nor finds
// them; the public looks a shop up and reads neither the holder's
// citizen number nor contact, and cannot list the register.
func TestLicences(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		at(s, "2026-12-07T09:00:00+07:00")
		commune := storetest.As(storetest.ThuyNguyen)
		l := tobacco("12/GP-UBND", "Hộ kinh doanh Nguyễn Văn An", "11560", "2026-03-15")
		if err := s.Commerce.CreateLicence(commune, l); err != nil {
			t.Fatal(err)
		}
		if l.ValidUntil != "2031-03-14" || l.IssuerCode != "11560" || l.ProvinceCode != "31" {
			t.Errorf("recorded: %+v", l)
		}
		for name, c := range map[string]struct {
			ctx   context.Context
			l     *commerce.Licence
			field string
		}{
			"another commune's premises": {commune, tobacco("13/GP-UBND", "Hộ B", "11914", "2026-03-15"), "unit_code"},
			"the department's kind":      {commune, &commerce.Licence{Kind: "alcohol_wholesale", Number: "1/GP-SCT", HolderName: "Công ty C", Address: "KCN", UnitCode: "11560", IssuedOn: "2026-01-05"}, "kind"},
			"a number used":              {commune, tobacco("12/GP-UBND", "Hộ C", "11560", "2026-04-01"), "number"},
			"a province, not a commune":  {commune, tobacco("14/GP-UBND", "Hộ D", "31", "2026-04-01"), "unit_code"},
		} {
			f := congthuong.ErrorFields(s.Commerce.CreateLicence(c.ctx, c.l))
			if len(f) != 1 || f[0].Field != c.field {
				t.Errorf("%s: %v", name, f)
			}
		}
		dept := storetest.As(storetest.HaiPhongOfficer)
		w := &commerce.Licence{Kind: "alcohol_wholesale", Number: "1/GP-SCT", HolderName: "Công ty Cổ phần Thủy Sản Hải Phòng",
			HolderID: "0100233488", Address: "Lô 3 KCN Đình Vũ", UnitCode: "11560", IssuedOn: "2025-01-05"}
		if err := s.Commerce.CreateLicence(dept, w); err != nil || w.IssuerCode != "31" {
			t.Fatalf("the department's licence: %v %+v", err, w)
		}
		old := tobacco("2/GP-UBND", "Hộ kinh doanh Trần Thị Bình", "11560", "2020-01-10")
		old.HolderID = ""
		if err := s.Commerce.CreateLicence(commune, old); err != nil || old.ValidUntil != "2025-01-09" {
			t.Fatalf("an expired licence: %v %+v", err, old)
		}
		if _, err := s.Commerce.FindLicence(storetest.As(storetest.CatHai), l.ID); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Errorf("another commune reads the licence: %v", err)
		}
		count := func(ctx context.Context, f commercedb.Filter) int {
			t.Helper()
			f.Today = "2026-12-07"
			_, n, err := s.Commerce.ListLicences(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		for name, c := range map[string]struct {
			ctx  context.Context
			f    commercedb.Filter
			want int
		}{
			"the commune's":           {commune, commercedb.Filter{}, 3},
			"another commune's":       {storetest.As(storetest.CatHai), commercedb.Filter{}, 0},
			"in force":                {dept, commercedb.Filter{Status: commerce.Active}, 2},
			"expired":                 {dept, commercedb.Filter{Status: commerce.Expired}, 1},
			"by kind":                 {dept, commercedb.Filter{Kind: "alcohol_wholesale"}, 1},
			"by words":                {dept, commercedb.Filter{Q: "nguyen van an"}, 1},
			"by tax code":             {dept, commercedb.Filter{Q: "0100233488"}, 1},
			"expiring within 5 years": {dept, commercedb.Filter{ExpiringDays: 5 * 366}, 2},
			"expiring within 30 days": {dept, commercedb.Filter{ExpiringDays: 30}, 0},
		} {
			if got := count(c.ctx, c.f); got != c.want {
				t.Errorf("%s: %d, want %d", name, got, c.want)
			}
		}
		public := context.Background()
		if _, _, err := s.Commerce.ListLicences(public, commercedb.Filter{}); congthuong.ErrorCode(err) != congthuong.EUNAUTHORIZED {
			t.Errorf("the public lists the register: %v", err)
		}
		found, n, err := s.Commerce.Lookup(public, commercedb.Filter{Q: "Nguyễn Văn An", Today: "2026-12-07"})
		if err != nil || n != 1 || found[0].HolderID != "" || found[0].HolderEmail != "" || found[0].Conditions != "" || found[0].Number != "12/GP-UBND" {
			t.Errorf("the public's lookup: %d %+v %v", n, found, err)
		}
		if _, n, _ := s.Commerce.Lookup(public, commercedb.Filter{Q: "0100233488"}); n != 1 {
			t.Errorf("a tax code looked up: %d", n)
		}
		if _, n, _ := s.Commerce.Lookup(public, commercedb.Filter{}); n != 0 {
			t.Errorf("the public lists the register without words: %d", n)
		}
		if got, err := s.Commerce.FindLicence(public, l.ID); err != nil || got.HolderID != "" || got.HolderEmail != "" {
			t.Errorf("the public reads a licence: %+v %v", got, err)
		}
	})
}

// TestLicenceDecisions: decisions change the same licence at its version
// and keep its history; a stale version is refused; the department's
// kinds are decided by the department only.
func TestLicenceDecisions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		at(s, "2026-12-07T09:00:00+07:00")
		commune := storetest.As(storetest.ThuyNguyen)
		l := tobacco("12/GP-UBND", "Hộ kinh doanh Nguyễn Văn An", "11560", "2026-03-15")
		if err := s.Commerce.CreateLicence(commune, l); err != nil {
			t.Fatal(err)
		}
		suspend := commerce.Event{Action: commerce.Suspend, On: "2026-11-02", Decision: "5/QĐ-UBND"}
		if f := congthuong.ErrorFields(func() error { _, err := s.Commerce.DecideLicence(commune, l.ID, 1, suspend); return err }()); len(f) != 1 || f[0].Field != "note" {
			t.Errorf("a suspension without reason: %v", f)
		}
		suspend.Note = "Bán thuốc lá cho người dưới 18 tuổi"
		got, err := s.Commerce.DecideLicence(commune, l.ID, 1, suspend)
		if err != nil || got.Status != commerce.Suspended || got.Version != 2 {
			t.Fatalf("suspend: %+v %v", got, err)
		}
		if _, err := s.Commerce.DecideLicence(commune, l.ID, 1, commerce.Event{Action: commerce.Reinstate, On: "2026-12-01", Decision: "6"}); congthuong.ErrorCode(err) != congthuong.ECONFLICT {
			t.Errorf("a stale version: %v", err)
		}
		if _, err := s.Commerce.DecideLicence(storetest.As(storetest.CatHai), l.ID, 2, commerce.Event{Action: commerce.Reinstate, On: "2026-12-01", Decision: "6"}); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Errorf("another commune decides: %v", err)
		}
		if _, err := s.Commerce.DecideLicence(commune, l.ID, 2, commerce.Event{Action: commerce.Reinstate, On: "2026-12-01", Decision: "6/QĐ-UBND"}); err != nil {
			t.Fatal(err)
		}
		moved := *l
		moved.Address = "Số 9 đường Bạch Đằng"
		if err := s.Commerce.UpdateLicence(commune, l.ID, 3, &moved, "7/GP-UBND"); err != nil {
			t.Fatal(err)
		}
		events, err := s.Commerce.LicenceEvents(commune, l.ID)
		if err != nil || len(events) != 4 || events[0].Action != commerce.Issued || events[1].Action != commerce.Suspend ||
			events[1].Note == "" || events[3].Action != commerce.Amended || events[3].Decision != "7/GP-UBND" || events[3].Actor != "thuynguyen" {
			t.Errorf("history: %+v %v", events, err)
		}
		if public, _ := s.Commerce.LicenceEvents(context.Background(), l.ID); len(public) != 4 || public[1].Note != "" || public[1].Actor != "" {
			t.Errorf("the public's history: %+v", public)
		}
	})
}

// TestLicenceFromDossier: an approved dossier of a licensing procedure
// drafts its licence (kind, result number, holder, premises, day); a
// dossier still in hand does not; the licence recorded from it names it,
// once.
func TestLicenceFromDossier(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		cal := storetest.DossierSetup(t, s)
		at(s, "2026-03-02T08:30:00+07:00")
		d := storetest.TobaccoDossier()
		d.Applicant.Email = "thuynguyen@example.vn"
		if err := s.SubmitDossier(storetest.As(storetest.EnterpriseOwner), d, cal); err != nil {
			t.Fatal(err)
		}
		commune := storetest.As(storetest.ThuyNguyen)
		step := func(ctx context.Context, a procedure.Action) {
			t.Helper()
			if _, err := s.StepDossier(ctx, d.Code, proceduredb.DossierStep{Action: a, Note: "Đủ điều kiện", Handler: "ThuyNguyen"}, cal); err != nil {
				t.Fatalf("%s: %v", a, err)
			}
		}
		step(commune, procedure.Receive)
		if _, err := s.Commerce.LicenceFromDossier(commune, d.Code); len(congthuong.ErrorFields(err)) != 1 {
			t.Errorf("a dossier in hand drafts a licence: %v", err)
		}
		step(commune, procedure.Assign)
		step(commune, procedure.Forward)
		step(storetest.As(congthuong.Actor{UserID: 40, Username: "chutich", Role: congthuong.RoleLeader, UnitCode: "11560", ProvinceCode: "31"}), procedure.Approve)
		at(s, "2026-03-10T08:30:00+07:00")
		l, err := s.Commerce.LicenceFromDossier(commune, d.Code)
		if err != nil || l.Kind != "tobacco_retail" || l.Number == "" || l.HolderID != "0100233488" || l.UnitCode != "11560" || l.IssuedOn == "" || l.DossierCode != d.Code {
			t.Fatalf("the draft: %+v %v", l, err)
		}
		if _, err := s.Commerce.LicenceFromDossier(storetest.As(storetest.CatHai), d.Code); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Errorf("another commune reads the dossier: %v", err)
		}
		if l.Address == "" {
			l.Address = "Số 1 đường Đà Nẵng"
		}
		if err := s.Commerce.CreateLicence(commune, l); err != nil {
			t.Fatal(err)
		}
		again := *l
		again.Number = "99/GP-UBND"
		if f := congthuong.ErrorFields(s.Commerce.CreateLicence(commune, &again)); len(f) != 1 || f[0].Field != "dossier_code" {
			t.Errorf("a dossier's second licence: %v", f)
		}
	})
}

// TestImportLicences: a commune starts its register from its old list;
// one wrong row (a number twice, another commune, the department's kind,
// a number already recorded) stops the whole file, every row named, and
// nothing is written; the good file is recorded with its history.
func TestImportLicences(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		at(s, "2026-12-07T09:00:00+07:00")
		commune := storetest.As(storetest.ThuyNguyen)
		if err := s.Commerce.CreateLicence(commune, tobacco("1/GP-UBND", "Hộ A", "11560", "2026-01-05")); err != nil {
			t.Fatal(err)
		}
		head := "Loại giấy phép,Số giấy phép,Tên người được cấp,Địa chỉ,Mã xã,Ngày cấp\n"
		bad := head +
			"tobacco_retail,2/GP-UBND,Hộ B,Số 2,11560,02/02/2026\n" +
			"tobacco_retail,2/GP-UBND,Hộ C,Số 3,11560,03/02/2026\n" +
			"tobacco_retail,3/GP-UBND,Hộ D,Số 4,11914,04/02/2026\n" +
			"alcohol_wholesale,4/GP-UBND,Hộ E,Số 5,11560,05/02/2026\n" +
			"tobacco_retail,1/GP-UBND,Hộ F,Số 6,11560,06/02/2026\n"
		_, err := s.Commerce.ImportLicences(commune, commerce.ReadLicences(strings.NewReader(bad)), false)
		want := map[int]string{3: "number", 4: "unit_code", 5: "kind", 6: "number"}
		got := congthuong.ErrorFields(err)
		if len(got) != len(want) {
			t.Fatalf("problems: %v", got)
		}
		for _, f := range got {
			if want[f.Row] != f.Field {
				t.Errorf("row %d: %s (%s)", f.Row, f.Field, f.Message)
			}
		}
		good := head + "Giấy phép bán lẻ sản phẩm thuốc lá,2/GP-UBND,Hộ B,Số 2,11560,02/02/2021\n" +
			"Giấy phép bán lẻ sản phẩm rượu,3/GP-UBND,Hộ C,Số 3,11560,03/02/2026\n"
		res, err := s.Commerce.ImportLicences(commune, commerce.ReadLicences(strings.NewReader(good)), true)
		if err != nil || res.Created != 2 || !res.DryRun {
			t.Fatalf("dry run: %+v %v", res, err)
		}
		if _, n, _ := s.Commerce.ListLicences(commune, commercedb.Filter{Today: "2026-12-07"}); n != 1 {
			t.Errorf("a dry run wrote: %d licences", n)
		}
		if res, err = s.Commerce.ImportLicences(commune, commerce.ReadLicences(strings.NewReader(good)), false); err != nil || res.Created != 2 {
			t.Fatalf("import: %+v %v", res, err)
		}
		items, n, err := s.Commerce.ListLicences(commune, commercedb.Filter{Today: "2026-12-07"})
		if err != nil || n != 3 {
			t.Fatalf("after the import: %d %v", n, err)
		}
		for _, l := range items {
			if l.Number == "2/GP-UBND" && l.ValidUntil != "2026-02-01" {
				t.Errorf("the imported end: %s", l.ValidUntil)
			}
			if ev, _ := s.Commerce.LicenceEvents(commune, l.ID); l.Number != "1/GP-UBND" && (len(ev) != 1 || ev[0].Action != commerce.Imported) {
				t.Errorf("imported history: %+v", ev)
			}
		}
	})
}

// TestReminders: a licence ending within 30 working days reminds its
// holder and the issuing desk once, again within 10, never past its end;
// a renewal moves the end and the reminders start over.
func TestReminders(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		at(s, "2026-12-07T09:00:00+07:00")
		sys := storetest.As(congthuong.System())
		cal, err := s.Calendar(sys, calendar.Options{})
		if err != nil {
			t.Fatal(err)
		}
		desk := &auth.User{Username: "motcua", DisplayName: "Một cửa", Role: congthuong.RoleCommune, UnitCode: "11560", Email: "motcua@thuynguyen.example.vn", Active: true}
		if err := s.CreateUser(sys, desk, "test-password-123"); err != nil {
			t.Fatal(err)
		}
		commune := storetest.As(storetest.ThuyNguyen)
		l := tobacco("12/GP-UBND", "Hộ An", "11560", "2022-01-20")
		l.ValidUntil = "2027-01-15"
		if err := s.Commerce.CreateLicence(commune, l); err != nil {
			t.Fatal(err)
		}
		far := tobacco("13/GP-UBND", "Hộ Bình", "11560", "2026-06-01")
		if err := s.Commerce.CreateLicence(commune, far); err != nil {
			t.Fatal(err)
		}
		day := func(s string) calendar.Date { d, _ := calendar.ParseDate(s); return d }
		mails := func() []string {
			t.Helper()
			var out []string
			rows, err := s.DB.Read.QueryContext(context.Background(), `SELECT to_addr FROM outbox WHERE ref LIKE 'licence-%' ORDER BY id`)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			for rows.Next() {
				var to string
				rows.Scan(&to)
				out = append(out, to)
			}
			return out
		}
		for _, c := range []struct {
			today string
			sent  int
			mails int
		}{
			{"2026-12-07", 1, 2}, // 27 working days left: the 30-day reminder, holder and desk
			{"2026-12-08", 0, 2}, // once
			{"2027-01-04", 1, 4}, // within 10
			{"2027-01-05", 0, 4},
			{"2027-01-16", 0, 4}, // past its end
		} {
			n, err := s.Commerce.SendReminders(context.Background(), day(c.today), cal, commerce.DefaultReminderLeads)
			if err != nil || n != c.sent || len(mails()) != c.mails {
				t.Errorf("%s: %d sent, %d mails (%v), want %d and %d", c.today, n, len(mails()), err, c.sent, c.mails)
			}
		}
		if got := mails(); got[0] != "an@example.vn" || got[1] != "motcua@thuynguyen.example.vn" {
			t.Errorf("to: %v", got)
		}
		at(s, "2027-01-05T09:00:00+07:00")
		if _, err := s.Commerce.DecideLicence(commune, l.ID, 1, commerce.Event{Action: commerce.Renewed, On: "2027-01-05", Decision: "2/GP-UBND", ValidUntil: "2027-02-01"}); err != nil {
			t.Fatal(err)
		}
		if n, _ := s.Commerce.SendReminders(context.Background(), day("2027-01-05"), cal, commerce.DefaultReminderLeads); n != 1 {
			t.Errorf("after a renewal: %d reminders", n)
		}
	})
}

func drawPromotion() *commerce.Promotion {
	return &commerce.Promotion{TaxCode: "0100233488", TraderName: "Công ty Cổ phần Thủy Nguyên", Title: "Quay số trúng thưởng Tết",
		Form: "lucky_draw", Provinces: []string{"31"}, Start: "2026-12-10", End: "2026-12-31",
		Goods: []commerce.Good{{Name: "Nước mắm", PriceBefore: 50_000, PromoValue: 0}}, Prizes: "1 xe máy", PrizeTotal: 40_000_000}
}

// TestPromotions: a trader registers a lucky draw, which waits for the
// department's decision by its due day; a blocked programme is refused
// with its checks; discount days add up across the trader's programmes;
// the department confirms; the public sees it running; the trader reports
// its results after the end, the budget's share computed.
func TestPromotions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		at(s, "2026-12-07T09:00:00+07:00")
		sys := storetest.As(congthuong.System())
		cal, err := s.Calendar(sys, calendar.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.CreateEnterprise(sys, &enterprise.Enterprise{TaxCode: "0100233488", Name: "Công ty Cổ phần Thủy Nguyên", UnitCode: "11560", Email: "tn@example.vn"}); err != nil {
			t.Fatal(err)
		}
		owner := storetest.As(storetest.EnterpriseOwner)
		other := drawPromotion()
		other.TaxCode = "0314409058"
		if _, err := s.Commerce.FilePromotion(owner, other, "31", cal); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("filing for another trader: %v", err)
		}
		two := drawPromotion()
		two.Provinces = []string{"31", "01"}
		if _, err := s.Commerce.FilePromotion(owner, two, "31", cal); len(congthuong.ErrorFields(err)) != 1 || congthuong.ErrorFields(err)[0].Field != "checks" {
			t.Errorf("a draw in two provinces: %v", err)
		}
		p := drawPromotion()
		if _, err := s.Commerce.FilePromotion(owner, p, "31", cal); err != nil {
			t.Fatal(err)
		}
		if p.Status != commerce.PromotionFiled || p.Due != "2026-12-14" {
			t.Errorf("filed: %s due %s", p.Status, p.Due)
		}
		if _, n, _ := s.Commerce.ListPromotions(context.Background(), "31", commercedb.PromotionFilter{Running: true, Today: "2026-12-15"}); n != 0 {
			t.Errorf("an undecided draw is public: %d", n)
		}
		if _, err := s.Commerce.DecidePromotion(storetest.As(storetest.ThuyNguyen), p.ID, 1, true, "1/SCT-QLTM", ""); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("a commune decides: %v", err)
		}
		dept := storetest.As(storetest.HaiPhongOfficer)
		if _, err := s.Commerce.DecidePromotion(dept, p.ID, 1, false, "1/SCT-QLTM", ""); len(congthuong.ErrorFields(err)) != 1 {
			t.Errorf("a refusal without reason: %v", err)
		}
		got, err := s.Commerce.DecidePromotion(dept, p.ID, 1, true, "1/SCT-QLTM", "")
		if err != nil || got.Status != commerce.PromotionConfirmed {
			t.Fatalf("confirm: %+v %v", got, err)
		}
		var mails int
		s.DB.Read.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM outbox WHERE to_addr = 'tn@example.vn'`).Scan(&mails)
		if mails != 1 {
			t.Errorf("the trader is told: %d mails", mails)
		}
		if _, n, _ := s.Commerce.ListPromotions(context.Background(), "31", commercedb.PromotionFilter{Running: true, Today: "2026-12-15"}); n != 1 {
			t.Errorf("the public's running programmes: %d", n)
		}
		if _, err := s.Commerce.ReportPromotion(owner, p.ID, 2, 30_000_000, 10_000_000); congthuong.ErrorCode(err) != congthuong.ECONFLICT {
			t.Errorf("a report before the end: %v", err)
		}
		at(s, "2027-01-05T09:00:00+07:00")
		if _, err := s.Commerce.ReportPromotion(owner, p.ID, 2, 35_000_000, 10_000_000); len(congthuong.ErrorFields(err)) != 1 {
			t.Errorf("more than the prizes: %v", err)
		}
		got, err = s.Commerce.ReportPromotion(owner, p.ID, 2, 30_000_000, 10_000_000)
		if err != nil || got.Status != commerce.PromotionReported || got.BudgetShare != 5_000_000 {
			t.Fatalf("report: %+v %v", got, err)
		}
		// Discount days add up per brand and year.
		d1 := &commerce.Promotion{TaxCode: "0100233488", TraderName: "Công ty Cổ phần Thủy Nguyên", Title: "Giảm giá 1", Form: "discount",
			Provinces: []string{"31"}, Start: "2027-01-10", End: "2027-04-30", Brand: "TN", Goods: []commerce.Good{{Name: "Nước mắm", PriceBefore: 100, PromoValue: 10}}}
		if _, err := s.Commerce.FilePromotion(owner, d1, "31", cal); err != nil || d1.Status != commerce.PromotionConfirmed {
			t.Fatalf("a discount: %v %s", err, d1.Status)
		}
		d2 := *d1
		// The same brand, written otherwise.
		d2.Title, d2.Start, d2.End, d2.Brand = "Giảm giá 2", "2027-06-01", "2027-06-30", " tn "
		if _, err := s.Commerce.FilePromotion(owner, &d2, "31", cal); len(congthuong.ErrorFields(err)) != 1 {
			t.Errorf("111 + 30 discount days: %v", err)
		}
		counts, err := s.Commerce.PromotionCounts(dept, "31", 2026)
		if err != nil || len(counts) != 1 || counts[0].Form != "lucky_draw" || counts[0].BudgetShare != 5_000_000 {
			t.Errorf("counts: %+v %v", counts, err)
		}
	})
}

// TestMarkets: a commune records its markets, and only its own; the class
// follows the points; a change of who runs a market is kept; a stale
// version is refused; the province's counts by commune and class.
func TestMarkets(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		commune := storetest.As(storetest.ThuyNguyen)
		m := &commerce.Market{Name: "Chợ Núi Đèo", UnitCode: "11560", Method: "everyday", Capital: "state", Operator: "board",
			OperatorName: "Ban quản lý chợ", Points: 450, Occupied: 400, LandM2: 8000, Permanent: true, OpeningHours: "Mo-Su 05:00-19:00"}
		if err := s.Commerce.SaveMarket(commune, m); err != nil {
			t.Fatal(err)
		}
		if m.Rural || m.ProvinceCode != "31" || m.Class() != 1 {
			t.Errorf("recorded: %+v class %d", m, m.Class())
		}
		other := &commerce.Market{Name: "Chợ Cát Hải", UnitCode: "11914", Method: "everyday", Capital: "state", Operator: "board", Points: 80}
		if f := congthuong.ErrorFields(s.Commerce.SaveMarket(commune, other)); len(f) != 1 || f[0].Field != "unit_code" {
			t.Errorf("another commune's market: %v", f)
		}
		if err := s.Commerce.SaveMarket(storetest.As(storetest.CatHai), other); err != nil {
			t.Fatal(err)
		}
		if !other.Rural {
			t.Errorf("Cát Hải is a xã: its market is rural")
		}
		conv := *m
		conv.Operator, conv.OperatorName, conv.OperatorTaxCode = "enterprise", "Công ty Cổ phần Thủy Nguyên", "0100233488"
		if err := s.Commerce.SaveMarket(storetest.As(storetest.CatHai), &conv); congthuong.ErrorCode(err) != congthuong.EINVALID {
			t.Errorf("another commune changes the market: %v", err)
		}
		if err := s.Commerce.SaveMarket(commune, &conv); err != nil {
			t.Fatal(err)
		}
		stale := *m
		if err := s.Commerce.SaveMarket(commune, &stale); congthuong.ErrorCode(err) != congthuong.ECONFLICT {
			t.Errorf("a stale version: %v", err)
		}
		hist, err := s.Commerce.MarketHistory(context.Background(), m.ID)
		if err != nil || len(hist) != 1 || hist[0].From != "board" || hist[0].To != "enterprise" {
			t.Errorf("the conversion: %+v %v", hist, err)
		}
		counts, err := s.Commerce.MarketCounts(context.Background(), "31")
		if err != nil || len(counts) != 2 || counts[0].UnitCode != "11560" || counts[0].Class[1] != 1 || counts[1].Class[3] != 1 {
			t.Errorf("counts: %+v %v", counts, err)
		}
		if _, n, _ := s.Commerce.ListMarkets(context.Background(), commercedb.PlaceFilter{Province: "31", Q: "nui deo"}); n != 1 {
			t.Errorf("the public finds %d markets", n)
		}
	})
}

// TestLicenceReview: a citizen's number written with dots is stored as
// digits, hidden from the public and not searchable by it; a commune
// cannot amend a department's licence; amendments keep counting versions,
// so a stale form is refused; a renewal stays within a term.
func TestLicenceReview(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		at(s, "2026-12-07T09:00:00+07:00")
		commune := storetest.As(storetest.ThuyNguyen)
		l := tobacco("12/GP-UBND", "Hộ An", "11560", "2026-03-15")
		l.HolderID = "031.095.001.234"
		if err := s.Commerce.CreateLicence(commune, l); err != nil {
			t.Fatal(err)
		}
		if l.HolderID != "031095001234" {
			t.Errorf("stored as %q", l.HolderID)
		}
		if _, n, _ := s.Commerce.Lookup(context.Background(), commercedb.Filter{Q: "03109500"}); n != 0 {
			t.Errorf("the public finds a licence by a citizen's number")
		}
		w := &commerce.Licence{Kind: "alcohol_wholesale", Number: "1/GP-SCT", HolderName: "Công ty", HolderID: "0100233488",
			Address: "KCN", UnitCode: "11560", IssuedOn: "2025-01-05"}
		if err := s.Commerce.CreateLicence(storetest.As(storetest.HaiPhongOfficer), w); err != nil {
			t.Fatal(err)
		}
		taken := *w
		taken.Kind = "alcohol_retail"
		if err := s.Commerce.UpdateLicence(commune, w.ID, 1, &taken, ""); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("a commune amends the department's licence: %v", err)
		}
		for v := 1; v <= 3; v++ {
			again := *l
			again.Address = "Số " + strconv.Itoa(v)
			if err := s.Commerce.UpdateLicence(commune, l.ID, v, &again, ""); err != nil {
				t.Fatalf("amendment %d: %v", v, err)
			}
		}
		stale := *l
		if err := s.Commerce.UpdateLicence(commune, l.ID, 1, &stale, ""); congthuong.ErrorCode(err) != congthuong.ECONFLICT {
			t.Errorf("a stale amendment: %v", err)
		}
		if _, err := s.Commerce.DecideLicence(commune, l.ID, 4, commerce.Event{Action: commerce.Renewed, On: "2026-12-01", Decision: "9", ValidUntil: "2099-01-01"}); len(congthuong.ErrorFields(err)) != 1 {
			t.Errorf("a renewal to 2099: %v", err)
		}
	})
}
