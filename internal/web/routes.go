package web

import (
	"fmt"
	"net/http"
	"strings"

	"congthuong"
)

// handlerFunc is a handler that returns its error for the adapter to show.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// API adapts h for the JSON API: errors become the JSON error shape.
func (s *Server) API(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.writeAPIError(w, r, err)
		}
	}
}

// Page adapts h for HTML pages: errors become error pages.
func (s *Server) Page(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.RenderError(w, r, err)
		}
	}
}

// APIRoutes lists the JSON API of every module, so that a test can check
// each route against the OpenAPI document.
func (s *Server) APIRoutes() []Route {
	var out []Route
	for _, m := range s.modules {
		out = append(out, m.API...)
	}
	return out
}

// coreAPI is the core's part of the JSON API.
func (s *Server) coreAPI() []Route {
	return []Route{
		{"GET", "/api/v1/units", s.API(s.apiListUnits)},
		{"GET", "/api/v1/units/{code}", s.API(s.apiGetUnit)},
		{"GET", "/api/v1/unit-groups", s.API(s.apiListGroups)},
		{"GET", "/api/v1/procedures", s.API(s.apiListProcedures)},
		{"GET", "/api/v1/dossiers", s.API(s.apiListDossiers)},
		{"POST", "/api/v1/dossiers", s.API(s.apiSubmitDossier)},
		{"GET", "/api/v1/dossiers/{code}", s.API(s.apiGetDossier)},
		{"POST", "/api/v1/dossiers/{code}/events", s.API(s.apiStepDossier)},
		{"GET", "/api/v1/tracking/{code}", s.API(s.apiTrackDossier)},
		{"POST", "/api/v1/dossiers/{code}/apology", s.API(s.apiApologize)},
		{"GET", "/api/v1/results", s.API(s.apiVerifyResult)},
		{"GET", "/api/v1/dossiers/{code}/files/{id}", s.API(s.apiDossierFile)},
		{"GET", "/api/v1/scorecards", s.API(s.apiScorecard)},
		{"GET", "/api/v1/scorecards/export.xlsx", s.API(s.exportScorecard)},
		{"GET", "/api/v1/procedures/{code}", s.API(s.apiGetProcedure)},
		{"PUT", "/api/v1/procedures/{code}", s.API(s.apiSaveProcedure)},
		{"GET", "/api/v1/procedures/{code}/templates", s.API(s.apiProcedureTemplates)},
		{"POST", "/api/v1/procedures/{code}/templates", s.API(s.apiAddProcedureTemplate)},
		{"GET", "/api/v1/procedures/{code}/templates/{name}", s.API(s.apiProcedureTemplate)},
		{"PUT", "/api/v1/agencies/{unit}", s.API(s.apiSetAgency)},
		{"GET", "/api/v1/parks", s.API(s.apiListParks)},
		{"POST", "/api/v1/parks", s.API(s.apiCreatePark)},
		{"GET", "/api/v1/parks.geojson", s.API(s.apiParksGeoJSON)},
		{"GET", "/api/v1/parks/summary", s.API(s.apiParkSummary)},
		{"POST", "/api/v1/parks/import", s.API(s.apiImportParks)},
		{"GET", "/api/v1/parks/reports", s.API(s.apiParkReports)},
		{"POST", "/api/v1/parks/reports", s.API(s.apiFileParkReport)},
		{"POST", "/api/v1/parks/reports/decide", s.API(s.apiDecideParkReport)},
		{"POST", "/api/v1/parks/reports/publish", s.API(s.apiPublishParkFigures)},
		{"GET", "/api/v1/parks/export.xlsx", s.API(s.exportParks)},
		{"POST", "/api/v1/tenants/import", s.API(s.apiImportTenants)},
		{"GET", "/api/v1/tenants/export.xlsx", s.API(s.exportTenants)},
		{"GET", "/api/v1/parks/{code}", s.API(s.apiGetPark)},
		{"PUT", "/api/v1/parks/{code}", s.API(s.apiUpdatePark)},
		{"GET", "/api/v1/parks/{code}/history", s.API(s.apiParkHistory)},
		{"GET", "/api/v1/parks/{code}/files", s.API(s.apiParkFiles)},
		{"POST", "/api/v1/parks/{code}/files", s.API(s.apiAddParkFile)},
		{"GET", "/api/v1/parks/{code}/files/{id}", s.API(s.apiParkFile)},
		{"DELETE", "/api/v1/parks/{code}/files/{id}", s.API(s.apiDeleteParkFile)},
		{"GET", "/api/v1/parks/{code}/tenants", s.API(s.apiParkTenants)},
		{"POST", "/api/v1/parks/{code}/tenants", s.API(s.apiSaveTenant)},
		{"PUT", "/api/v1/parks/{code}/tenants/{id}", s.API(s.apiSaveTenant)},
		{"DELETE", "/api/v1/parks/{code}/tenants/{id}", s.API(s.apiDeleteTenant)},
		{"GET", "/api/v1/enterprises", s.API(s.apiListEnterprises)},
		{"POST", "/api/v1/enterprises", s.API(s.apiCreateEnterprise)},
		{"GET", "/api/v1/enterprises/{tax_code}", s.API(s.apiGetEnterprise)},
		{"PUT", "/api/v1/enterprises/{tax_code}", s.API(s.apiUpdateEnterprise)},
		{"DELETE", "/api/v1/enterprises/{tax_code}", s.API(s.apiDeleteEnterprise)},
		{"POST", "/api/v1/enterprises/import", s.API(s.apiImportEnterprises)},
		{"GET", "/api/v1/enterprises/export.xlsx", s.API(s.exportEnterprises)},
		{"GET", "/api/v1/calendar/days", s.API(s.apiCalendarDays)},
		{"GET", "/api/v1/calendar/deadline", s.API(s.apiCalendarDeadline)},
		{"GET", "/api/v1/calendar/overrides", s.API(s.apiCalendarOverrides)},
		{"GET", "/api/v1/stats/indicators", s.API(s.apiListIndicators)},
		{"PUT", "/api/v1/stats/indicators/{code}", s.API(s.apiSaveIndicator)},
		{"GET", "/api/v1/stats/values", s.API(s.apiListValues)},
		{"POST", "/api/v1/stats/values/import", s.API(s.apiImportValues)},
		{"GET", "/api/v1/stats/values/export.csv", s.API(s.exportValues)},
		{"GET", "/api/v1/stats/values/export.xlsx", s.API(s.exportValues)},
		{"GET", "/api/v1/stats/analytics", s.API(s.apiAnalytics)},
		{"PUT", "/api/v1/stats/targets", s.API(s.apiSaveTarget)},
		{"GET", "/api/v1/stats/report", s.API(s.apiReport)},
		{"GET", "/api/v1/stats/datasets", s.API(s.apiListDataSets)},
		{"GET", "/api/v1/stats/datasets/{code}/template.xlsx", s.API(s.dataSetTemplate)},
		{"GET", "/api/v1/stats/submissions", s.API(s.apiListSubmissions)},
		{"PUT", "/api/v1/stats/submissions/{data_set}/{unit}/{period}", s.API(s.apiEnterSubmission)},
		{"POST", "/api/v1/stats/submissions/{data_set}/{unit}/{period}/approve", s.API(s.apiDecideSubmission(true))},
		{"POST", "/api/v1/stats/submissions/{data_set}/{unit}/{period}/return", s.API(s.apiDecideSubmission(false))},
		{"GET", "/api/v1/me", s.API(s.apiMe)},
		{"GET", "/api/v1/users", s.API(s.apiListUsers)},
		{"POST", "/api/v1/users", s.API(s.apiCreateUser)},
		{"GET", "/api/v1/audit", s.API(s.apiListAudit)},
		{"GET", "/api/v1/openapi.json", s.serveOpenAPI},
	}
}

// corePages are the core's pages.
func (s *Server) corePages() []Route {
	return []Route{
		{"GET", "/{$}", s.Page(s.showHome)},
		{"GET", "/prefs", s.handlePrefs},
		{"GET", "/login", s.Page(s.showLogin)},
		{"POST", "/login", s.Page(s.doLogin)},
		{"POST", "/logout", s.Page(s.doLogout)},
		{"GET", "/account/password", s.Page(s.showPassword)},
		{"POST", "/account/password", s.Page(s.doPassword)},
		{"GET", "/account/tokens", s.Page(s.showTokens)},
		{"POST", "/account/tokens", s.Page(s.doCreateToken)},
		{"POST", "/account/tokens/{id}/delete", s.Page(s.doDeleteToken)},
		{"GET", "/stats", s.Page(s.showStats)},
		{"GET", "/stats/report", s.Page(s.showReport)},
		{"GET", "/stats/dashboard", s.Page(s.showDashboard)},
		{"GET", "/stats/units/{code}", s.Page(s.showUnitCard)},
		{"GET", "/stats/report.xlsx", s.Page(s.exportReport)},
		{"GET", "/stats/entry", s.Page(s.showEntry)},
		{"POST", "/stats/entry", s.Page(s.doEntry)},
		{"GET", "/stats/submissions", s.Page(s.showSubmissions)},
		{"POST", "/stats/submissions/decide", s.Page(s.doDecide)},
		{"GET", "/calendar", s.Page(s.showCalendar)},
		{"GET", "/calendar/deadline", s.Page(s.showDeadline)},
		{"GET", "/admin/calendar", s.Page(s.showCalendarAdmin)},
		{"POST", "/admin/calendar", s.Page(s.doSaveOverride)},
		{"POST", "/admin/calendar/delete", s.Page(s.doDeleteOverride)},
		{"GET", "/units", s.Page(s.showUnits)},
		{"GET", "/units/{code}", s.Page(s.showUnit)},
		{"GET", "/procedures", s.Page(s.showProcedures)},
		{"GET", "/procedures/{code}", s.Page(s.showProcedure)},
		{"POST", "/procedures/{code}/file", s.Page(s.doFileDossier)},
		{"GET", "/dossiers", s.Page(s.showDossiers)},
		{"GET", "/dossiers/{code}", s.Page(s.showDossier)},
		{"POST", "/dossiers/{code}", s.Page(s.doStepDossier)},
		{"GET", "/tracking", s.Page(s.showTracking)},
		{"GET", "/verify", s.Page(s.showVerify)},
		{"GET", "/admin/outbox", s.Page(s.showOutbox)},
		{"GET", "/dossiers/{code}/forms/{form}", s.Page(s.showDossierForm)},
		{"POST", "/dossiers/{code}/apology", s.Page(s.doApologize)},
		{"GET", "/parks", s.Page(s.showParks)},
		{"POST", "/parks", s.Page(s.doCreatePark)},
		{"GET", "/parks/new", s.Page(s.showNewPark)},
		{"GET", "/parks/compare", s.Page(s.showParkCompare)},
		{"GET", "/parks/summary", s.Page(s.showParkSummary)},
		{"GET", "/parks/import", s.Page(s.showParksImport)},
		{"GET", "/parks/reports", s.Page(s.showParkReports)},
		{"POST", "/parks/reports", s.Page(s.doParkReport)},
		{"POST", "/parks/import", s.Page(s.doImportParks)},
		{"GET", "/parks/{code}", s.Page(s.showPark)},
		{"GET", "/parks/{code}/edit", s.Page(s.showEditPark)},
		{"POST", "/parks/{code}", s.Page(s.doUpdatePark)},
		{"POST", "/parks/{code}/files", s.Page(s.doAddParkFile)},
		{"GET", "/enterprises", s.Page(s.showEnterprises)},
		{"GET", "/enterprises/new", s.Page(s.showNewEnterprise)},
		{"POST", "/enterprises", s.Page(s.doCreateEnterprise)},
		{"GET", "/enterprises/import", s.Page(s.showImportEnterprises)},
		{"POST", "/enterprises/import", s.Page(s.doImportEnterprises)},
		{"GET", "/enterprises/export.xlsx", s.Page(s.exportEnterprises)},
		{"GET", "/enterprises/{tax_code}", s.Page(s.showEnterprise)},
		{"GET", "/enterprises/{tax_code}/edit", s.Page(s.showEditEnterprise)},
		{"POST", "/enterprises/{tax_code}", s.Page(s.doUpdateEnterprise)},
		{"POST", "/enterprises/{tax_code}/delete", s.Page(s.doDeleteEnterprise)},
		{"GET", "/admin/users", s.Page(s.showUsers)},
		{"GET", "/admin/users/new", s.Page(s.showNewUser)},
		{"POST", "/admin/users", s.Page(s.doCreateUser)},
		{"GET", "/admin/users/{id}", s.Page(s.showEditUser)},
		{"POST", "/admin/users/{id}", s.Page(s.doUpdateUser)},
		{"POST", "/admin/users/{id}/password", s.Page(s.doResetPassword)},
		{"GET", "/admin/audit", s.Page(s.showAudit)},
		{"GET", "/healthz", s.healthz},
		{"GET", "/readyz", s.readyz},
		{"GET", "/metrics", s.serveMetrics},
		{"GET", "/static/", s.assets.ServeHTTP},
	}
}

func (s *Server) routes() (http.Handler, error) {
	mux := http.NewServeMux()
	login, err := loginRequired(s.openapi)
	if err != nil {
		return nil, err
	}
	for _, m := range s.modules {
		for _, rt := range m.API {
			h := rt.Handler
			if login[rt.Method+" "+rt.Pattern] {
				h = s.requireLoginAPI(h)
			}
			if err := handle(mux, rt.Method+" "+rt.Pattern, named(h)); err != nil {
				return nil, fmt.Errorf("web: module %s: %w", m.Name, err)
			}
		}
		for _, rt := range m.Pages {
			if err := handle(mux, rt.Method+" "+rt.Pattern, named(rt.Handler)); err != nil {
				return nil, fmt.Errorf("web: module %s: %w", m.Name, err)
			}
		}
	}
	mux.HandleFunc("/api/", s.API(func(w http.ResponseWriter, r *http.Request) error {
		if allow := allowedMethods(mux, r); len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			return congthuong.Errorf(congthuong.EMETHOD, "%s is not allowed here; allowed: %s", r.Method, strings.Join(allow, ", "))
		}
		return errNoRoute
	}))
	mux.HandleFunc("/", s.Page(func(w http.ResponseWriter, r *http.Request) error {
		return errNoRoute
	}))
	// Cross-origin state-changing requests are refused (CSRF); requests
	// without browser fetch metadata, such as API clients with a bearer
	// token, pass.
	csrf := http.NewCrossOriginProtection()
	var h http.Handler = mux
	h = s.limitQuery(h)
	h = forcePasswordChange(h)
	h = csrf.Handler(h)
	h = s.authenticate(h)
	h = securityHeaders(h, s.opts.MapTiles, s.opts.SecureCookies)
	return s.observe(h), nil
}

// allowedMethods lists the methods a path of the API answers to, for a
// request whose method it does not (405 rather than 404).
func allowedMethods(mux *http.ServeMux, r *http.Request) []string {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := mux.Handler(probe); pattern != "" && pattern != "/api/" {
			allow = append(allow, m)
		}
	}
	return allow
}

// handle registers h, turning the mux's panic at a pattern another module
// registered into an error.
func handle(mux *http.ServeMux, pattern string, h http.HandlerFunc) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	mux.HandleFunc(pattern, h)
	return nil
}
