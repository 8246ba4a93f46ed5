package commerce

import (
	"testing"

	"congthuong"
)

// TestMarketClass: classes by business points, class 1 only in a
// permanent building.
func TestMarketClass(t *testing.T) {
	for _, c := range []struct {
		points    int
		permanent bool
		want      int
	}{{401, true, 1}, {401, false, 2}, {400, true, 2}, {200, true, 2}, {199, true, 3}, {0, false, 3}} {
		m := Market{Points: c.points, Permanent: c.permanent}
		if got := m.Class(); got != c.want {
			t.Errorf("%d points, permanent %v: class %d, want %d", c.points, c.permanent, got, c.want)
		}
	}
}

// TestMarketValidate: a good market passes; every wrong field is named;
// opening hours follow OpenStreetMap's syntax; the law's warnings.
func TestMarketValidate(t *testing.T) {
	good := func() *Market {
		return &Market{Name: "Chợ Núi Đèo", UnitCode: "11560", Method: "everyday", Capital: "state", Operator: "board",
			Points: 250, Occupied: 230, LandM2: 6000, BusinessM2: 3000, OpeningHours: "Mo-Su 05:00-19:00; PH off", Permanent: true}
	}
	if err := good().Validate(); err != nil {
		t.Fatal(err)
	}
	for _, h := range []string{"24/7", "18:00-06:00", "Mo-Fr 06:00-11:00,14:00-18:00; Sa,Su 06:00-12:00"} {
		m := good()
		m.OpeningHours = h
		if err := m.Validate(); err != nil {
			t.Errorf("%q refused: %v", h, err)
		}
	}
	for field, spoil := range map[string]func(*Market){
		"name":          func(m *Market) { m.Name = "" },
		"method":        func(m *Market) { m.Method = "supermarket" },
		"occupied":      func(m *Market) { m.Occupied = 300 },
		"business_m2":   func(m *Market) { m.BusinessM2 = 7000 },
		"opening_hours": func(m *Market) { m.OpeningHours = "sáng sớm" },
		"operator":      func(m *Market) { m.Operator = "" },
	} {
		m := good()
		spoil(m)
		f := congthuong.ErrorFields(m.Validate())
		if len(f) != 1 || f[0].Field != field {
			t.Errorf("%s: %v", field, f)
		}
	}
	w := good()
	w.Method = "wholesale"
	if len(w.Warnings()) != 1 {
		t.Errorf("a wholesale market on 6,000 m²: %v", w.Warnings())
	}
	if tags := good().OSMTags(); tags["amenity"] != "marketplace" || tags["opening_hours"] != "Mo-Su 05:00-19:00; PH off" {
		t.Errorf("tags: %v", tags)
	}
}
