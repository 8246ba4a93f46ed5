package park

import (
	"encoding/json"
	"regexp"
	"slices"

	"congthuong"
)

// Plot is a lot (lô) of a site's leasable land: its code on the site's
// plan, its area, whether it is free, and the tenant on it.
type Plot struct {
	Code     string    `json:"code"`
	Area     Area      `json:"area_ha"`
	Status   string    `json:"status"`
	TaxCode  string    `json:"tenant_tax_code,omitempty"`
	Tenant   string    `json:"tenant,omitempty"`
	Geometry *Geometry `json:"-"`
}

// Plot statuses: free for an investor, held for one, or leased.
const (
	PlotVacant   = "vacant"
	PlotReserved = "reserved"
	PlotLeased   = "leased"
)

// PlotStatuses lists the statuses.
var PlotStatuses = []string{PlotVacant, PlotReserved, PlotLeased}

// MaxPlots bounds the plots of one site.
const MaxPlots = 2000

var plotCode = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N}._/-]{0,29}$`)

// ReadPlots reads a site's plots from a GeoJSON FeatureCollection whose
// features carry code, area_ha, status and, for a leased plot, the
// tenant's tax code; every problem is named by its feature (row = feature
// number + 1, as a sheet would count), and none is kept unless all are
// good.
func ReadPlots(b []byte) ([]Plot, error) {
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Geometry   *Geometry `json:"geometry"`
			Properties struct {
				Code    string          `json:"code"`
				Area    json.RawMessage `json:"area_ha"`
				Status  string          `json:"status"`
				TaxCode string          `json:"tenant_tax_code"`
			} `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(b, &fc); err != nil || fc.Type != "FeatureCollection" {
		return nil, congthuong.FieldErr(congthuong.EINVALID, "file", "park.plots_not_collection")
	}
	if len(fc.Features) > MaxPlots {
		return nil, congthuong.FieldErr(congthuong.EINVALID, "file", "park.plots_too_many", MaxPlots)
	}
	var v congthuong.Validation
	seen := map[string]int{}
	out := make([]Plot, 0, len(fc.Features))
	for i, f := range fc.Features {
		row := i + 2
		p := Plot{Code: f.Properties.Code, Status: f.Properties.Status, TaxCode: f.Properties.TaxCode, Geometry: f.Geometry}
		if !plotCode.MatchString(p.Code) {
			v.AddRow(row, "code", "park.plot_code")
		} else if first, dup := seen[p.Code]; dup {
			v.AddRow(row, "code", "park.plot_twice", p.Code, first)
		} else {
			seen[p.Code] = row
		}
		if err := p.Area.UnmarshalJSON(f.Properties.Area); err != nil || p.Area <= 0 {
			v.AddRow(row, "area_ha", "park.plot_area")
		}
		if !slices.Contains(PlotStatuses, p.Status) {
			v.AddRow(row, "status", "park.plot_status")
		}
		if p.Status == PlotLeased && p.TaxCode == "" {
			v.AddRow(row, "tenant_tax_code", "park.plot_leased_needs_tenant")
		}
		if p.Geometry == nil || (p.Geometry.Type != "Polygon" && p.Geometry.Type != "MultiPolygon") {
			v.AddRow(row, "geometry", "park.plot_geometry")
		} else if err := p.Geometry.Validate(); err != nil {
			v.AddRowErr(row, "geometry", err)
		}
		out = append(out, p)
	}
	if err := v.Err("common.file_has_invalid_rows_nothing_was"); err != nil {
		return nil, err
	}
	return out, nil
}

// PlotSummary is what a site's plots add up to.
type PlotSummary struct {
	Count, Vacant int
	VacantArea    Area
	Area          Area
}

// SummarizePlots adds up plots: how many, how many are free and their land.
func SummarizePlots(plots []Plot) PlotSummary {
	var s PlotSummary
	for _, p := range plots {
		s.Count++
		s.Area += p.Area
		if p.Status == PlotVacant {
			s.Vacant++
			s.VacantArea += p.Area
		}
	}
	return s
}
