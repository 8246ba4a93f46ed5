package statsweb

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/stats"
	"congthuong/internal/stats/statsdb"
	"congthuong/internal/tabular"
	"congthuong/internal/web"
)

// apiListDataSets answers GET /api/v1/stats/datasets (public).
func (s *handlers) apiListDataSets(w http.ResponseWriter, r *http.Request) error {
	web.WriteJSON(w, http.StatusOK, map[string]any{"items": stats.DataSets()})
	return nil
}

type submissionInput struct {
	Values map[string]float64 `json:"values"`
	Source string             `json:"source"`
	Note   string             `json:"note"`
}

// apiEnterSubmission answers PUT /api/v1/stats/submissions/{data_set}/{unit}/{period}.
func (s *handlers) apiEnterSubmission(w http.ResponseWriter, r *http.Request) error {
	var in submissionInput
	if err := web.DecodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := s.stats.EnterDataSet(r.Context(), r.PathValue("data_set"), r.PathValue("unit"), r.PathValue("period"), upperKeys(in.Values), in.Source); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func upperKeys(m map[string]float64) map[string]float64 {
	out := make(map[string]float64, len(m))
	for k, v := range m {
		out[strings.ToUpper(strings.TrimSpace(k))] = v
	}
	return out
}

// apiDecideSubmission answers POST …/approve and …/return.
func (s *handlers) apiDecideSubmission(approve bool) web.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		var in submissionInput
		if r.ContentLength > 0 {
			if err := web.DecodeJSON(w, r, &in); err != nil {
				return err
			}
		}
		if err := s.stats.DecideDataSet(r.Context(), r.PathValue("data_set"), r.PathValue("unit"), r.PathValue("period"), approve, in.Note); err != nil {
			return err
		}
		w.WriteHeader(http.StatusNoContent)
		return nil
	}
}

// apiListSubmissions answers GET /api/v1/stats/submissions?data_set=&period=&province=.
func (s *handlers) apiListSubmissions(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	cal, err := s.schedules.Current(r.Context())
	if err != nil {
		return err
	}
	subs, c, err := s.stats.Submissions(r.Context(), q.Get("data_set"), q.Get("period"), q.Get("province"), cal)
	if err != nil {
		return err
	}
	if subs == nil {
		subs = []statsdb.Submission{}
	}
	s.WriteLocalJSON(w, r, http.StatusOK, map[string]any{"items": subs, "completeness": c})
	return nil
}

// showEntry is the data entry form of a data set for a unit and period.
func (s *handlers) showEntry(w http.ResponseWriter, r *http.Request) error {
	return s.renderEntry(w, r, http.StatusOK, nil)
}

func (s *handlers) renderEntry(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	a := congthuong.ActorFrom(r.Context())
	if !a.System && !a.IsStaff() {
		return web.ForbiddenOrLogin(a)
	}
	p := s.PrinterFor(r)
	q := r.URL.Query()
	if r.Method == http.MethodPost {
		q = r.PostForm
	}
	sets := dataSetsOf(a)
	ds, ok := stats.FindDataSet(q.Get("data_set"))
	if !ok {
		ds = sets[0]
	}
	unitCode := q.Get("unit")
	if unitCode == "" {
		unitCode = a.UnitCode
	}
	period := q.Get("period")
	if period == "" {
		now := calendar.DateOf(s.Now())
		period = stats.MonthOf(now.Year, int(now.Month)).String()
		if prev, ok := stats.MonthOf(now.Year, int(now.Month)).Previous(); ok {
			period = prev.String()
		}
	}
	catalog, err := s.stats.Catalog(r.Context())
	if err != nil {
		return err
	}
	var fields []entryField
	per, perErr := stats.ParsePeriod(period)
	for _, code := range ds.Indicators {
		ind, _ := catalog.Get(code)
		f := entryField{Code: code, Name: p.Name(ind.Name()), Measure: p.Name(ind.MeasureName())}
		if r.Method == http.MethodPost {
			f.Value = q.Get(code)
		} else if perErr == nil {
			vals, err := s.stats.UnitValues(r.Context(), code, per, strings.ToUpper(unitCode))
			if err != nil {
				return err
			}
			for _, v := range vals {
				f.Value = strconv.FormatFloat(v.Value, 'f', -1, 64)
			}
		}
		fields = append(fields, f)
	}
	v := &web.View{Title: p.T("entry.title"), Nav: "stats"}
	if formErr != nil {
		v.Errors, v.Error = web.FormErrors(p, formErr)
	}
	web.Show(s.Server, w, r, status, "entry", v, entryPage{DataSets: sets, DataSet: ds,
		Unit: unitCode, Period: period, Fields: fields, Source: q.Get("source")})
	return nil
}

// dataSetsOf are the data sets a's unit reports: a commune's officer is
// offered the communes' only; the department's staff, every one.
func dataSetsOf(a congthuong.Actor) []stats.DataSet {
	all := stats.DataSets()
	if a.Role != congthuong.RoleCommune {
		return all
	}
	var out []stats.DataSet
	for _, d := range all {
		if d.Level == "commune" {
			out = append(out, d)
		}
	}
	if len(out) == 0 {
		return all
	}
	return out
}

// entryPage is a data set's entry form for a unit and period.
type entryPage struct {
	DataSets             []stats.DataSet
	DataSet              stats.DataSet
	Unit, Period, Source string
	Fields               []entryField
}

// entryField is one figure of the form, as stored or as typed.
type entryField struct {
	Code, Name, Measure, Value string
}

// submissionsPage is who reported a data set for a period, and how
// complete the reports are.
type submissionsPage struct {
	DataSets         []stats.DataSet
	DataSet          stats.DataSet
	Period, Province string
	Items            []statsdb.Submission
	C                statsdb.Completeness
}

// doEntry saves the entry form.
func (s *handlers) doEntry(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	f := r.PostForm
	ds, _ := stats.FindDataSet(f.Get("data_set"))
	values := map[string]float64{}
	var v congthuong.Validation
	for _, code := range ds.Indicators {
		if raw := strings.TrimSpace(f.Get(code)); raw != "" {
			x, ok := stats.ParseNumber(raw)
			if !ok {
				v.Add(code, "stats.value_not_number", raw)
				continue
			}
			values[code] = x
		}
	}
	err := v.Err("stats.report_has_invalid_figures")
	if err == nil {
		err = s.stats.EnterDataSet(r.Context(), f.Get("data_set"), f.Get("unit"), f.Get("period"), values, f.Get("source"))
	}
	if err != nil {
		if congthuong.ErrorCode(err) == congthuong.EINTERNAL || congthuong.ErrorCode(err) == congthuong.EUNAUTHORIZED {
			return err
		}
		return s.renderEntry(w, r, web.ErrorStatus(err), err)
	}
	s.Flash(w, "flash.saved")
	http.Redirect(w, r, "/stats/submissions?data_set="+ds.Code+"&period="+f.Get("period"), http.StatusSeeOther)
	return nil
}

// showSubmissions lists who reported a data set for a period, with the
// department's approve and return buttons.
func (s *handlers) showSubmissions(w http.ResponseWriter, r *http.Request) error {
	a := congthuong.ActorFrom(r.Context())
	if !a.System && !a.IsStaff() {
		return web.ForbiddenOrLogin(a)
	}
	p := s.PrinterFor(r)
	q := r.URL.Query()
	ds, ok := stats.FindDataSet(q.Get("data_set"))
	if !ok {
		ds = stats.DataSets()[0]
	}
	period := q.Get("period")
	if period == "" {
		now := calendar.DateOf(s.Now())
		prev, _ := stats.MonthOf(now.Year, int(now.Month)).Previous()
		period = prev.String()
	}
	province := q.Get("province")
	if province == "" && a.ProvinceCode != congthuong.CountryCode {
		province = a.ProvinceCode
	}
	v := &web.View{Title: p.T("submissions.title"), Nav: "stats"}
	cal, err := s.schedules.Current(r.Context())
	if err != nil {
		return err
	}
	subs, c, err := s.stats.Submissions(r.Context(), ds.Code, period, province, cal)
	status := http.StatusOK
	if err != nil {
		if congthuong.ErrorCode(err) == congthuong.EINTERNAL {
			return err
		}
		v.Errors, v.Error = web.FormErrors(p, err)
		status = web.ErrorStatus(err)
	}
	web.Show(s.Server, w, r, status, "submissions", v, submissionsPage{DataSets: stats.DataSets(), DataSet: ds,
		Period: period, Province: province, Items: subs, C: c})
	return nil
}

// doDecide approves or returns a report from the submissions page.
func (s *handlers) doDecide(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	f := r.PostForm
	approve := f.Get("decision") == "approve"
	if err := s.stats.DecideDataSet(r.Context(), f.Get("data_set"), f.Get("unit"), f.Get("period"), approve, f.Get("note")); err != nil {
		return err
	}
	s.Flash(w, "flash.saved")
	http.Redirect(w, r, "/stats/submissions?data_set="+f.Get("data_set")+"&period="+f.Get("period"), http.StatusSeeOther)
	return nil
}

// dataSetTemplate answers GET /api/v1/stats/datasets/{code}/template.xlsx?unit=&period=:
// a workbook in the value import's columns with a row per indicator of the
// data set and per unit (the unit itself, or for a commune data set and a
// province, each of its communes), values left to fill in.
func (s *handlers) dataSetTemplate(w http.ResponseWriter, r *http.Request) error {
	ds, ok := stats.FindDataSet(r.PathValue("code"))
	if !ok {
		return congthuong.Errorf(congthuong.ENOTFOUND, "stats.no_data_set", r.PathValue("code"))
	}
	q := r.URL.Query()
	var v congthuong.Validation
	p, err := stats.ParsePeriod(q.Get("period"))
	if err != nil {
		v.AddErr("period", err)
	} else if !ds.Fits(p) {
		v.Add("period", "stats.reported_each", ds.Name(), ds.Every())
	}
	unitCode := strings.ToUpper(strings.TrimSpace(q.Get("unit")))
	if unitCode == "" {
		v.Add("unit", "stats.give_unit_s_code")
	}
	if err := v.Err("stats.invalid_template_request"); err != nil {
		return err
	}
	units := []string{unitCode}
	if ds.Level == "commune" && len(unitCode) == 2 { // a province: its communes
		a, err := s.stats.Analyze(r.Context(), statsdb.AnalyticsQuery{Indicator: ds.Indicators[0], Period: p, ChildrenOf: unitCode})
		if err != nil {
			return err
		}
		units = units[:0]
		for _, f := range a.Units {
			units = append(units, f.Unit)
		}
	}
	var buf bytes.Buffer
	err = tabular.WriteXLSX(&buf, "values", stats.ValueColumns, func(emit func([]string) error) error {
		for _, u := range units {
			for _, code := range ds.Indicators {
				if err := emit([]string{code, u, p.String(), "", string(stats.Preliminary), ""}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	web.Attachment(w, ds.Code+"-"+unitCode+"-"+p.String()+".xlsx")
	w.Write(buf.Bytes())
	return nil
}
