package park

import (
	"bytes"
	"encoding/json"
	"math"

	"congthuong"
)

// Geometry is a site's location as a GeoJSON geometry (RFC 7946): a Point,
// a Polygon or a MultiPolygon, longitude first. The coordinates are kept
// as given, so that a round trip returns them unchanged.
type Geometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

// Bounds of the coordinates accepted: Vietnam with its islands, with a
// margin; a swapped latitude and longitude falls outside.
const (
	minLon, maxLon = 100.0, 118.0
	minLat, maxLat = 7.0, 24.5
	maxPositions   = 20_000
)

type position = [2]float64

// Validate checks the type, the shape of the coordinates, that rings are
// closed and that every position lies in Vietnam.
func (g *Geometry) Validate() error {
	_, err := g.positions()
	return err
}

// Centre returns a point to pin the site on a map: the point itself, or
// the mean of the outer ring's corners of the first polygon.
func (g *Geometry) Centre() (lon, lat float64, err error) {
	rings, err := g.positions()
	if err != nil {
		return 0, 0, err
	}
	outer := rings[0]
	if len(outer) > 1 {
		outer = outer[:len(outer)-1] // the closing corner repeats the first
	}
	for _, p := range outer {
		lon, lat = lon+p[0], lat+p[1]
	}
	n := float64(len(outer))
	return lon / n, lat / n, nil
}

// positions returns the geometry's rings (one ring of one position for a
// point), checked.
func (g *Geometry) positions() ([][]position, error) {
	var rings [][]position
	switch g.Type {
	case "Point":
		var p []float64
		if err := json.Unmarshal(g.Coordinates, &p); err != nil || len(p) < 2 {
			return nil, congthuong.Errorf(congthuong.EINVALID, "park.geo_point")
		}
		rings = [][]position{{{p[0], p[1]}}}
	case "Polygon":
		var poly [][][]float64
		if err := json.Unmarshal(g.Coordinates, &poly); err != nil || len(poly) == 0 {
			return nil, congthuong.Errorf(congthuong.EINVALID, "park.geo_polygon")
		}
		r, err := polygonRings(poly)
		if err != nil {
			return nil, err
		}
		rings = r
	case "MultiPolygon":
		var multi [][][][]float64
		if err := json.Unmarshal(g.Coordinates, &multi); err != nil || len(multi) == 0 {
			return nil, congthuong.Errorf(congthuong.EINVALID, "park.geo_multipolygon")
		}
		for _, poly := range multi {
			r, err := polygonRings(poly)
			if err != nil {
				return nil, err
			}
			rings = append(rings, r...)
		}
	default:
		return nil, congthuong.Errorf(congthuong.EINVALID, "park.geo_type", g.Type)
	}
	n := 0
	for _, ring := range rings {
		for _, p := range ring {
			n++
			if p[0] < minLon || p[0] > maxLon || p[1] < minLat || p[1] > maxLat {
				return nil, congthuong.Errorf(congthuong.EINVALID, "park.geo_outside", p[0], p[1])
			}
		}
	}
	if n > maxPositions {
		return nil, congthuong.Errorf(congthuong.EINVALID, "park.geo_too_many", n, maxPositions)
	}
	return rings, nil
}

func polygonRings(poly [][][]float64) ([][]position, error) {
	if len(poly) == 0 {
		return nil, congthuong.Errorf(congthuong.EINVALID, "park.geo_no_ring")
	}
	var out [][]position
	for _, ring := range poly {
		if len(ring) < 4 {
			return nil, congthuong.Errorf(congthuong.EINVALID, "park.geo_short_ring")
		}
		r := make([]position, len(ring))
		for i, p := range ring {
			if len(p) < 2 {
				return nil, congthuong.Errorf(congthuong.EINVALID, "park.geo_position")
			}
			r[i] = position{p[0], p[1]}
		}
		if r[0] != r[len(r)-1] {
			return nil, congthuong.Errorf(congthuong.EINVALID, "park.geo_open_ring")
		}
		out = append(out, r)
	}
	return out, nil
}

// Compact returns the geometry as compact JSON, for storage.
func (g *Geometry) Compact() (string, error) {
	var buf bytes.Buffer
	if err := json.Compact(&buf, g.Coordinates); err != nil {
		return "", err
	}
	return `{"type":` + quote(g.Type) + `,"coordinates":` + buf.String() + `}`, nil
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// featureProperties are a site as a feature's properties: every field
// (so that the feature imports back) but the geometry, which is the
// feature's, and the investor's name, which is the register's; with the
// free land and occupancy computed.
type featureProperties struct {
	*Site
	ID           int64    `json:"id,omitempty"` // the feature's id is the code
	FreeArea     Area     `json:"free_ha"`
	OccupancyPct *float64 `json:"occupancy_pct,omitempty"`
}

// Feature returns s as a GeoJSON Feature, or nil when s has no geometry.
func (s *Site) Feature() ([]byte, error) {
	if s.Geometry == nil {
		return nil, nil
	}
	geom, err := s.Geometry.Compact()
	if err != nil {
		return nil, err
	}
	site := *s
	site.Geometry, site.InvestorName = nil, ""
	props := featureProperties{Site: &site, FreeArea: s.FreeArea()}
	if occ, ok := s.Occupancy(); ok {
		occ = math.Round(occ*100) / 100
		props.OccupancyPct = &occ
	}
	b, err := json.Marshal(props)
	if err != nil {
		return nil, err
	}
	id, _ := json.Marshal(s.Code)
	return []byte(`{"type":"Feature","id":` + string(id) + `,"geometry":` + geom + `,"properties":` + string(b) + `}`), nil
}
