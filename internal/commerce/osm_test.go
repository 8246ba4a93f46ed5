package commerce

import (
	"context"
	"strings"
	"testing"

	"congthuong"
)

// TestOSMPlaces: marketplaces and shops are read from overpass turbo's
// GeoJSON (an area placed at its middle, nested tags) and from the
// Overpass API's JSON (a way at its centre); other places are counted,
// not read; a place naming its commune keeps it; anything else is refused
// as a file.
func TestOSMPlaces(t *testing.T) {
	geo := `{"type":"FeatureCollection","features":[
	 {"type":"Feature","geometry":{"type":"Point","coordinates":[106.68,20.93]},"properties":{"amenity":"marketplace","name":"Chợ Núi Đèo","opening_hours":"Mo-Su 05:00-19:00"}},
	 {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[106.60,20.90],[106.62,20.90],[106.62,20.94],[106.60,20.90]]]},"properties":{"tags":{"amenity":"marketplace","name":"Chợ Bến","addr:street":"Đường Đà Nẵng","addr:housenumber":"5"}}},
	 {"type":"Feature","geometry":{"type":"Point","coordinates":[106.7,20.9]},"properties":{"shop":"convenience","name":"Cửa hàng 24h","brand":"Chuỗi mẫu","unit_code":"11914"}}]}`
	like := Market{Method: "everyday", Capital: "state", Operator: "board"}
	markets, skipped, err := OSMMarkets(strings.NewReader(geo), "11560", like)
	if err != nil || len(markets) != 2 || skipped != 1 {
		t.Fatalf("markets: %+v %d %v", markets, skipped, err)
	}
	m := markets[1].Market
	if markets[1].Line != 2 || m.Name != "Chợ Bến" || m.Address != "5 Đường Đà Nẵng" || m.UnitCode != "11560" || m.Method != "everyday" ||
		m.Lon == nil || *m.Lon != 106.61 || *m.Lat != 20.92 {
		t.Errorf("an area's market: %+v", m)
	}
	if m := markets[0].Market; m.OpeningHours != "Mo-Su 05:00-19:00" || m.Validate() != nil {
		t.Errorf("a point's market: %+v %v", m, m.Validate())
	}
	stores, skipped, err := OSMStores(strings.NewReader(geo), "11560")
	if err != nil || len(stores) != 1 || skipped != 2 {
		t.Fatalf("stores: %+v %d %v", stores, skipped, err)
	}
	if s := stores[0]; s.Line != 3 || s.Store.Kind != "convenience" || s.Store.Chain != "Chuỗi mẫu" || s.Store.UnitCode != "11914" {
		t.Errorf("a store naming its commune: %+v", s)
	}
	overpass := `{"version":0.6,"elements":[{"type":"way","id":1,"center":{"lat":20.95,"lon":106.66},"tags":{"shop":"mall","name":"Vincom"}},
	 {"type":"node","id":2,"lat":20.9,"lon":106.6}]}`
	stores, _, err = OSMStores(strings.NewReader(overpass), "11560")
	if err != nil || len(stores) != 1 || stores[0].Store.Kind != "shopping_centre" || *stores[0].Store.Lat != 20.95 {
		t.Errorf("Overpass JSON: %+v %v", stores, err)
	}
	for _, bad := range []string{"name,kind\nA,b\n", `{"type":"Feature"}`, ""} {
		if _, _, err := OSMStores(strings.NewReader(bad), ""); congthuong.ErrorCode(err) != congthuong.EINVALID {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func FuzzOSMPlaces(f *testing.F) {
	f.Add(`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[106.68,20.93]},"properties":{"amenity":"marketplace","name":"A"}}]}`)
	f.Add(`{"elements":[{"type":"node","lat":1,"lon":2,"tags":{"shop":"supermarket"}}]}`)
	f.Add(`{"type":"FeatureCollection","features":[{"geometry":{"type":"MultiPolygon","coordinates":[[[[1,2],[3,4]]],[[["x"]]]]},"properties":null}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		markets, skipped, err := OSMMarkets(strings.NewReader(in), "11560", Market{})
		if err != nil {
			if congthuong.ErrorCode(err) != congthuong.EINVALID {
				t.Fatalf("an unreadable file is not refused as such: %v", err)
			}
			return
		}
		for i, r := range markets {
			if r.Line < 1 || (i > 0 && r.Line <= markets[i-1].Line) {
				t.Fatalf("places out of order: %+v", markets)
			}
			_ = r.Market.Validate()
		}
		stores, skippedStores, _ := OSMStores(strings.NewReader(in), "11560")
		if len(markets)+skipped != len(stores)+skippedStores {
			t.Fatalf("the two readers see %d and %d places", len(markets)+skipped, len(stores)+skippedStores)
		}
	})
}

// TestCountCells: counts read with or without thousands separators; a
// decimal is refused by its column rather than read as a larger whole.
func TestCountCells(t *testing.T) {
	head := strings.Join(RetailColumns, ",") + "\n"
	for in, want := range map[string]int{`"8.000"`: 8000, `"8,000"`: 8000, "8000": 8000, `"1.234.567"`: 1234567, `"120,5"`: -1, "12.5": -1, "1.23": -1} {
		line := "A,supermarket,general,,11560,," + in + ",100,,,,\n"
		for r, err := range ReadRetailStores(strings.NewReader(head + line))(context.Background()) {
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case want < 0 && (len(r.Problems) != 1 || r.Problems[0].Field != "area_m2"):
				t.Errorf("%s: a decimal read as %d (%v)", in, r.Store.AreaM2, r.Problems)
			case want >= 0 && (len(r.Problems) != 0 || r.Store.AreaM2 != want):
				t.Errorf("%s: read %d (%v), want %d", in, r.Store.AreaM2, r.Problems, want)
			}
		}
	}
}
