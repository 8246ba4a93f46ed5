// Package statsweb serves the sector statistics: indicators, values, analytics, the leaders' dashboard and unit cards, reports, and the communes' data entry with its approval.
package statsweb

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/stats"
	"congthuong/internal/stats/statsdb"
	"congthuong/internal/tabular"
	"congthuong/internal/web"
)

// apiListIndicators answers GET /api/v1/stats/indicators (public).
func (s *handlers) apiListIndicators(w http.ResponseWriter, r *http.Request) error {
	list, err := s.stats.Indicators(r.Context())
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, map[string]any{"items": list})
	return nil
}

// apiSaveIndicator answers PUT /api/v1/stats/indicators/{code}: adds or
// changes an indicator (administrators).
func (s *handlers) apiSaveIndicator(w http.ResponseWriter, r *http.Request) error {
	var ind stats.Indicator
	if err := web.DecodeJSON(w, r, &ind); err != nil {
		return err
	}
	code := strings.ToUpper(r.PathValue("code"))
	if ind.Code != "" && strings.ToUpper(ind.Code) != code {
		return &congthuong.Error{Code: congthuong.EINVALID, Message: "stats.indicator_has_invalid_fields",
			Fields: []congthuong.FieldError{{Field: "code", Message: "stats.code_body_differs_from_one_path"}}}
	}
	ind.Code = code
	if err := s.stats.SaveIndicator(r.Context(), ind); err != nil {
		return err
	}
	ind.Normalize()
	web.WriteJSON(w, http.StatusOK, ind)
	return nil
}

// apiListValues answers GET /api/v1/stats/values?indicator=&period=: the
// current values by unit; the public sees official ones only.
func (s *handlers) apiListValues(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	var v congthuong.Validation
	code := strings.ToUpper(strings.TrimSpace(q.Get("indicator")))
	if code == "" {
		v.Add("indicator", "stats.give_indicator_s_code")
	}
	p, err := stats.ParsePeriod(q.Get("period"))
	if err != nil {
		v.AddErr("period", err)
	}
	if err := v.Err("common.invalid_query"); err != nil {
		return err
	}
	list, err := s.stats.Values(r.Context(), code, p)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, map[string]any{"items": list})
	return nil
}

// apiImportValues answers POST /api/v1/stats/values/import: a CSV or XLSX
// file as the body or the "file" part of a form; ?dry_run=true checks only.
func (s *handlers) apiImportValues(w http.ResponseWriter, r *http.Request) error {
	f, err := s.ReceiveImport(w, r)
	if err != nil {
		return err
	}
	defer f.Release()
	dry, _ := strconv.ParseBool(r.URL.Query().Get("dry_run"))
	res, err := s.stats.ImportValues(f.Ctx, stats.ReadValueImport(bytes.NewReader(f.Body)), dry)
	if err != nil {
		return err
	}
	s.WriteLocalJSON(w, r, http.StatusOK, &res)
	return nil
}

// apiImportGrowth imports growth rates the statistics office published.
func (s *handlers) apiImportGrowth(w http.ResponseWriter, r *http.Request) error {
	f, err := s.ReceiveImport(w, r)
	if err != nil {
		return err
	}
	defer f.Release()
	dry, _ := strconv.ParseBool(r.URL.Query().Get("dry_run"))
	res, err := s.stats.ImportGrowth(f.Ctx, stats.ReadGrowthImport(bytes.NewReader(f.Body)), dry)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, &res)
	return nil
}

// apiAnalytics answers GET /api/v1/stats/analytics?indicator=&period=&units=
// where units is CODE,CODE…, group:GROUP or children:CODE. Computed from the
// values stored now; the public sees official values only.
func (s *handlers) apiAnalytics(w http.ResponseWriter, r *http.Request) error {
	q, err := analyticsQuery(r.URL.Query())
	if err != nil {
		return err
	}
	a, err := s.stats.Analyze(r.Context(), q)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, a)
	return nil
}

func analyticsQuery(v url.Values) (statsdb.AnalyticsQuery, error) {
	var val congthuong.Validation
	q := statsdb.AnalyticsQuery{Indicator: strings.ToUpper(strings.TrimSpace(v.Get("indicator")))}
	if q.Indicator == "" {
		val.Add("indicator", "stats.give_indicator_s_code")
	}
	p, err := stats.ParsePeriod(v.Get("period"))
	if err != nil {
		val.AddErr("period", err)
	}
	q.Period = p
	units := strings.TrimSpace(v.Get("units"))
	switch {
	case units == "all":
		q.All = true
	case strings.HasPrefix(units, "group:"):
		q.Group = strings.TrimPrefix(units, "group:")
	case strings.HasPrefix(units, "children:"):
		q.ChildrenOf = strings.TrimPrefix(units, "children:")
	case units != "":
		q.Units = strings.Split(units, ",")
	default:
		val.Add("units", "stats.give_units_code_units_group_group_units")
	}
	return q, val.Err("common.invalid_query")
}

// apiSaveTarget answers PUT /api/v1/stats/targets: sets the target of an
// indicator for a unit and period, with the resolution that set it.
func (s *handlers) apiSaveTarget(w http.ResponseWriter, r *http.Request) error {
	var t stats.Target
	if err := web.DecodeJSON(w, r, &t); err != nil {
		return err
	}
	if err := s.stats.SaveTarget(r.Context(), t); err != nil {
		return err
	}
	t.Normalize()
	web.WriteJSON(w, http.StatusOK, t)
	return nil
}

// exportValues answers GET /api/v1/stats/values/export.{csv,xlsx}?indicator=&year=:
// a year of an indicator's values in the import's columns.
func (s *handlers) exportValues(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	var v congthuong.Validation
	code := strings.ToUpper(strings.TrimSpace(q.Get("indicator")))
	if code == "" {
		v.Add("indicator", "stats.give_indicator_s_code")
	}
	year, err := strconv.Atoi(q.Get("year"))
	if err != nil || year < stats.MinYear || year > stats.MaxYear {
		v.Add("year", "stats.year_must_year_from_1990_2100")
	}
	if err := v.Err("common.invalid_query"); err != nil {
		return err
	}
	name := strings.ToLower(code) + "-" + strconv.Itoa(year)
	each := func(emit func([]string) error) error {
		return s.stats.EachValue(r.Context(), code, year, func(sv statsdb.StoredValue) error { return emit(sv.Record()) })
	}
	var buf bytes.Buffer
	if strings.HasSuffix(r.URL.Path, ".csv") {
		if err := tabular.WriteCSV(&buf, stats.ValueColumns, each); err != nil {
			return err
		}
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		web.Attachment(w, name+".csv")
	} else {
		if err := tabular.WriteXLSX(&buf, "values", stats.ValueColumns, each); err != nil {
			return err
		}
		w.Header().Set("Content-Type", web.XLSXType)
		web.Attachment(w, name+".xlsx")
	}
	w.Write(buf.Bytes())
	return nil
}
