package commercedb_test

import (
	"context"
	"testing"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/commerce"
	"congthuong/internal/enterprise"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

// TestAmendments: an amendment of a registration still awaiting the
// department applies at once; once confirmed, the programme runs as
// confirmed until the department confirms the amendment, one at a time;
// another trader and a commune may not act; a refusal needs a reason; the
// checks run again; a programme that has begun keeps its start; nothing
// changed is refused; the history keeps every amendment.
func TestAmendments(t *testing.T) {
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
		owner, dept := storetest.As(storetest.EnterpriseOwner), storetest.As(storetest.HaiPhongOfficer)
		p := drawPromotion()
		if _, err := s.Commerce.FilePromotion(owner, p, "31", cal); err != nil {
			t.Fatal(err)
		}
		next := *p
		next.PrizeTotal = p.PrizeTotal + 5_000_000
		if _, am, err := s.Commerce.AmendPromotion(owner, p.ID, 1, &next, cal); err != nil || am.Status != commerce.AmendmentApplied ||
			len(am.Changed) != 1 || am.Changed[0] != "prize_total" {
			t.Fatalf("amend while filed: %+v %v", am, err)
		}
		if got, _ := s.Commerce.FindPromotion(dept, p.ID); got.PrizeTotal != next.PrizeTotal || got.Version != 2 || got.Status != commerce.PromotionFiled {
			t.Errorf("applied at once: %+v", got)
		}
		if _, err := s.Commerce.DecidePromotion(dept, p.ID, 2, true, "1/SCT-QLTM", ""); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.Commerce.AmendPromotion(owner, p.ID, 3, &next, cal); congthuong.ErrorCode(err) != congthuong.EINVALID {
			t.Errorf("nothing changed: %v", err)
		}
		longer := next
		longer.End = "2027-01-10"
		stranger := congthuong.Actor{UserID: 99, Username: "other", Role: congthuong.RoleEnterprise, UnitCode: "31", ProvinceCode: "31", TaxCode: "0314409058"}
		if _, _, err := s.Commerce.AmendPromotion(storetest.As(stranger), p.ID, 3, &longer, cal); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("another trader amends: %v", err)
		}
		_, am, err := s.Commerce.AmendPromotion(owner, p.ID, 3, &longer, cal)
		if err != nil || am.Status != commerce.AmendmentFiled || am.Due != "2026-12-14" {
			t.Fatalf("amend once confirmed: %+v %v", am, err)
		}
		if got, _ := s.Commerce.FindPromotion(dept, p.ID); got.End == "2027-01-10" {
			t.Errorf("a confirmed draw changed before the department decided")
		}
		if _, _, err := s.Commerce.AmendPromotion(owner, p.ID, 4, &longer, cal); congthuong.ErrorCode(err) != congthuong.ECONFLICT {
			t.Errorf("a second amendment while one waits: %v", err)
		}
		if _, err := s.Commerce.Amendments(storetest.As(stranger), p.ID); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("another trader reads the amendments: %v", err)
		}
		if _, err := s.Commerce.Amendments(context.Background(), p.ID); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("the public reads the amendments: %v", err)
		}
		pending, err := s.Commerce.PendingAmendments(dept, "31")
		if err != nil || len(pending) != 1 || pending[0].Title != p.Title || pending[0].ID != am.ID {
			t.Errorf("the desk's pending amendments: %+v %v", pending, err)
		}
		if _, err := s.Commerce.DecideAmendment(storetest.As(storetest.ThuyNguyen), p.ID, 4, am.ID, true, "2/SCT-QLTM", ""); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("a commune decides: %v", err)
		}
		if _, err := s.Commerce.DecideAmendment(dept, p.ID, 4, am.ID, false, "2/SCT-QLTM", ""); len(congthuong.ErrorFields(err)) != 1 {
			t.Errorf("a refusal without reason: %v", err)
		}
		got, err := s.Commerce.DecideAmendment(dept, p.ID, 4, am.ID, true, "2/SCT-QLTM", "")
		if err != nil || got.Status != commerce.AmendmentConfirmed || got.DecidedAt == nil {
			t.Fatalf("confirm: %+v %v", got, err)
		}
		if p2, _ := s.Commerce.FindPromotion(dept, p.ID); p2.End != "2027-01-10" || p2.Decision != "1/SCT-QLTM" {
			t.Errorf("runs as amended, its registration's decision kept: %+v", p2)
		}
		var mails int
		s.DB.Read.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM outbox WHERE to_addr = 'tn@example.vn'`).Scan(&mails)
		if mails != 2 {
			t.Errorf("the trader is told of the registration and the amendment: %d mails", mails)
		}
		at(s, "2026-12-12T09:00:00+07:00")
		later := longer
		later.Start = "2026-12-13"
		if _, _, err := s.Commerce.AmendPromotion(owner, p.ID, 5, &later, cal); len(congthuong.ErrorFields(err)) != 1 || congthuong.ErrorFields(err)[0].Field != "start" {
			t.Errorf("a begun programme's start: %v", err)
		}
		// An amendment the department leaves until the programme has ended
		// can no longer be confirmed.
		q := drawPromotion()
		q.Title, q.Start, q.End = "Quay số mùa xuân", "2026-12-13", "2026-12-20"
		if _, err := s.Commerce.FilePromotion(owner, q, "31", cal); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Commerce.DecidePromotion(dept, q.ID, 1, true, "3/SCT-QLTM", ""); err != nil {
			t.Fatal(err)
		}
		qq, _ := s.Commerce.FindPromotion(dept, q.ID)
		qNext := *qq
		qNext.PrizeTotal += 1_000_000
		_, qa, err := s.Commerce.AmendPromotion(owner, q.ID, 2, &qNext, cal)
		if err != nil {
			t.Fatal(err)
		}
		at(s, "2026-12-21T09:00:00+07:00")
		if _, err := s.Commerce.DecideAmendment(dept, q.ID, 3, qa.ID, true, "4/SCT-QLTM", ""); congthuong.ErrorCode(err) != congthuong.ECONFLICT {
			t.Errorf("an amendment confirmed after the end: %v", err)
		}
		at(s, "2026-12-12T09:00:00+07:00")
		// A discount amended above half the price is refused by the checks.
		d := &commerce.Promotion{TaxCode: "0100233488", TraderName: "Công ty Cổ phần Thủy Nguyên", Title: "Giảm giá", Form: "discount",
			Provinces: []string{"31"}, Start: "2026-12-20", End: "2026-12-25", Brand: "TN", Goods: []commerce.Good{{Name: "Nước mắm", PriceBefore: 100, PromoValue: 10}}}
		if _, err := s.Commerce.FilePromotion(owner, d, "31", cal); err != nil {
			t.Fatal(err)
		}
		deeper := *d
		deeper.Goods = []commerce.Good{{Name: "Nước mắm", PriceBefore: 100, PromoValue: 60}}
		if _, _, err := s.Commerce.AmendPromotion(owner, d.ID, 1, &deeper, cal); len(congthuong.ErrorFields(err)) != 1 || congthuong.ErrorFields(err)[0].Field != "checks" {
			t.Errorf("an amendment the checks block: %v", err)
		}
		history, err := s.Commerce.Amendments(owner, p.ID)
		if err != nil || len(history) != 2 || history[0].Status != commerce.AmendmentConfirmed || history[1].Status != commerce.AmendmentApplied {
			t.Errorf("history: %+v %v", history, err)
		}
	})
}
