package unitweb

import (
	"html/template"

	"congthuong/internal/unit"
	"congthuong/internal/web"
)

// factsView is a unit's area, population and density, written for the
// reader, with where each comes from.
type factsView struct {
	Has                                  bool
	Area, Population, Density            string
	AreaSource, PopulationSource, Source string
}

// factsOf writes u's facts; a unit that no longer exists has none (the
// figures are of the units since 1 July 2025).
func factsOf(p *web.Printer, x *unit.Extra, u unit.Unit) factsView {
	f, ok := x.Facts[u.Code]
	if !ok || u.ValidTo != "" || u.Level == unit.Country {
		return factsView{}
	}
	v := factsView{Has: true}
	if f.HasArea {
		v.Area = p.T("units.km2", p.Num(f.AreaKm2, 2))
		v.AreaSource = p.T("units.source_" + string(f.AreaSource))
	}
	if f.HasPop {
		v.Population = p.Int64(f.Population)
		v.PopulationSource = p.T("units.source_" + string(f.PopulationSource))
	}
	if d, ok := f.Density(); ok {
		v.Density = p.T("units.per_km2", p.Num(d, 0))
	}
	v.Source = v.PopulationSource
	if v.AreaSource != v.PopulationSource && v.AreaSource != "" {
		v.Source = v.AreaSource
		if v.PopulationSource != "" {
			v.Source += "; " + v.PopulationSource
		}
	}
	return v
}

// densityMap is the provinces coloured by people per km².
func (s *handlers) densityMap(p *web.Printer, x *unit.Extra, units []unit.Unit) template.HTML {
	values := map[string]web.MapValue{}
	for _, u := range units {
		if u.Level != unit.Province || u.ValidTo != "" {
			continue
		}
		if d, ok := x.Facts[u.Code].Density(); ok {
			values[u.Code] = web.MapValue{Name: p.Name(u.Title()), Value: d, Label: p.T("units.per_km2", p.Num(d, 0))}
		}
	}
	return s.Choropleth(values, p.T("units.map_title"), p.T("units.map_no_data"), func(v float64) string { return p.Num(v, 0) })
}
