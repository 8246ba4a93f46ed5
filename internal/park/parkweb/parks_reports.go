package parkweb

import (
	"net/http"
	"strconv"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/park"
	"congthuong/internal/park/parkdb"
	"congthuong/internal/web"
)

// reportPeriod reads ?period=2026H2, defaulting to the half whose reports
// are due next.
func (s *handlers) reportPeriod(r *http.Request) (year, half int, err error) {
	if p := r.URL.Query().Get("period"); p != "" {
		return parkdb.ParseHalf(p)
	}
	year, half = s.currentHalf()
	return year, half, nil
}

// currentHalf is the half year of today in Vietnam.
func (s *handlers) currentHalf() (year, half int) {
	today := calendar.DateOf(s.Now())
	if today.Month <= 6 {
		return today.Year, 1
	}
	return today.Year, 2
}

func (s *handlers) apiParkReports(w http.ResponseWriter, r *http.Request) error {
	year, half, err := s.reportPeriod(r)
	if err != nil {
		return err
	}
	f, err := parkFilter(r.URL.Query())
	if err != nil {
		return err
	}
	cal, err := s.schedules.Current(r.Context())
	if err != nil {
		return err
	}
	items, counts, err := s.parks.ParkReports(r.Context(), f, year, half, cal)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, map[string]any{"period": strconv.Itoa(year) + "H" + strconv.Itoa(half), "items": items, "counts": counts})
	return nil
}

func (s *handlers) apiFileParkReport(w http.ResponseWriter, r *http.Request) error {
	var rep park.Report
	if err := web.DecodeJSON(w, r, &rep); err != nil {
		return err
	}
	if err := s.parks.FileParkReport(r.Context(), rep); err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, rep)
	return nil
}

// reportDecision is an approval or a return of a report.
type reportDecision struct {
	SiteCode string `json:"site_code"`
	TenantID int64  `json:"tenant_id"`
	Period   string `json:"period"`
	Approve  bool   `json:"approve"`
	Note     string `json:"note"`
}

func (s *handlers) apiDecideParkReport(w http.ResponseWriter, r *http.Request) error {
	var d reportDecision
	if err := web.DecodeJSON(w, r, &d); err != nil {
		return err
	}
	year, half, err := parkdb.ParseHalf(d.Period)
	if err != nil {
		return err
	}
	if err := s.parks.DecideParkReport(r.Context(), d.SiteCode, d.TenantID, year, half, d.Approve, d.Note); err != nil {
		return err
	}
	s.parksChanged()
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *handlers) apiPublishParkFigures(w http.ResponseWriter, r *http.Request) error {
	year, half, err := s.reportPeriod(r)
	if err != nil {
		return err
	}
	res, err := s.parks.PublishParkFigures(r.Context(), year, half)
	if err != nil {
		return err
	}
	s.WriteLocalJSON(w, r, http.StatusOK, &res)
	return nil
}

// parkReportsPage is a half's reports, counted by where they are, for
// staff or for an enterprise.
type parkReportsPage struct {
	Items             []parkdb.ParkReportStatus
	Counts            parkdb.ParkReportCounts
	Period            string
	Staff, Enterprise bool
}

// showParkReports is the half-yearly reports page: for staff, every
// expected report of their sites with approve and return; for an
// enterprise, its own reports with the form to file each.
func (s *handlers) showParkReports(w http.ResponseWriter, r *http.Request) error {
	a := congthuong.ActorFrom(r.Context())
	if a.Anonymous() {
		return web.ForbiddenOrLogin(a)
	}
	p := s.PrinterFor(r)
	v := &web.View{Title: p.T("reports.title"), Nav: "parks"}
	year, half, err := s.reportPeriod(r)
	status := http.StatusOK
	if err != nil {
		v.Errors, v.Error = web.FormErrors(p, err)
		status = web.ErrorStatus(err)
		year, half = s.currentHalf()
	}
	cal, err := s.schedules.Current(r.Context())
	if err != nil {
		return err
	}
	items, counts, err := s.parks.ParkReports(r.Context(), parkdb.ParkFilter{}, year, half, cal)
	if err != nil {
		return err
	}
	web.Show(s.Server, w, r, status, "park_reports", v, parkReportsPage{Items: items, Counts: counts,
		Period: strconv.Itoa(year) + "H" + strconv.Itoa(half), Staff: a.IsStaff(), Enterprise: a.Role == congthuong.RoleEnterprise})
	return nil
}

// doParkReport files, approves, returns or publishes from the reports page.
func (s *handlers) doParkReport(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	f := r.PostForm
	year, half, err := parkdb.ParseHalf(f.Get("period"))
	if err != nil {
		return err
	}
	tenant, _ := strconv.ParseInt(f.Get("tenant_id"), 10, 64)
	switch f.Get("action") {
	case "file":
		rep := park.Report{SiteCode: f.Get("site_code"), TenantID: tenant, Year: year, Half: half, Note: f.Get("note")}
		rep.Jobs, _ = strconv.Atoi(f.Get("jobs"))
		rep.CapitalVND, _ = strconv.ParseInt(f.Get("capital_vnd"), 10, 64)
		rep.RevenueVND, _ = strconv.ParseInt(f.Get("revenue_vnd"), 10, 64)
		if ha := f.Get("leased_ha"); ha != "" {
			if rep.LeasedArea, err = park.ParseHectares(ha); err != nil {
				return congthuong.FieldErrOf(congthuong.EINVALID, "leased_ha", err)
			}
		}
		err = s.parks.FileParkReport(r.Context(), rep)
	case "approve", "return":
		err = s.parks.DecideParkReport(r.Context(), f.Get("site_code"), tenant, year, half, f.Get("action") == "approve", f.Get("note"))
	case "publish":
		_, err = s.parks.PublishParkFigures(r.Context(), year, half)
	default:
		return congthuong.Errorf(congthuong.EINVALID, "park.unknown_action")
	}
	if err != nil {
		return err
	}
	s.parksChanged()
	s.Flash(w, "flash.saved")
	http.Redirect(w, r, "/parks/reports?period="+f.Get("period"), http.StatusSeeOther)
	return nil
}
