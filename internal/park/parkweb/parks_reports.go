package parkweb

import (
	"congthuong/internal/unit"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

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
	items, counts, err := s.halfReports(r, f, year, half)
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
	Status, Q         string
	Statuses          []string
	Pager             web.Pager
	Staff, Enterprise bool
}

// reportStatuses are a report's statuses, in the order of its life.
var reportStatuses = []string{"missing", "returned", "entered", "approved"}

// reportsPerPage is how many reports the task list shows at once.
const reportsPerPage = 50

// showParkReports is the half-yearly reports as a task list: the counts
// by status, each a filter, and one line per report that opens its own
// page; staff approve a selection of filed reports at once. An enterprise
// sees its own reports.
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
	items, counts, err := s.halfReports(r, parkdb.ParkFilter{}, year, half)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	d := parkReportsPage{Counts: counts, Period: strconv.Itoa(year) + "H" + strconv.Itoa(half), Statuses: reportStatuses,
		Staff: a.IsStaff(), Enterprise: a.Role == congthuong.RoleEnterprise, Q: strings.TrimSpace(q.Get("q"))}
	if st := q.Get("status"); slices.Contains(reportStatuses, st) || st == "late" {
		d.Status = st
	}
	words := strings.Fields(unit.Fold(d.Q))
	var kept []parkdb.ParkReportStatus
	for _, it := range items {
		if d.Status == "late" && !it.Late || d.Status != "" && d.Status != "late" && it.Status != d.Status {
			continue
		}
		text := unit.Fold(it.SiteName + " " + it.SiteCode + " " + it.Enterprise + " " + it.TaxCode + " " + it.Project)
		if !slices.ContainsFunc(words, func(w string) bool { return !strings.Contains(text, w) }) {
			kept = append(kept, it)
		}
	}
	page, err := web.ListPage(q)
	if err != nil {
		return err
	}
	page.Limit = reportsPerPage
	d.Pager = web.NewPager(len(kept), page)
	d.Items = kept[min(page.Offset, len(kept)):min(page.Offset+reportsPerPage, len(kept))]
	web.Show(s.Server, w, r, status, "park_reports", v, d)
	return nil
}

// parkReportPage is one report: who files it, where it stands, and the
// forms the reader may use on it.
type parkReportPage struct {
	R                 parkdb.ParkReportStatus
	Period            string
	Staff, Enterprise bool
}

// showParkReport opens one report of a half from the task list.
func (s *handlers) showParkReport(w http.ResponseWriter, r *http.Request) error {
	a := congthuong.ActorFrom(r.Context())
	if a.Anonymous() {
		return web.ForbiddenOrLogin(a)
	}
	year, half, err := s.reportPeriod(r)
	if err != nil {
		return err
	}
	// Only the site's reports: a half of every site is a long read for one.
	items, _, err := s.halfReports(r, parkdb.ParkFilter{Q: r.PathValue("site")}, year, half)
	if err != nil {
		return err
	}
	tenant, _ := strconv.ParseInt(r.PathValue("tenant"), 10, 64)
	i := slices.IndexFunc(items, func(it parkdb.ParkReportStatus) bool {
		return it.SiteCode == r.PathValue("site") && it.TenantID == tenant
	})
	if i < 0 {
		return congthuong.Errorf(congthuong.ENOTFOUND, "reports.no_report")
	}
	it := items[i]
	title := it.Enterprise
	if it.Project != "" {
		title += " — " + it.Project
	}
	web.Show(s.Server, w, r, http.StatusOK, "park_report", &web.View{Title: title, Nav: "parks"},
		parkReportPage{R: it, Period: strconv.Itoa(year) + "H" + strconv.Itoa(half), Staff: a.IsStaff(),
			Enterprise: a.Role == congthuong.RoleEnterprise})
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
	case "approve_selected":
		// Every selected report must await a decision, or none is decided;
		// then each is decided as it would be one by one.
		if err := s.checkSelection(r, f["item"], year, half); err != nil {
			return err
		}
		for _, item := range f["item"] {
			code, id, _ := strings.Cut(item, "/")
			t, _ := strconv.ParseInt(id, 10, 64)
			if err = s.parks.DecideParkReport(r.Context(), code, t, year, half, true, ""); err != nil {
				break
			}
		}
	case "publish":
		_, err = s.parks.PublishParkFigures(r.Context(), year, half)
	default:
		return congthuong.Errorf(congthuong.EINVALID, "park.unknown_action")
	}
	if err != nil {
		return err
	}
	s.Flash(w, "flash.saved")
	back := "/parks/reports?period=" + url.QueryEscape(f.Get("period"))
	if f.Get("from") == "report" {
		back = "/parks/reports/" + url.PathEscape(f.Get("site_code")) + "/" + strconv.FormatInt(tenant, 10) + "?period=" + url.QueryEscape(f.Get("period"))
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
	return nil
}

// checkSelection refuses a selection of reports unless each was chosen and
// awaits a decision, naming the first that does not.
func (s *handlers) checkSelection(r *http.Request, selected []string, year, half int) error {
	if len(selected) == 0 {
		return congthuong.Errorf(congthuong.EINVALID, "reports.none_selected")
	}
	items, _, err := s.halfReports(r, parkdb.ParkFilter{}, year, half)
	if err != nil {
		return err
	}
	for _, item := range selected {
		if !slices.ContainsFunc(items, func(it parkdb.ParkReportStatus) bool {
			return it.SiteCode+"/"+strconv.FormatInt(it.TenantID, 10) == item && it.Status == "entered"
		}) {
			return congthuong.Errorf(congthuong.ECONFLICT, "reports.selection_changed", item)
		}
	}
	return nil
}

// halfReports reads the reports of a half the reader may see, with their
// counts, their deadlines on the working-day calendar.
func (s *handlers) halfReports(r *http.Request, f parkdb.ParkFilter, year, half int) ([]parkdb.ParkReportStatus, parkdb.ParkReportCounts, error) {
	cal, err := s.schedules.Current(r.Context())
	if err != nil {
		return nil, parkdb.ParkReportCounts{}, err
	}
	return s.parks.ParkReports(r.Context(), f, year, half, cal)
}
