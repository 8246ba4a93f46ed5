package statsweb

import (
	"embed"
	"io/fs"

	"congthuong/internal/calendar/calendardb"
	"congthuong/internal/i18n"
	"congthuong/internal/stats/statsdb"
	"congthuong/internal/web"
)

//go:embed templates locale/*.json openapi.json
var files embed.FS

var _ = i18n.Register("statsweb", web.MustSub(files, "locale"))

// handlers serve the sector statistics.
type handlers struct {
	*web.Server
	stats      *statsdb.Stats
	schedules  *calendardb.Schedules
	homeCache  homeFigures
	yearsCache officialYears
}

// Register adds the sector statistics to srv.
func Register(srv *web.Server, stats *statsdb.Stats, schedules *calendardb.Schedules) {
	s := &handlers{Server: srv, stats: stats, schedules: schedules}
	templates, _ := fs.Sub(files, "templates")
	openapi, _ := files.ReadFile("openapi.json")
	srv.Add(web.Module{
		Name: "stats",
		API: []web.Route{
			web.Get("/api/v1/stats/indicators", s.API(s.apiListIndicators)),
			web.Put("/api/v1/stats/indicators/{code}", s.API(s.apiSaveIndicator)),
			web.Get("/api/v1/stats/values", s.API(s.apiListValues)),
			web.Get("/api/v1/stats/values/history", s.API(s.apiValueHistory)),
			web.Post("/api/v1/stats/values/import", s.API(s.apiImportValues)),
			web.Post("/api/v1/stats/growth/import", s.API(s.apiImportGrowth)),
			web.Get("/api/v1/stats/values/export.csv", s.API(s.exportValues)),
			web.Get("/api/v1/stats/values/export.xlsx", s.API(s.exportValues)),
			web.Get("/api/v1/stats/analytics", s.API(s.apiAnalytics)),
			web.Put("/api/v1/stats/targets", s.API(s.apiSaveTarget)),
			web.Get("/api/v1/stats/report", s.API(s.apiReport)),
			web.Get("/api/v1/stats/datasets", s.API(s.apiListDataSets)),
			web.Get("/api/v1/stats/datasets/{code}/template.xlsx", s.API(s.dataSetTemplate)),
			web.Get("/api/v1/stats/submissions", s.API(s.apiListSubmissions)),
			web.Put("/api/v1/stats/submissions/{data_set}/{unit}/{period}", s.API(s.apiEnterSubmission)),
			web.Post("/api/v1/stats/submissions/{data_set}/{unit}/{period}/approve", s.API(s.apiDecideSubmission(true))),
			web.Post("/api/v1/stats/submissions/{data_set}/{unit}/{period}/return", s.API(s.apiDecideSubmission(false))),
		},
		Pages: []web.Route{
			web.Get("/stats", s.Page(s.showStats)),
			web.Get("/stats/report", s.Page(s.showReport)),
			web.Get("/stats/dashboard", s.Page(s.showDashboard)),
			web.Get("/stats/units/{code}", s.Page(s.showUnitCard)),
			web.Get("/stats/report.xlsx", s.Page(s.exportReport)),
			web.Get("/stats/entry", s.Page(s.showEntry)),
			web.Get("/stats/history", s.Page(s.showValueHistory)),
			web.Get("/stats/import", s.Page(s.showImportValues)),
			web.Post("/stats/import", s.Page(s.doImportValues)),
			web.Post("/stats/entry", s.Page(s.doEntry)),
			web.Get("/stats/submissions", s.Page(s.showSubmissions)),
			web.Post("/stats/submissions/decide", s.Page(s.doDecide)),
		},
		Templates: templates,
		Types: []web.PageType{web.PageOf[statsPage]("stats"), web.PageOf[reportPage]("report"), web.PageOf[*dashboardPage]("dashboard"),
			web.PageOf[unitCardPage]("unit_card"), web.PageOf[entryPage]("entry"), web.PageOf[submissionsPage]("submissions"),
			web.PageOf[historyPage]("history"), web.PageOf[importPage]("stats_import")},
		OpenAPI:  openapi,
		Home:     s.home,
		Datasets: s.datasets,
		Tasks:    s.tasks,
	})
}
