package park

import (
	"encoding/json"
	"math"
	"testing"
)

func TestGeometry(t *testing.T) {
	square := `[[[106.6,20.8],[106.7,20.8],[106.7,20.9],[106.6,20.9],[106.6,20.8]]]`
	for _, c := range []struct {
		typ, coords string
		ok          bool
		lon, lat    float64
	}{
		{"Point", `[106.68, 20.86]`, true, 106.68, 20.86},
		{"Polygon", square, true, 106.65, 20.85},
		{"MultiPolygon", "[" + square + "]", true, 106.65, 20.85},
		{"Point", `[20.86, 106.68]`, false, 0, 0},                                           // swapped
		{"Polygon", `[[[106.6,20.8],[106.7,20.8],[106.7,20.9],[106.6,20.9]]]`, false, 0, 0}, // open ring
		{"Polygon", `[[[106.6,20.8],[106.7,20.8],[106.6,20.8]]]`, false, 0, 0},              // too few
		{"LineString", `[[106.6,20.8],[106.7,20.8]]`, false, 0, 0},
		{"Point", `"here"`, false, 0, 0},
	} {
		g := Geometry{Type: c.typ, Coordinates: json.RawMessage(c.coords)}
		lon, lat, err := g.Centre()
		if (err == nil) != c.ok || math.Abs(lon-c.lon) > 1e-9 || math.Abs(lat-c.lat) > 1e-9 {
			t.Errorf("%s %s: %v %v %v", c.typ, c.coords, lon, lat, err)
		}
	}
	g := Geometry{Type: "Polygon", Coordinates: json.RawMessage("[[ [106.6, 20.8],\n[106.7,20.8],[106.7,20.9],[106.6,20.9],[106.6,20.8] ]]")}
	out, err := g.Compact()
	if err != nil || out != `{"type":"Polygon","coordinates":`+square+`}` {
		t.Errorf("%s %v", out, err)
	}
	var back Geometry
	if err := json.Unmarshal([]byte(out), &back); err != nil || back.Type != "Polygon" || string(back.Coordinates) != square {
		t.Errorf("round trip: %+v %v", back, err)
	}
}

func FuzzGeometry(f *testing.F) {
	f.Add("Polygon", `[[[106.6,20.8],[106.7,20.8],[106.7,20.9],[106.6,20.8]]]`)
	f.Add("Point", `[106, 20]`)
	f.Add("MultiPolygon", `[[[[1,2]]]]`)
	f.Fuzz(func(t *testing.T, typ, coords string) {
		g := Geometry{Type: typ, Coordinates: json.RawMessage(coords)}
		lon, lat, err := g.Centre()
		if err == nil && (lon < minLon || lon > maxLon || lat < minLat || lat > maxLat) {
			t.Errorf("a valid geometry centred at %v, %v", lon, lat)
		}
	})
}
