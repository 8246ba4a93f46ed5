package unit

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"strconv"
	"strings"
)

// Facts are a unit's natural area and population where a source states
// them, each with where it comes from; a value the source leaves empty or
// that its checks doubt is not given.
type Facts struct {
	AreaKm2          float64
	Population       int64
	HasArea, HasPop  bool
	AreaSource       Source
	PopulationSource Source
}

// Source names where a figure comes from, for the reader.
type Source string

// Sources of the units' area and population (data/vn-admin-units-extra).
const (
	// Resolution 202/2025/QH15 gives the merged provinces' area and
	// population scale (registered residents, not GSO's average).
	FromResolution202 Source = "resolution202"
	// GSO's 2024 area and average population, summed over the old
	// provinces: the one basis for all 34.
	FromGSO2024 Source = "gso2024"
	// The Ministry's 2025 reference map of the new units, for communes:
	// indicative (its basis is not stated).
	FromReferenceMap Source = "reference_map"
)

// Density is the people per km², when both are known.
func (f Facts) Density() (float64, bool) {
	if !f.HasArea || !f.HasPop || f.AreaKm2 <= 0 {
		return 0, false
	}
	return float64(f.Population) / f.AreaKm2, true
}

// Shape is a province's outline: rings of (longitude, latitude) points,
// each ring closed.
type Shape struct {
	Code  string
	Name  string
	Rings [][][2]float64
}

// Extra is the units' supplementary reference data: facts by unit code,
// and the provinces' outlines.
type Extra struct {
	Facts  map[string]Facts
	Shapes []Shape
}

const extraFolder = "vn-admin-units-extra/"

// LoadExtra reads the units' area, population and outlines from fsys (the
// embedded copy of shared/data/vn-admin-units-extra). For provinces the
// resolution's figures are used where it gives them, GSO 2024's elsewhere;
// for communes the reference map's, unless its checks left them unresolved
// or flag them (a population under 1,000 is mostly thousands misread; an
// area far from the unit's own outline is wrong).
func LoadExtra(fsys fs.FS) (*Extra, error) {
	x := &Extra{Facts: map[string]Facts{}}
	gso, err := readCSVIn(fsys, extraFolder, "provinces_area_population_gso2024.csv", "code", "area_km2", "population_thousands")
	if err != nil {
		return nil, err
	}
	for _, r := range gso {
		var f Facts
		if a, ok := parseFloat(r["area_km2"]); ok {
			f.AreaKm2, f.HasArea, f.AreaSource = a, true, FromGSO2024
		}
		if p, ok := parseFloat(r["population_thousands"]); ok {
			f.Population, f.HasPop, f.PopulationSource = int64(math.Round(p*1000)), true, FromGSO2024
		}
		x.Facts[r["code"]] = f
	}
	nq, err := readCSVIn(fsys, extraFolder, "provinces_area_population.csv", "code", "area_km2", "population")
	if err != nil {
		return nil, err
	}
	for _, r := range nq {
		f := x.Facts[r["code"]]
		if a, ok := parseFloat(r["area_km2"]); ok {
			f.AreaKm2, f.HasArea, f.AreaSource = a, true, FromResolution202
		}
		if p, ok := parseFloat(r["population"]); ok {
			f.Population, f.HasPop, f.PopulationSource = int64(p), true, FromResolution202
		}
		x.Facts[r["code"]] = f
	}
	communes, err := readCSVIn(fsys, extraFolder, "communes_area_population.csv", "code", "area_km2", "population", "check", "flags")
	if err != nil {
		return nil, err
	}
	for _, r := range communes {
		if strings.HasPrefix(r["check"], "unresolved") {
			continue
		}
		var f Facts
		flags := r["flags"]
		if a, ok := parseFloat(r["area_km2"]); ok && !strings.Contains(flags, "area_differs_from_polygon") {
			f.AreaKm2, f.HasArea, f.AreaSource = a, true, FromReferenceMap
		}
		if p, ok := parseFloat(r["population"]); ok && !strings.Contains(flags, "population_below_1000") {
			f.Population, f.HasPop, f.PopulationSource = int64(p), true, FromReferenceMap
		}
		if f.HasArea || f.HasPop {
			x.Facts[r["code"]] = f
		}
	}
	if x.Shapes, err = loadShapes(fsys, extraFolder+"provinces_34_geoboundaries.geojson"); err != nil {
		return nil, err
	}
	return x, nil
}

func parseFloat(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// shapeTolerance is how far, in degrees, a simplified outline may stray
// from the file's: about 1 km, under a pixel on a national map.
const shapeTolerance = 0.01

// loadShapes reads a GeoJSON FeatureCollection of polygons keyed by the
// feature's "code" property, simplifying each ring (Douglas–Peucker) for
// drawing.
func loadShapes(fsys fs.FS, name string) ([]Shape, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("unit: %w", err)
	}
	var fc struct {
		Features []struct {
			Properties struct{ Code, Name string }
			Geometry   struct {
				Type        string
				Coordinates json.RawMessage
			}
		}
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		return nil, fmt.Errorf("unit: %s: %w", name, err)
	}
	var out []Shape
	for _, f := range fc.Features {
		var polys [][][][2]float64
		switch f.Geometry.Type {
		case "Polygon":
			var p [][][2]float64
			err = json.Unmarshal(f.Geometry.Coordinates, &p)
			polys = [][][][2]float64{p}
		case "MultiPolygon":
			err = json.Unmarshal(f.Geometry.Coordinates, &polys)
		default:
			err = fmt.Errorf("geometry %q", f.Geometry.Type)
		}
		if err != nil {
			return nil, fmt.Errorf("unit: %s: %s: %w", name, f.Properties.Code, err)
		}
		s := Shape{Code: f.Properties.Code, Name: f.Properties.Name}
		for _, p := range polys {
			for _, ring := range p {
				s.Rings = append(s.Rings, simplify(ring, shapeTolerance))
			}
		}
		out = append(out, s)
	}
	return out, nil
}

// simplify drops the points of a ring that lie within tol of the line
// through their neighbours kept (Douglas–Peucker), keeping at least the
// first, a middle and the last point so that an island stays drawn.
func simplify(ring [][2]float64, tol float64) [][2]float64 {
	if len(ring) <= 4 {
		return ring
	}
	keep := make([]bool, len(ring))
	keep[0], keep[len(ring)-1], keep[len(ring)/2] = true, true, true
	var walk func(i, j int)
	walk = func(i, j int) {
		if j <= i+1 {
			return
		}
		far, at := -1.0, -1
		for k := i + 1; k < j; k++ {
			if d := lineDistance(ring[k], ring[i], ring[j]); d > far {
				far, at = d, k
			}
		}
		if far > tol {
			keep[at] = true
			walk(i, at)
			walk(at, j)
		}
	}
	mid := len(ring) / 2
	walk(0, mid)
	walk(mid, len(ring)-1)
	out := make([][2]float64, 0, len(ring)/4)
	for i, p := range ring {
		if keep[i] {
			out = append(out, p)
		}
	}
	return out
}

// lineDistance is the distance from p to the segment a–b, in degrees.
func lineDistance(p, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	if dx == 0 && dy == 0 {
		return math.Hypot(p[0]-a[0], p[1]-a[1])
	}
	t := ((p[0]-a[0])*dx + (p[1]-a[1])*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(p[0]-a[0]-t*dx, p[1]-a[1]-t*dy)
}

// Populations are the units' populations where known, by unit code.
func (x *Extra) Populations() map[string]int64 {
	out := map[string]int64{}
	for code, f := range x.Facts {
		if f.HasPop && f.Population > 0 {
			out[code] = f.Population
		}
	}
	return out
}
