package parkweb

import (
	"embed"
	"io/fs"
	"time"

	"congthuong/internal/calendar/calendardb"
	"congthuong/internal/i18n"
	"congthuong/internal/park/parkdb"
	"congthuong/internal/unit/unitdb"
	"congthuong/internal/web"
)

//go:embed templates locale/*.json openapi.json
var files embed.FS

var _ = i18n.Register("parkweb", web.MustSub(files, "locale"))

// handlers serve the industrial parks and clusters.
type handlers struct {
	*web.Server
	parks     *parkdb.Parks
	units     *unitdb.Units
	schedules *calendardb.Schedules
	// public holds the public's answers and pages about parks and
	// clusters.
	public *web.PublicCache
	// interests limits how many interests one client registers an hour.
	interests *web.FailureLimit
}

// Register adds the industrial parks and clusters to srv.
func Register(srv *web.Server, parks *parkdb.Parks, units *unitdb.Units, schedules *calendardb.Schedules) {
	s := &handlers{Server: srv, parks: parks, units: units, schedules: schedules, interests: web.NewFailureLimit(5, time.Hour)}
	s.public = web.NewPublicCache(parks.ParksVersion, "public, no-cache")
	templates, _ := fs.Sub(files, "templates")
	openapi, _ := files.ReadFile("openapi.json")
	m := web.Module{
		Name: "parks",
		API: []web.Route{
			web.Get("/api/v1/parks", s.API(s.apiListParks)),
			web.Post("/api/v1/parks", s.API(s.apiCreatePark)),
			web.Get("/api/v1/parks.geojson", s.API(s.apiParksGeoJSON)),
			web.Get("/api/v1/parks/summary", s.API(s.apiParkSummary)),
			web.Post("/api/v1/parks/import", s.API(s.apiImportParks)),
			web.Get("/api/v1/parks/reports", s.API(s.apiParkReports)),
			web.Post("/api/v1/parks/reports", s.API(s.apiFileParkReport)),
			web.Post("/api/v1/parks/reports/decide", s.API(s.apiDecideParkReport)),
			web.Post("/api/v1/parks/reports/publish", s.API(s.apiPublishParkFigures)),
			web.Get("/api/v1/parks/export.xlsx", s.API(s.exportParks)),
			web.Post("/api/v1/tenants/import", s.API(s.apiImportTenants)),
			web.Get("/api/v1/tenants/export.xlsx", s.API(s.exportTenants)),
			web.Get("/api/v1/parks/{code}", s.API(s.apiGetPark)),
			web.Put("/api/v1/parks/{code}", s.API(s.apiUpdatePark)),
			web.Get("/api/v1/parks/{code}/history", s.API(s.apiParkHistory)),
			web.Get("/api/v1/parks/{code}/files", s.API(s.apiParkFiles)),
			web.Post("/api/v1/parks/{code}/files", s.API(s.apiAddParkFile)),
			web.Get("/api/v1/parks/{code}/files/{id}", s.API(s.apiParkFile)),
			web.Delete("/api/v1/parks/{code}/files/{id}", s.API(s.apiDeleteParkFile)),
			web.Get("/api/v1/parks/{code}/tenants", s.API(s.apiParkTenants)),
			web.Get("/api/v1/parks/{code}/plots", s.API(s.apiPlots)),
			web.Get("/api/v1/parks/{code}/plots.xlsx", s.API(s.exportPlots)),
			web.Put("/api/v1/parks/{code}/plots", s.API(s.apiReplacePlots)),
			web.Post("/api/v1/parks/{code}/tenants", s.API(s.apiSaveTenant)),
			web.Put("/api/v1/parks/{code}/tenants/{id}", s.API(s.apiSaveTenant)),
			web.Delete("/api/v1/parks/{code}/tenants/{id}", s.API(s.apiDeleteTenant)),
		},
		Pages: []web.Route{
			web.Get("/parks", s.Page(s.showParks)),
			web.Post("/parks", s.Page(s.doCreatePark)),
			web.Get("/parks/new", s.Page(s.showNewPark)),
			web.Get("/parks/compare", s.Page(s.showParkCompare)),
			web.Get("/parks/compare.xlsx", s.Page(s.exportParkCompare)),
			web.Get("/parks/summary", s.Page(s.showParkSummary)),
			web.Get("/parks/import", s.Page(s.showParksImport)),
			web.Get("/parks/reports", s.Page(s.showParkReports)),
			web.Post("/parks/reports", s.Page(s.doParkReport)),
			web.Get("/parks/reports/{site}/{tenant}", s.Page(s.showParkReport)),
			web.Post("/parks/import", s.Page(s.doImportParks)),
			web.Get("/leads", s.Page(s.showLeads)),
			web.Get("/leads/{id}", s.Page(s.showLead)),
			web.Post("/leads/{id}", s.Page(s.doLead)),
			web.Get("/parks/{code}/interest", s.Page(s.showInterest)),
			web.Get("/parks/{code}/sheet", s.Page(s.showSheet)),
			web.Get("/parks/{code}/plots", s.Page(s.showPlots)),
			web.Post("/parks/{code}/plots", s.Page(s.doPlots)),
			web.Post("/parks/{code}/interest", s.Page(s.doInterest)),
			web.Get("/parks/{code}", s.Page(s.showPark)),
			web.Get("/parks/{code}/edit", s.Page(s.showEditPark)),
			web.Post("/parks/{code}", s.Page(s.doUpdatePark)),
			web.Post("/parks/{code}/files", s.Page(s.doAddParkFile)),
		},
		Templates: templates,
		Types: []web.PageType{web.PageOf[parksPage]("parks"), web.PageOf[parkPage]("park"), web.PageOf[parkComparePage]("park_compare"),
			web.PageOf[parkSummaryPage]("park_summary"), web.PageOf[parkForm]("park_form"), web.PageOf[parksImportPage]("parks_import"),
			web.PageOf[parkReportsPage]("park_reports"), web.PageOf[interestPage]("park_interest"), web.PageOf[leadsPage]("park_leads"),
			web.PageOf[leadPage]("park_lead"), web.PageOf[sheetPage]("park_sheet"), web.PageOf[parkReportPage]("park_report"), web.PageOf[plotsPage]("park_plots")},
		OpenAPI:  openapi,
		Home:     s.home,
		Tasks:    s.tasks,
		Datasets: s.datasets,
		Sitemap:  s.sitemap,
		Search:   s.search,
	}
	m.API, m.Pages = s.public.Watch(m.API), s.public.Watch(m.Pages)
	srv.Add(m)
}
