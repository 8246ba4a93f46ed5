package unit

import (
	"encoding/json"
	"errors"
	"math"
	"strings"

	"congthuong"
)

// Outline is a unit's boundary as an administrator loaded it, simplified
// for drawing: a department may have better boundaries than the shipped
// ones (or commune boundaries, which none ship), under its own licence.
type Outline struct {
	Code     string
	Level    Level
	Province string // the province of a commune; its own code for a province
	Rings    [][][2]float64
}

// MaxOutlines bounds a boundary file: every commune of the country and
// room to spare.
const MaxOutlines = 4000

// Simplification of loaded outlines, in degrees: a province's to about
// 200 m (it is seen whole), a commune's to about 50 m (it is seen
// around one site).
const (
	provinceTolerance = 0.002
	communeTolerance  = 0.0005
)

// Vietnam's land and islands lie within this box, with a margin; a point
// outside it is a wrong file or swapped coordinates.
const minLon, maxLon, minLat, maxLat = 100.0, 120.0, 5.0, 25.0

// ReadOutlines reads a GeoJSON FeatureCollection of unit boundaries, each
// feature keyed by a unit code (its "code" property, else its id) of a
// unit in force: find answers a code's level and province. Every bad
// feature is named (row = feature number + 1, as a sheet counts), and none
// is kept unless all are good.
func ReadOutlines(b []byte, find func(code string) (Level, string, bool)) ([]Outline, error) {
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			ID         any `json:"id"`
			Properties struct {
				Code string `json:"code"`
			} `json:"properties"`
			Geometry *rawGeometry `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(b, &fc); err != nil || fc.Type != "FeatureCollection" {
		return nil, congthuong.FieldErr(congthuong.EINVALID, "file", "unit.outlines_not_collection")
	}
	if len(fc.Features) == 0 {
		return nil, congthuong.FieldErr(congthuong.EINVALID, "file", "unit.outlines_empty")
	}
	if len(fc.Features) > MaxOutlines {
		return nil, congthuong.FieldErr(congthuong.EINVALID, "file", "unit.outlines_too_many", MaxOutlines)
	}
	var v congthuong.Validation
	seen := map[string]int{}
	out := make([]Outline, 0, len(fc.Features))
	for i, f := range fc.Features {
		row := i + 2
		code := strings.TrimSpace(f.Properties.Code)
		if id, ok := f.ID.(string); ok && code == "" {
			code = strings.TrimSpace(id)
		}
		level, province, ok := find(code)
		switch {
		case code == "":
			v.AddRow(row, "code", "unit.outline_no_code")
			continue
		case !ok:
			v.AddRow(row, "code", "unit.outline_unknown_unit", code)
			continue
		}
		if first, dup := seen[code]; dup {
			v.AddRow(row, "code", "unit.outline_twice", code, first)
			continue
		}
		seen[code] = row
		o := Outline{Code: code, Level: level, Province: province}
		polys, err := polygons(f.Geometry)
		if err != nil {
			v.AddRow(row, "geometry", "unit.outline_geometry", code)
			continue
		}
		tol := communeTolerance
		if level == Province {
			tol = provinceTolerance
		}
		bad := false
		for _, p := range polys {
			for _, ring := range p {
				if !goodRing(ring) {
					bad = true
					break
				}
				o.Rings = append(o.Rings, simplify(ring, tol))
			}
		}
		if bad || len(o.Rings) == 0 {
			v.AddRow(row, "geometry", "unit.outline_outside", code)
			continue
		}
		out = append(out, o)
	}
	if err := v.Err("common.file_has_invalid_rows_nothing_was"); err != nil {
		return nil, err
	}
	return out, nil
}

// rawGeometry is a GeoJSON geometry before its coordinates are read.
type rawGeometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

func polygons(g *rawGeometry) ([][][][2]float64, error) {
	if g == nil {
		return nil, errNoGeometry
	}
	switch g.Type {
	case "Polygon":
		var p [][][2]float64
		err := json.Unmarshal(g.Coordinates, &p)
		return [][][][2]float64{p}, err
	case "MultiPolygon":
		var mp [][][][2]float64
		err := json.Unmarshal(g.Coordinates, &mp)
		return mp, err
	}
	return nil, errNoGeometry
}

var errNoGeometry = errors.New("unit: not a polygon")

// goodRing: closed, at least a triangle, every point a number in the box.
func goodRing(ring [][2]float64) bool {
	if len(ring) < 4 || ring[0] != ring[len(ring)-1] {
		return false
	}
	for _, p := range ring {
		if math.IsNaN(p[0]) || math.IsNaN(p[1]) || p[0] < minLon || p[0] > maxLon || p[1] < minLat || p[1] > maxLat {
			return false
		}
	}
	return true
}
