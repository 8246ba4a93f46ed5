package web

import (
	"net/http"
	"strings"

	"congthuong"
)

// route is one method and path pattern. The API routes are listed as data
// so that a test can check each against the OpenAPI document.
type route struct {
	Method  string
	Pattern string
	handler http.HandlerFunc
}

// handlerFunc is a handler that returns its error for the adapter to show.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// api adapts h for the JSON API: errors become the JSON error shape.
func (s *Server) api(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.writeAPIError(w, r, err)
		}
	}
}

// page adapts h for HTML pages: errors become error pages.
func (s *Server) page(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.renderError(w, r, err)
		}
	}
}

// APIRoutes lists the JSON API.
func (s *Server) APIRoutes() []route {
	return []route{
		{"GET", "/api/v1/units", s.api(s.apiListUnits)},
		{"GET", "/api/v1/units/{code}", s.api(s.apiGetUnit)},
		{"GET", "/api/v1/unit-groups", s.api(s.apiListGroups)},
		{"GET", "/api/v1/procedures", s.api(s.apiListProcedures)},
		{"GET", "/api/v1/dossiers", s.api(s.apiListDossiers)},
		{"POST", "/api/v1/dossiers", s.api(s.apiSubmitDossier)},
		{"GET", "/api/v1/dossiers/{code}", s.api(s.apiGetDossier)},
		{"POST", "/api/v1/dossiers/{code}/events", s.api(s.apiStepDossier)},
		{"GET", "/api/v1/tracking/{code}", s.api(s.apiTrackDossier)},
		{"POST", "/api/v1/dossiers/{code}/apology", s.api(s.apiApologize)},
		{"GET", "/api/v1/results", s.api(s.apiVerifyResult)},
		{"GET", "/api/v1/dossiers/{code}/files/{id}", s.api(s.apiDossierFile)},
		{"GET", "/api/v1/scorecards", s.api(s.apiScorecard)},
		{"GET", "/api/v1/scorecards/export.xlsx", s.api(s.exportScorecard)},
		{"GET", "/api/v1/procedures/{code}", s.api(s.apiGetProcedure)},
		{"PUT", "/api/v1/procedures/{code}", s.api(s.apiSaveProcedure)},
		{"GET", "/api/v1/procedures/{code}/templates", s.api(s.apiProcedureTemplates)},
		{"POST", "/api/v1/procedures/{code}/templates", s.api(s.apiAddProcedureTemplate)},
		{"GET", "/api/v1/procedures/{code}/templates/{name}", s.api(s.apiProcedureTemplate)},
		{"PUT", "/api/v1/agencies/{unit}", s.api(s.apiSetAgency)},
		{"GET", "/api/v1/parks", s.api(s.apiListParks)},
		{"POST", "/api/v1/parks", s.api(s.apiCreatePark)},
		{"GET", "/api/v1/parks.geojson", s.api(s.apiParksGeoJSON)},
		{"GET", "/api/v1/parks/summary", s.api(s.apiParkSummary)},
		{"POST", "/api/v1/parks/import", s.api(s.apiImportParks)},
		{"GET", "/api/v1/parks/reports", s.api(s.apiParkReports)},
		{"POST", "/api/v1/parks/reports", s.api(s.apiFileParkReport)},
		{"POST", "/api/v1/parks/reports/decide", s.api(s.apiDecideParkReport)},
		{"POST", "/api/v1/parks/reports/publish", s.api(s.apiPublishParkFigures)},
		{"GET", "/api/v1/parks/export.xlsx", s.api(s.exportParks)},
		{"POST", "/api/v1/tenants/import", s.api(s.apiImportTenants)},
		{"GET", "/api/v1/tenants/export.xlsx", s.api(s.exportTenants)},
		{"GET", "/api/v1/parks/{code}", s.api(s.apiGetPark)},
		{"PUT", "/api/v1/parks/{code}", s.api(s.apiUpdatePark)},
		{"GET", "/api/v1/parks/{code}/history", s.api(s.apiParkHistory)},
		{"GET", "/api/v1/parks/{code}/files", s.api(s.apiParkFiles)},
		{"POST", "/api/v1/parks/{code}/files", s.api(s.apiAddParkFile)},
		{"GET", "/api/v1/parks/{code}/files/{id}", s.api(s.apiParkFile)},
		{"DELETE", "/api/v1/parks/{code}/files/{id}", s.api(s.apiDeleteParkFile)},
		{"GET", "/api/v1/parks/{code}/tenants", s.api(s.apiParkTenants)},
		{"POST", "/api/v1/parks/{code}/tenants", s.api(s.apiSaveTenant)},
		{"PUT", "/api/v1/parks/{code}/tenants/{id}", s.api(s.apiSaveTenant)},
		{"DELETE", "/api/v1/parks/{code}/tenants/{id}", s.api(s.apiDeleteTenant)},
		{"GET", "/api/v1/enterprises", s.api(s.apiListEnterprises)},
		{"POST", "/api/v1/enterprises", s.api(s.apiCreateEnterprise)},
		{"GET", "/api/v1/enterprises/{tax_code}", s.api(s.apiGetEnterprise)},
		{"PUT", "/api/v1/enterprises/{tax_code}", s.api(s.apiUpdateEnterprise)},
		{"DELETE", "/api/v1/enterprises/{tax_code}", s.api(s.apiDeleteEnterprise)},
		{"POST", "/api/v1/enterprises/import", s.api(s.apiImportEnterprises)},
		{"GET", "/api/v1/enterprises/export.xlsx", s.api(s.exportEnterprises)},
		{"GET", "/api/v1/calendar/days", s.api(s.apiCalendarDays)},
		{"GET", "/api/v1/calendar/deadline", s.api(s.apiCalendarDeadline)},
		{"GET", "/api/v1/calendar/overrides", s.api(s.apiCalendarOverrides)},
		{"GET", "/api/v1/stats/indicators", s.api(s.apiListIndicators)},
		{"PUT", "/api/v1/stats/indicators/{code}", s.api(s.apiSaveIndicator)},
		{"GET", "/api/v1/stats/values", s.api(s.apiListValues)},
		{"POST", "/api/v1/stats/values/import", s.api(s.apiImportValues)},
		{"GET", "/api/v1/stats/values/export.csv", s.api(s.exportValues)},
		{"GET", "/api/v1/stats/values/export.xlsx", s.api(s.exportValues)},
		{"GET", "/api/v1/stats/analytics", s.api(s.apiAnalytics)},
		{"PUT", "/api/v1/stats/targets", s.api(s.apiSaveTarget)},
		{"GET", "/api/v1/stats/report", s.api(s.apiReport)},
		{"GET", "/api/v1/stats/datasets", s.api(s.apiListDataSets)},
		{"GET", "/api/v1/stats/datasets/{code}/template.xlsx", s.api(s.dataSetTemplate)},
		{"GET", "/api/v1/stats/submissions", s.api(s.apiListSubmissions)},
		{"PUT", "/api/v1/stats/submissions/{data_set}/{unit}/{period}", s.api(s.apiEnterSubmission)},
		{"POST", "/api/v1/stats/submissions/{data_set}/{unit}/{period}/approve", s.api(s.apiDecideSubmission(true))},
		{"POST", "/api/v1/stats/submissions/{data_set}/{unit}/{period}/return", s.api(s.apiDecideSubmission(false))},
		{"GET", "/api/v1/me", s.api(s.apiMe)},
		{"GET", "/api/v1/users", s.api(s.apiListUsers)},
		{"POST", "/api/v1/users", s.api(s.apiCreateUser)},
		{"GET", "/api/v1/audit", s.api(s.apiListAudit)},
		{"GET", "/api/v1/openapi.json", s.serveOpenAPI},
	}
}

func (s *Server) pageRoutes() []route {
	return []route{
		{"GET", "/{$}", s.page(s.showHome)},
		{"GET", "/prefs", s.handlePrefs},
		{"GET", "/login", s.page(s.showLogin)},
		{"POST", "/login", s.page(s.doLogin)},
		{"POST", "/logout", s.page(s.doLogout)},
		{"GET", "/account/password", s.page(s.showPassword)},
		{"POST", "/account/password", s.page(s.doPassword)},
		{"GET", "/account/tokens", s.page(s.showTokens)},
		{"POST", "/account/tokens", s.page(s.doCreateToken)},
		{"POST", "/account/tokens/{id}/delete", s.page(s.doDeleteToken)},
		{"GET", "/stats", s.page(s.showStats)},
		{"GET", "/stats/report", s.page(s.showReport)},
		{"GET", "/stats/dashboard", s.page(s.showDashboard)},
		{"GET", "/stats/units/{code}", s.page(s.showUnitCard)},
		{"GET", "/stats/report.xlsx", s.page(s.exportReport)},
		{"GET", "/stats/entry", s.page(s.showEntry)},
		{"POST", "/stats/entry", s.page(s.doEntry)},
		{"GET", "/stats/submissions", s.page(s.showSubmissions)},
		{"POST", "/stats/submissions/decide", s.page(s.doDecide)},
		{"GET", "/calendar", s.page(s.showCalendar)},
		{"GET", "/calendar/deadline", s.page(s.showDeadline)},
		{"GET", "/admin/calendar", s.page(s.showCalendarAdmin)},
		{"POST", "/admin/calendar", s.page(s.doSaveOverride)},
		{"POST", "/admin/calendar/delete", s.page(s.doDeleteOverride)},
		{"GET", "/units", s.page(s.showUnits)},
		{"GET", "/units/{code}", s.page(s.showUnit)},
		{"GET", "/procedures", s.page(s.showProcedures)},
		{"GET", "/procedures/{code}", s.page(s.showProcedure)},
		{"POST", "/procedures/{code}/file", s.page(s.doFileDossier)},
		{"GET", "/dossiers", s.page(s.showDossiers)},
		{"GET", "/dossiers/{code}", s.page(s.showDossier)},
		{"POST", "/dossiers/{code}", s.page(s.doStepDossier)},
		{"GET", "/tracking", s.page(s.showTracking)},
		{"GET", "/verify", s.page(s.showVerify)},
		{"GET", "/admin/outbox", s.page(s.showOutbox)},
		{"GET", "/dossiers/{code}/forms/{form}", s.page(s.showDossierForm)},
		{"POST", "/dossiers/{code}/apology", s.page(s.doApologize)},
		{"GET", "/parks", s.page(s.showParks)},
		{"POST", "/parks", s.page(s.doCreatePark)},
		{"GET", "/parks/new", s.page(s.showNewPark)},
		{"GET", "/parks/compare", s.page(s.showParkCompare)},
		{"GET", "/parks/summary", s.page(s.showParkSummary)},
		{"GET", "/parks/import", s.page(s.showParksImport)},
		{"GET", "/parks/reports", s.page(s.showParkReports)},
		{"POST", "/parks/reports", s.page(s.doParkReport)},
		{"POST", "/parks/import", s.page(s.doImportParks)},
		{"GET", "/parks/{code}", s.page(s.showPark)},
		{"GET", "/parks/{code}/edit", s.page(s.showEditPark)},
		{"POST", "/parks/{code}", s.page(s.doUpdatePark)},
		{"POST", "/parks/{code}/files", s.page(s.doAddParkFile)},
		{"GET", "/enterprises", s.page(s.showEnterprises)},
		{"GET", "/enterprises/new", s.page(s.showNewEnterprise)},
		{"POST", "/enterprises", s.page(s.doCreateEnterprise)},
		{"GET", "/enterprises/import", s.page(s.showImportEnterprises)},
		{"POST", "/enterprises/import", s.page(s.doImportEnterprises)},
		{"GET", "/enterprises/export.xlsx", s.page(s.exportEnterprises)},
		{"GET", "/enterprises/{tax_code}", s.page(s.showEnterprise)},
		{"GET", "/enterprises/{tax_code}/edit", s.page(s.showEditEnterprise)},
		{"POST", "/enterprises/{tax_code}", s.page(s.doUpdateEnterprise)},
		{"POST", "/enterprises/{tax_code}/delete", s.page(s.doDeleteEnterprise)},
		{"GET", "/admin/users", s.page(s.showUsers)},
		{"GET", "/admin/users/new", s.page(s.showNewUser)},
		{"POST", "/admin/users", s.page(s.doCreateUser)},
		{"GET", "/admin/users/{id}", s.page(s.showEditUser)},
		{"POST", "/admin/users/{id}", s.page(s.doUpdateUser)},
		{"POST", "/admin/users/{id}/password", s.page(s.doResetPassword)},
		{"GET", "/admin/audit", s.page(s.showAudit)},
		{"GET", "/healthz", s.healthz},
		{"GET", "/readyz", s.readyz},
		{"GET", "/metrics", s.serveMetrics},
		{"GET", "/static/", s.assets.ServeHTTP},
	}
}

func (s *Server) routes() (http.Handler, error) {
	mux := http.NewServeMux()
	login, err := loginRequired(OpenAPI)
	if err != nil {
		return nil, err
	}
	for _, rt := range s.APIRoutes() {
		h := rt.handler
		if login[rt.Method+" "+rt.Pattern] {
			h = s.requireLoginAPI(h)
		}
		mux.HandleFunc(rt.Method+" "+rt.Pattern, named(h))
	}
	for _, rt := range s.pageRoutes() {
		mux.HandleFunc(rt.Method+" "+rt.Pattern, named(rt.handler))
	}
	mux.HandleFunc("/api/", s.api(func(w http.ResponseWriter, r *http.Request) error {
		if allow := allowedMethods(mux, r); len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			return congthuong.Errorf(congthuong.EMETHOD, "%s is not allowed here; allowed: %s", r.Method, strings.Join(allow, ", "))
		}
		return errNoRoute
	}))
	mux.HandleFunc("/", s.page(func(w http.ResponseWriter, r *http.Request) error {
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
