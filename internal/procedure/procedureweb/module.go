package procedureweb

import (
	"embed"
	"io/fs"

	"congthuong/internal/calendar/calendardb"
	"congthuong/internal/enterprise/enterprisedb"
	"congthuong/internal/i18n"
	"congthuong/internal/legal/legaldb"
	"congthuong/internal/procedure/proceduredb"
	"congthuong/internal/unit/unitdb"
	"congthuong/internal/web"
)

//go:embed templates locale/*.json openapi.json
var files embed.FS

var _ = i18n.Register("procedureweb", web.MustSub(files, "locale"))

// handlers serve the administrative procedures.
type handlers struct {
	*web.Server
	procedures  *proceduredb.Procedures
	units       *unitdb.Units
	schedules   *calendardb.Schedules
	enterprises *enterprisedb.Enterprises
	// library links a procedure's legal basis to the documents.
	library *legaldb.Library
	// tracking limits the public's failed tracking questions per address.
	tracking *web.FailureLimit
	// catalogue holds the public's answers and pages about the catalogue.
	catalogue *web.PublicCache
}

// Register adds the administrative procedures to srv.
// Enterprises' records fill in an enterprise's filings; the legal library
// gives a procedure's legal basis its links.
func Register(srv *web.Server, procedures *proceduredb.Procedures, units *unitdb.Units, schedules *calendardb.Schedules,
	enterprises *enterprisedb.Enterprises, library *legaldb.Library) {
	s := &handlers{Server: srv, procedures: procedures, units: units, schedules: schedules, enterprises: enterprises, library: library}
	s.tracking = web.NewFailureLimit(maxTrackingFailures, trackingWindow)
	s.catalogue = web.NewPublicCache(procedures.CatalogueVersion, "public, no-cache")
	templates, _ := fs.Sub(files, "templates")
	openapi, _ := files.ReadFile("openapi.json")
	srv.Add(web.Module{
		Name: "procedures",
		API: []web.Route{
			web.Get("/api/v1/procedures", s.API(s.apiListProcedures)),
			web.Get("/api/v1/dossiers", s.API(s.apiListDossiers)),
			web.Post("/api/v1/dossiers", s.API(s.apiSubmitDossier)),
			web.Get("/api/v1/dossiers/{code}", s.API(s.apiGetDossier)),
			web.Post("/api/v1/dossiers/{code}/events", s.API(s.apiStepDossier)),
			web.Get("/api/v1/tracking/{code}", s.API(s.apiTrackDossier)),
			web.Post("/api/v1/dossiers/{code}/apology", s.API(s.apiApologize)),
			web.Get("/api/v1/results", s.API(s.apiVerifyResult)),
			web.Get("/api/v1/dossiers/{code}/files/{id}", s.API(s.apiDossierFile)),
			web.Get("/api/v1/scorecards", s.API(s.apiScorecard)),
			web.Get("/api/v1/scorecards/export.xlsx", s.API(s.exportScorecard)),
			web.Get("/api/v1/procedures/{code}", s.API(s.apiGetProcedure)),
			s.catalogue.Watch([]web.Route{web.Put("/api/v1/procedures/{code}", s.API(s.apiSaveProcedure))})[0],
			web.Get("/api/v1/procedures/{code}/templates", s.API(s.apiProcedureTemplates)),
			web.Post("/api/v1/procedures/{code}/templates", s.API(s.apiAddProcedureTemplate)),
			web.Get("/api/v1/procedures/{code}/templates/{name}", s.API(s.apiProcedureTemplate)),
			web.Put("/api/v1/agencies/{unit}", s.API(s.apiSetAgency)),
		},
		Pages: []web.Route{
			web.Get("/procedures", s.Page(s.showProcedures)),
			web.Get("/procedures/{code}", s.Page(s.showProcedure)),
			web.Get("/procedures/{code}/file", s.Page(s.showFiling)),
			web.Post("/procedures/{code}/file", s.Page(s.doSaveFiling)),
			web.Get("/drafts/{id}", s.Page(s.showDraft)),
			web.Post("/drafts/{id}/submit", s.Page(s.doSubmitDraft)),
			web.Post("/drafts/{id}/delete", s.Page(s.doDeleteDraft)),
			web.Get("/dossiers/{code}/filed", s.Page(s.showFiled)),
			web.Get("/dossiers/scorecard", s.Page(s.showScorecard)),
			web.Get("/dossiers/payments", s.Page(s.showPayments)),
			web.Get("/dossiers/register.xlsx", s.Page(s.exportRegister)),
			web.Post("/dossiers/payments", s.Page(s.doPayments)),
			web.Get("/dossiers", s.Page(s.showDossiers)),
			web.Get("/dossiers/{code}", s.Page(s.showDossier)),
			web.Post("/dossiers/{code}", s.Page(s.doStepDossier)),
			web.Get("/tracking", s.Page(s.showTracking)),
			web.Get("/verify", s.Page(s.showVerify)),
			web.Get("/dossiers/{code}/forms/{form}", s.Page(s.showDossierForm)),
			web.Post("/dossiers/{code}/apology", s.Page(s.doApologize)),
		},
		Templates: templates,
		Types: []web.PageType{web.PageOf[proceduresPage]("procedures"), web.PageOf[procedurePage]("procedure"),
			web.PageOf[dossiersPage]("dossiers"), web.PageOf[dossierPage]("dossier"), web.PageOf[trackingPage]("tracking"),
			web.PageOf[dossierFormPage]("dossier_form"), web.PageOf[verifyPage]("verify"), web.PageOf[filingPage]("filing"),
			web.PageOf[checkPage]("draft_check"), web.PageOf[filedPage]("filed"), web.PageOf[scorecardPage]("scorecard"),
			web.PageOf[paymentsPage]("payments")},
		OpenAPI:  openapi,
		Home:     s.home,
		Datasets: s.datasets,
		Sitemap:  s.sitemap,
		Search:   s.search,
		Tasks:    s.tasks,
	})
}
