package legal

import (
	"strings"
	"testing"

	"congthuong"
	"congthuong/internal/calendar"
)

func day(s string) *calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return &d
}

func TestStatusOn(t *testing.T) {
	d := Document{IssuedOn: *day("2018-05-22"), EffectiveOn: day("2018-05-22"),
		ReplacedBy: []Relation{{Number: "128/2024/NĐ-CP", Scope: Part, EffectiveOn: day("2024-12-01")}}}
	for on, want := range map[string]string{"2018-05-21": Pending, "2020-01-01": InForce, "2024-12-01": PartlyReplaced} {
		if got := d.StatusOn(*day(on)); got != want {
			t.Errorf("on %s: %s, want %s", on, got, want)
		}
	}
	d.ReplacedBy = append(d.ReplacedBy, Relation{Number: "1/2030/NĐ-CP", Scope: Whole, EffectiveOn: day("2030-01-01")},
		Relation{Number: "2/2031/NĐ-CP", Scope: Whole})
	if got := d.StatusOn(*day("2030-01-01")); got != Replaced {
		t.Errorf("wholly replaced: %s", got)
	}
	d.ExpiresOn = day("2029-01-01")
	if got := d.StatusOn(*day("2029-06-01")); got != Expired {
		t.Errorf("expired: %s", got)
	}
}

func TestNumbers(t *testing.T) {
	if got := Slug("139/2025/NĐ-CP"); got != "139-2025-nd-cp" {
		t.Errorf("slug: %s", got)
	}
	if got := NormalizeNumber(" 139 / 2025/NĐ-CP"); got != "139/2025/NĐ-CP" {
		t.Errorf("normalised: %s", got)
	}
	found := NumberPattern.FindAllString("Nghị định 139/2025/NĐ-CP ngày 12/6/2025; Quyết định 766/QĐ-TTg; Luật 64/2025/QH15", -1)
	if strings.Join(found, ",") != "139/2025/NĐ-CP,766/QĐ-TTg,64/2025/QH15" {
		t.Errorf("numbers found: %q", found)
	}
}

func TestValidate(t *testing.T) {
	d := Document{Number: "139/2025/NĐ-CP", Type: "decree", Field: "trade", Issuer: "Chính phủ", TitleVI: "Quy định phân cấp",
		IssuedOn: *day("2025-06-12"), EffectiveOn: day("2025-07-01")}
	if err := d.Validate(); err != nil {
		t.Fatalf("a whole document: %v", err)
	}
	d.Number, d.EffectiveOn, d.Replaces = "Nghị định mới", day("2025-01-01"), []Relation{{Number: "x", Scope: Whole}}
	fields := map[string]bool{}
	for _, f := range congthuong.ErrorFields(d.Validate()) {
		fields[f.Field] = true
	}
	for _, want := range []string{"number", "effective_on", "replaces"} {
		if !fields[want] {
			t.Errorf("no error on %s", want)
		}
	}
}
