package commerce

import (
	"testing"

	"congthuong"
	"congthuong/internal/calendar"
)

func discount(start, end string, price, value int64) *Promotion {
	return &Promotion{TaxCode: "0100233488", TraderName: "Công ty Thủy Nguyên", Title: "Giảm giá mùa hè", Form: "discount",
		Provinces: []string{"31"}, Start: start, End: end, Brand: "TN", Goods: []Good{{Name: "Nước mắm", PriceBefore: price, PromoValue: value}}}
}

func rules(f []Finding) map[string]string {
	out := map[string]string{}
	for _, x := range f {
		out[x.Rule] = x.Severity
	}
	return out
}

// TestPromotionCeiling: the promotional value of a unit is capped at 50 %
// of its price, lifted to 100 % for a concentrated programme, one the
// Prime Minister decided, or one wholly in the 30 days before Tết.
func TestPromotionCeiling(t *testing.T) {
	if r := rules(Check(discount("2026-06-01", "2026-06-10", 100_000, 50_000), "31", 0)); r["ceiling"] != "" {
		t.Errorf("50 %% is allowed: %v", r)
	}
	if r := rules(Check(discount("2026-06-01", "2026-06-10", 100_000, 50_001), "31", 0)); r["ceiling"] != Blocking {
		t.Errorf("above 50 %%: %v", r)
	}
	p := discount("2026-06-01", "2026-06-10", 100_000, 90_000)
	p.Concentrated = true
	if r := rules(Check(p, "31", 0)); r["ceiling"] != "" || r["ceiling_exception"] != Info {
		t.Errorf("a concentrated programme: %v", r)
	}
	// Tết 2027 is on 6 February 2027.
	tet, _ := TetOf(2027)
	if tet.String() != "2027-02-06" {
		t.Fatalf("Tết 2027: %s", tet)
	}
	if r := rules(Check(discount("2027-01-10", "2027-02-05", 100_000, 90_000), "31", 0)); r["ceiling"] != "" {
		t.Errorf("in the 30 days before Tết: %v", r)
	}
	if r := rules(Check(discount("2027-01-05", "2027-02-05", 100_000, 90_000), "31", 0)); r["ceiling"] != Blocking {
		t.Errorf("starting 32 days before Tết: %v", r)
	}
}

// TestPromotionChecks: discount days add up per brand and year; a lucky
// draw in one province is the department's, in two the Ministry's; every
// finding carries its legal reference and whether it is verified.
func TestPromotionChecks(t *testing.T) {
	if r := rules(Check(discount("2026-06-01", "2026-06-30", 100, 10), "31", 91)); r["discount_days"] != Blocking {
		t.Errorf("30 + 91 days: %v", r)
	}
	if r := rules(Check(discount("2026-06-01", "2026-06-30", 100, 10), "31", 89)); r["discount_days"] != Info {
		t.Errorf("30 + 89 days: %v", r)
	}
	draw := &Promotion{Form: "lucky_draw", Provinces: []string{"31", "01"}, Start: "2026-06-01", End: "2026-06-30"}
	if r := rules(Check(draw, "31", 0)); r["authority"] != Blocking {
		t.Errorf("a draw in two provinces: %v", r)
	}
	draw.Provinces = []string{"01"}
	if r := rules(Check(draw, "31", 0)); r["authority"] != Blocking {
		t.Errorf("a draw in another province: %v", r)
	}
	draw.Provinces = []string{"31"}
	f := Check(draw, "31", 0)
	if r := rules(f); r["authority"] != Info || r["report"] != Info || Blocked(f) {
		t.Errorf("a draw here: %v", r)
	}
	for _, x := range append(f, Check(discount("2026-06-01", "2026-06-30", 100, 10), "31", 0)...) {
		if x.Reference == "" || x.Message == "" {
			t.Errorf("a finding without its law: %+v", x)
		}
	}
	if l := LimitOf("discount_days_per_year"); l.Value != 120 || l.Verified {
		t.Errorf("the discount days: %+v", l)
	}
	if BudgetShareOf(3_000_001) != 1_500_000 {
		t.Error("half of the unclaimed prizes")
	}
	if Filing("lucky_draw") != FileRegister || Filing("loyalty") != FileNotify || Filing("discount") != FileNone {
		t.Error("what is filed")
	}
}

// TestPromotionValidate: each missing or wrong part is named.
func TestPromotionValidate(t *testing.T) {
	p := discount("2026-06-10", "2026-06-01", 100, 10)
	p.TaxCode, p.Goods = "1", []Good{{Name: "", PriceBefore: 0}}
	p.Normalize()
	got := map[string]bool{}
	for _, f := range congthuong.ErrorFields(p.Validate()) {
		got[f.Field] = true
	}
	if !got["tax_code"] || !got["end"] || !got["goods"] || len(got) != 3 {
		t.Errorf("%v", got)
	}
	d, _ := calendar.ParseDate("2026-06-10")
	if BeforeTet(d, d, 30) {
		t.Error("June is not before Tết")
	}
}

// TestTiming: a programme to register or notify is filed before it
// starts; one that needs no filing is recorded any day.
func TestTiming(t *testing.T) {
	draw := &Promotion{Form: "lucky_draw", Start: "2026-12-07"}
	if f := Timing(draw, "2026-12-07"); len(f) != 1 || f[0].Severity != Blocking || f[0].Reference == "" {
		t.Errorf("a draw starting today: %+v", f)
	}
	draw.Start = "2026-12-08"
	if f := Timing(draw, "2026-12-07"); len(f) != 0 {
		t.Errorf("a draw starting tomorrow: %+v", f)
	}
	if f := Timing(&Promotion{Form: "discount", Start: "2026-12-01"}, "2026-12-07"); len(f) != 0 {
		t.Errorf("a discount already running: %+v", f)
	}
}
