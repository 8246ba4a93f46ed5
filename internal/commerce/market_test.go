package commerce

import (
	"context"
	"encoding/csv"
	"strings"
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

// TestReadMarkets: a commune's headings and words read; what cannot be
// read is named by row; a market written as a row reads back the same.
func TestReadMarkets(t *testing.T) {
	in := "Tên chợ,Mã xã,Loại hình chợ,Nguồn vốn,Đơn vị quản lý,Kiên cố,Số điểm kinh doanh\n" +
		"Chợ Núi Đèo,11560,Chợ dân sinh,Ngân sách nhà nước,Ban quản lý chợ,có,\"1.250\"\n" +
		"Chợ B,11560,siêu thị,ngân sách,ban quản lý,hmm,nhiều\n"
	var rows []MarketRow
	for r, err := range ReadMarkets(strings.NewReader(in))(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, r)
	}
	a := rows[0].Market
	if len(rows[0].Problems) != 0 || a.Method != "everyday" || a.Capital != "state" || a.Operator != "board" || !a.Permanent || a.Points != 1250 {
		t.Errorf("row 2: %+v %v", a, rows[0].Problems)
	}
	fields := map[string]bool{}
	for _, p := range rows[1].Problems {
		fields[p.Field] = p.Row == 3
	}
	if !fields["permanent"] || !fields["points"] {
		t.Errorf("row 3: %v", rows[1].Problems)
	}
	lon, lat := 106.67, 20.92
	m := Market{Name: "Chợ, đêm", UnitCode: "11560", Method: "night", Capital: "mixed", Operator: "enterprise", Points: 80, LandM2: 900,
		OpeningHours: "18:00-23:00", Lon: &lon, Lat: &lat}
	csv := strings.Join(MarketColumns, ",") + "\n" + quote(MarketRecord(&m)) + "\n"
	for r, err := range ReadMarkets(strings.NewReader(csv))(context.Background()) {
		if err != nil || len(r.Problems) != 0 || r.Market.Name != m.Name || r.Market.Method != "night" || *r.Market.Lat != lat || r.Market.LandM2 != 900 {
			t.Errorf("round trip: %+v %v %v", r.Market, r.Problems, err)
		}
	}
}

// FuzzReadMarkets: never panics; every problem inside its row.
func FuzzReadMarkets(f *testing.F) {
	f.Add(strings.Join(MarketColumns, ",") + "\nChợ A,11560,,everyday,state,board,,,1,10,5,100,50,24/7,,,,\n")
	f.Add("Tên chợ;Mã xã;Loại hình;Nguồn vốn;Đơn vị quản lý\nx;;;;\n")
	f.Fuzz(func(t *testing.T, in string) {
		for r, err := range ReadMarkets(strings.NewReader(in))(context.Background()) {
			if err != nil {
				return
			}
			for _, p := range r.Problems {
				if p.Row != r.Line || p.Field == "" {
					t.Fatalf("problem outside its row: %+v", p)
				}
			}
			m := r.Market
			m.Normalize()
			_ = m.Validate()
		}
	})
}

// TestRetailClass: a store's class under the scheme in force and under
// the draft, by sales area and items; the scheme in force comes first.
func TestRetailClass(t *testing.T) {
	if SchemeInForce() != "qd1371-2004" {
		t.Fatalf("in force: %s", SchemeInForce())
	}
	for _, c := range []struct {
		s          RetailStore
		now, draft int
	}{
		{RetailStore{Kind: "supermarket", Assortment: "general", AreaM2: 5200, Items: 21000}, 1, 1},
		{RetailStore{Kind: "supermarket", Assortment: "general", AreaM2: 3600, Items: 20000}, 2, 1},
		{RetailStore{Kind: "supermarket", Assortment: "specialised", AreaM2: 1200, Items: 2500}, 1, 0},
		{RetailStore{Kind: "supermarket", Assortment: "general", AreaM2: 300, Items: 3000}, 0, 0},
		{RetailStore{Kind: "convenience", Assortment: "general", AreaM2: 90, Items: 800}, 0, 4},
		{RetailStore{Kind: "shopping_centre", Assortment: "general", AreaM2: 35000}, 2, 0},
	} {
		if now, draft := c.s.ClassUnder("qd1371-2004"), c.s.ClassUnder("draft-2022"); now != c.now || draft != c.draft {
			t.Errorf("%+v: %d and %d, want %d and %d", c.s, now, draft, c.now, c.draft)
		}
	}
	s := RetailStore{Name: "Siêu thị", Kind: "supermarket", Assortment: "general", UnitCode: "11560", AreaM2: 100}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	if s.OSMTags()["shop"] != "supermarket" {
		t.Error("tags")
	}
	bad := RetailStore{Kind: "kiosk", Assortment: "general"}
	if len(congthuong.ErrorFields(bad.Validate())) != 3 {
		t.Errorf("%v", congthuong.ErrorFields(bad.Validate()))
	}
}

func FuzzReadRetailStores(f *testing.F) {
	f.Add(strings.Join(RetailColumns, ",") + "\nSiêu thị A,supermarket,general,,11560,,2400,12000,,,106.68,20.93\n")
	f.Add("Tên cửa hàng;Loại hình;Mã xã;Diện tích (m2)\nx;tiện lợi;;8.0.0\n")
	f.Fuzz(func(t *testing.T, in string) {
		for r, err := range ReadRetailStores(strings.NewReader(in))(context.Background()) {
			if err != nil {
				return
			}
			for _, p := range r.Problems {
				if p.Row != r.Line || p.Field == "" {
					t.Fatalf("problem outside its row: %+v", p)
				}
			}
			s := r.Store
			s.Normalize()
			if s.Validate() == nil && len(r.Problems) == 0 {
				// A good store written back reads the same.
				line := strings.Join(RetailColumns, ",") + "\n" + csvLine(RetailRecord(&s))
				for again, err := range ReadRetailStores(strings.NewReader(line))(context.Background()) {
					if err != nil || len(again.Problems) > 0 {
						t.Fatalf("%q read back: %v %v", line, err, again.Problems)
					}
					again.Store.Normalize()
					if RetailRecord(&again.Store)[0] != s.Name || again.Store.Kind != s.Kind || again.Store.AreaM2 != s.AreaM2 {
						t.Fatalf("read back %+v, wrote %+v", again.Store, s)
					}
				}
			}
		}
	})
}

// csvLine writes one record as a CSV line.
func csvLine(rec []string) string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	_ = w.Write(rec)
	w.Flush()
	return b.String()
}
