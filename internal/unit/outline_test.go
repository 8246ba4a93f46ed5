package unit

import (
	"strings"
	"testing"

	"congthuong"
)

func findTestUnit(code string) (Level, string, bool) {
	switch code {
	case "31":
		return Province, "31", true
	case "11560", "11311":
		return Commune, "31", true
	}
	return "", "", false
}

const square = `{"type":"Polygon","coordinates":[[[106.6,20.8],[106.7,20.8],[106.7,20.9],[106.6,20.9],[106.6,20.8]]]}`

// TestReadOutlines: a boundary file is read whole or not at all, every bad
// feature named by its row: no code, a unit not in force, twice, not a
// polygon, an open ring, swapped coordinates.
func TestReadOutlines(t *testing.T) {
	good := `{"type":"FeatureCollection","features":[{"type":"Feature","id":"11560","properties":{},"geometry":` + square + `},` +
		`{"type":"Feature","properties":{"code":"31"},"geometry":{"type":"MultiPolygon","coordinates":[` + strings.TrimSuffix(strings.TrimPrefix(square, `{"type":"Polygon","coordinates":`), "}") + `]}}]}`
	out, err := ReadOutlines([]byte(good), findTestUnit)
	if err != nil || len(out) != 2 || out[0].Level != Commune || out[0].Province != "31" || out[1].Level != Province || len(out[1].Rings) != 1 {
		t.Fatalf("%+v %v", out, err)
	}
	feature := func(code, geom string) string {
		return `{"type":"Feature","properties":{"code":"` + code + `"},"geometry":` + geom + `}`
	}
	bad := `{"type":"FeatureCollection","features":[` + strings.Join([]string{
		feature("", square),
		feature("99999", square),
		feature("11560", square),
		feature("11560", square),
		feature("11311", `{"type":"Point","coordinates":[106.6,20.8]}`),
		feature("31", `{"type":"Polygon","coordinates":[[[106.6,20.8],[106.7,20.8],[106.7,20.9],[106.6,20.9]]]}`),
	}, ",") + `]}`
	_, err = ReadOutlines([]byte(bad), findTestUnit)
	want := map[int]string{2: "code", 3: "code", 5: "code", 6: "geometry", 7: "geometry"}
	got := congthuong.ErrorFields(err)
	if len(got) != len(want) {
		t.Fatalf("%v", got)
	}
	for _, f := range got {
		if want[f.Row] != f.Field {
			t.Errorf("row %d: %s %s", f.Row, f.Field, f.Message)
		}
	}
	swapped := `{"type":"FeatureCollection","features":[` + feature("31", `{"type":"Polygon","coordinates":[[[20.8,106.6],[20.8,106.7],[20.9,106.7],[20.8,106.6]]]}`) + `]}`
	if f := congthuong.ErrorFields(func() error { _, err := ReadOutlines([]byte(swapped), findTestUnit); return err }()); len(f) != 1 || f[0].Message != "unit.outline_outside" {
		t.Errorf("swapped coordinates: %v", f)
	}
	for _, b := range []string{`[]`, `{"type":"FeatureCollection","features":[]}`, `{`} {
		if _, err := ReadOutlines([]byte(b), findTestUnit); congthuong.ErrorCode(err) != congthuong.EINVALID {
			t.Errorf("%s: %v", b, err)
		}
	}
}
