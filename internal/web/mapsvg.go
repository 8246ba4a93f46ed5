package web

import (
	"fmt"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"

	"congthuong/internal/unit"
)

// A choropleth of the provinces, drawn on the server as inline SVG from
// the shipped outlines: no script, no tiles, nothing to download, and the
// same in every browser. Each province carries a title (its name and
// figure) that browsers show on hover; the page gives the figures in a
// table too, which is what screen readers read.

// MapValue is a province's figure on a choropleth: the number that colours
// it and the words that name it.
type MapValue struct {
	Name  string // the province's name in the reader's language
	Value float64
	Label string
}

// ChoroplethClasses is how many colour classes a map has.
const ChoroplethClasses = 5

// choroplethColours are a sequential blue scale (ColorBrewer Blues), light
// to dark; noDataColour marks a province without a figure.
var choroplethColours = [ChoroplethClasses]string{"#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"}

const noDataColour = "#e6e6e6"

// Map projection: longitude and latitude to the SVG's units, an
// equirectangular projection true at 16°N, the middle of the country.
const (
	mapWest, mapNorth = 101.9, 23.6
	mapScale          = 40.0
	mapWidth          = 530
	mapHeight         = 620
)

var mapCos = math.Cos(16 * math.Pi / 180)

func project(p [2]float64) (x, y float64) {
	return (p[0] - mapWest) * mapCos * mapScale, (mapNorth - p[1]) * mapScale
}

// mapPaths are the outlines as SVG paths by province code, built once
// per server: the outlines never change.
func (s *Server) mapPaths() map[string]string {
	s.mapOnce.Do(func() { s.paths = svgPaths(s.UnitFacts().Shapes) })
	return s.paths
}

func svgPaths(shapes []unit.Shape) map[string]string {
	out := map[string]string{}
	for _, s := range shapes {
		var b strings.Builder
		for _, ring := range s.Rings {
			for i, p := range ring {
				x, y := project(p)
				if i == 0 {
					b.WriteByte('M')
				} else {
					b.WriteByte('L')
				}
				b.WriteString(strconv.FormatFloat(x, 'f', 1, 64))
				b.WriteByte(' ')
				b.WriteString(strconv.FormatFloat(y, 'f', 1, 64))
			}
			b.WriteByte('Z')
		}
		b.WriteString(islandDots(s))
		out[s.Code] = b.String()
	}
	return out
}

// islandDots marks each ring too small to see at the map's scale (the
// Hoàng Sa and Trường Sa archipelagos among them) with a dot of its
// province's colour: an island must not vanish from a map of the country.
func islandDots(s unit.Shape) string {
	var b strings.Builder
	for _, ring := range s.Rings {
		minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, p := range ring {
			x, y := project(p)
			minX, minY, maxX, maxY = math.Min(minX, x), math.Min(minY, y), math.Max(maxX, x), math.Max(maxY, y)
		}
		if maxX-minX < islandSize && maxY-minY < islandSize {
			fmt.Fprintf(&b, "M%.1f %.1fm-1.6 0a1.6 1.6 0 1 0 3.2 0a1.6 1.6 0 1 0 -3.2 0Z", (minX+maxX)/2, (minY+maxY)/2)
		}
	}
	return b.String()
}

// islandSize is the extent, in the map's units, under which a ring is
// marked with a dot.
const islandSize = 2.0

// Choropleth draws the provinces coloured by values (by province code) in
// ChoroplethClasses classes of equal count, with a legend; title names the
// map for assistive technology, noData is the legend's words for a
// province without a figure. It returns nothing when no province has a
// figure: an empty map is never drawn.
func (s *Server) Choropleth(values map[string]MapValue, title, noData string, format func(float64) string) template.HTML {
	shapes := s.UnitFacts().Shapes
	if len(shapes) == 0 || len(values) == 0 {
		return ""
	}
	paths := s.mapPaths()
	sorted := make([]float64, 0, len(values))
	for _, v := range values {
		sorted = append(sorted, v.Value)
	}
	slices.Sort(sorted)
	// Class breaks at the quantiles: each colour holds about as many
	// provinces, so one outlier does not leave the rest in one colour.
	var breaks []float64
	for i := 1; i < ChoroplethClasses; i++ {
		breaks = append(breaks, sorted[i*len(sorted)/ChoroplethClasses])
	}
	classOf := func(v float64) int {
		c := 0
		for c < len(breaks) && v >= breaks[c] {
			c++
		}
		return c
	}
	var b strings.Builder
	esc := template.HTMLEscapeString
	fmt.Fprintf(&b, `<figure class="choropleth"><svg viewBox="0 0 %d %d" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg">`,
		mapWidth, mapHeight, esc(title))
	for _, s := range shapes {
		fill, name, label := noDataColour, s.Name, noData
		if v, ok := values[s.Code]; ok {
			fill, label = choroplethColours[classOf(v.Value)], v.Label
			if v.Name != "" {
				name = v.Name
			}
		}
		fmt.Fprintf(&b, `<path d="%s" fill="%s" data-code="%s"><title>%s: %s</title></path>`, paths[s.Code], fill, s.Code, esc(name), esc(label))
	}
	b.WriteString(`</svg><figcaption><ul class="legend">`)
	// Each class's range is that of the figures it holds; a class the
	// quantiles left empty is not listed.
	var lo, hi [ChoroplethClasses]float64
	var n [ChoroplethClasses]int
	for _, v := range sorted {
		c := classOf(v)
		if n[c] == 0 {
			lo[c] = v
		}
		hi[c], n[c] = v, n[c]+1
	}
	for c := range ChoroplethClasses {
		switch {
		case n[c] > 0 && lo[c] == hi[c]:
			fmt.Fprintf(&b, `<li>%s%s</li>`, swatch(choroplethColours[c]), esc(format(lo[c])))
		case n[c] > 0:
			fmt.Fprintf(&b, `<li>%s%s – %s</li>`, swatch(choroplethColours[c]), esc(format(lo[c])), esc(format(hi[c])))
		}
	}
	fmt.Fprintf(&b, `<li>%s%s</li></ul></figcaption></figure>`, swatch(noDataColour), esc(noData))
	return template.HTML(b.String())
}

// swatch is a legend's colour square, drawn as SVG: the Content-Security-
// Policy allows no inline style.
func swatch(colour string) string {
	return `<svg class="swatch" width="14" height="14" aria-hidden="true"><rect width="14" height="14" fill="` + colour + `"/></svg>`
}

// LocatorMap draws a province with its neighbours around it and a point
// (a site) in it: where a place is, on a page or a printed sheet, without
// tiles or script. It returns nothing for a province without an outline.
func (s *Server) LocatorMap(province string, lon, lat float64, title string) template.HTML {
	shapes := s.UnitFacts().Shapes
	i := slices.IndexFunc(shapes, func(sh unit.Shape) bool { return sh.Code == province })
	if i < 0 {
		return ""
	}
	box := func(sh unit.Shape) (minX, minY, maxX, maxY float64) {
		minX, minY, maxX, maxY = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, ring := range sh.Rings {
			for _, p := range ring {
				x, y := project(p)
				minX, minY, maxX, maxY = math.Min(minX, x), math.Min(minY, y), math.Max(maxX, x), math.Max(maxY, y)
			}
		}
		return
	}
	x0, y0, x1, y1 := box(shapes[i])
	// A margin of a quarter of the province around it shows the neighbours.
	pad := math.Max(x1-x0, y1-y0) / 4
	x0, y0, x1, y1 = x0-pad, y0-pad, x1+pad, y1+pad
	paths := s.mapPaths()
	var b strings.Builder
	esc := template.HTMLEscapeString
	fmt.Fprintf(&b, `<svg class="locator" viewBox="%.1f %.1f %.1f %.1f" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg">`,
		x0, y0, x1-x0, y1-y0, esc(title))
	for j, sh := range shapes {
		a0, b0, a1, b1 := box(sh)
		if j == i || a1 < x0 || a0 > x1 || b1 < y0 || b0 > y1 {
			continue
		}
		fmt.Fprintf(&b, `<path d="%s" class="neighbour"/>`, paths[sh.Code])
	}
	fmt.Fprintf(&b, `<path d="%s" class="home"/>`, paths[province])
	x, y := project([2]float64{lon, lat})
	fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="%.2f" class="site"/></svg>`, x, y, math.Max(x1-x0, y1-y0)/40)
	return template.HTML(b.String())
}
