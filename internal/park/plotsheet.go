package park

import (
	"bytes"
	"context"
	"slices"
	"strings"

	"congthuong"
	"congthuong/internal/tabular"
)

// PlotColumns are the columns of a plots sheet. A sheet carries what
// changes from week to week (status, tenant) of the plots on a site's
// plan; their outlines come from the plan itself, as GeoJSON.
var PlotColumns = []string{"code", "area_ha", "status", "tenant", "tenant_tax_code"}

var plotRequired = []string{"code", "status"}

// PlotSheetHeadings are the headings a plots sheet may use for each
// column besides its key: the words of the exported workbook in every
// language, given by the caller who holds the catalogue.
type PlotSheetHeadings map[string]string

// PlotChange is one row of a plots sheet.
type PlotChange struct {
	Row     int
	Code    string
	Area    Area // zero keeps the plan's area
	Status  string
	TaxCode string
}

// ReadPlotSheet reads a plots sheet (CSV or XLSX): a row per plot with its
// code and status, and the area and tenant's tax code when given. statuses
// maps the words a sheet may use for a status (the exported workbook's, in
// any language) to the status. Every bad row is named; nothing is returned
// unless all are good.
func ReadPlotSheet(ctx context.Context, b []byte, headings PlotSheetHeadings, statuses map[string]string) ([]PlotChange, error) {
	aliases := map[string]string{}
	for h, col := range headings {
		aliases[strings.ToLower(strings.TrimSpace(h))] = col
	}
	var cols map[string]int
	var out []PlotChange
	var v congthuong.Validation
	seen := map[string]int{}
	err := tabular.Scan(ctx, bytes.NewReader(b), func(h []string) error {
		var err error
		cols, err = tabular.CheckHeader(h, aliases, PlotColumns, plotRequired)
		return err
	}, func(row tabular.Row) error {
		if len(out) >= MaxPlots {
			return congthuong.FieldErr(congthuong.EINVALID, "file", "park.plots_too_many", MaxPlots)
		}
		c := rowCells(cols, row)
		p := PlotChange{Row: row.Line, Code: c.text("code"), TaxCode: c.text("tenant_tax_code")}
		if c.text("area_ha") != "" {
			p.Area = c.area("area_ha")
		}
		word := strings.ToLower(c.text("status"))
		if s, ok := statuses[word]; ok {
			p.Status = s
		} else if slices.Contains(PlotStatuses, word) {
			p.Status = word
		} else {
			c.bad("status", "park.plot_status")
		}
		if !plotCode.MatchString(p.Code) {
			c.bad("code", "park.plot_code")
		} else if first, dup := seen[p.Code]; dup {
			c.bad("code", "park.plot_twice", p.Code, first)
		} else {
			seen[p.Code] = row.Line
		}
		if p.Status == PlotLeased && p.TaxCode == "" {
			c.bad("tenant_tax_code", "park.plot_leased_needs_tenant")
		}
		if p.Status != PlotLeased && p.Status != PlotReserved {
			p.TaxCode = ""
		}
		for _, f := range c.problems {
			v.AddRow(f.Row, f.Field, f.Message, f.Args...)
		}
		out = append(out, p)
		return nil
	})
	if err != nil {
		return nil, tabular.FileError(err, errNoPlotRows)
	}
	if len(out) == 0 {
		return nil, errNoPlotRows
	}
	if err := v.Err("common.file_has_invalid_rows_nothing_was"); err != nil {
		return nil, err
	}
	return out, nil
}

var errNoPlotRows = &congthuong.Error{Code: congthuong.EINVALID, Message: "common.nothing_import",
	Fields: []congthuong.FieldError{{Row: 2, Field: "code", Message: "common.file_has_header_but_no_data_rows"}}}

// ApplyPlotChanges applies a sheet's rows to a site's plots: each row
// names a plot on the plan, whose status, tenant and (when given) area
// it sets; plots the sheet leaves out stay as they are.
func ApplyPlotChanges(plots []Plot, changes []PlotChange) ([]Plot, error) {
	byCode := make(map[string]int, len(plots))
	for i, p := range plots {
		byCode[p.Code] = i
	}
	out := slices.Clone(plots)
	var v congthuong.Validation
	for _, c := range changes {
		i, ok := byCode[c.Code]
		if !ok {
			v.AddRow(c.Row, "code", "park.plot_not_on_plan", c.Code)
			continue
		}
		out[i].Status, out[i].TaxCode = c.Status, c.TaxCode
		if c.Area > 0 {
			out[i].Area = c.Area
		}
	}
	if err := v.Err("common.file_has_invalid_rows_nothing_was"); err != nil {
		return nil, err
	}
	return out, nil
}
