// Package commerceweb serves the commune-level trade registers: the
// licences register for the communes' and the department's staff, and
// the public's lookup of a licence.
package commerceweb

import (
	"embed"
	"io/fs"

	"congthuong/internal/calendar/calendardb"
	"congthuong/internal/commerce/commercedb"
	"congthuong/internal/enterprise/enterprisedb"
	"congthuong/internal/i18n"
	"congthuong/internal/unit/unitdb"
	"congthuong/internal/web"
)

//go:embed templates locale/*.json openapi.json
var files embed.FS

var _ = i18n.Register("commerceweb", web.MustSub(files, "locale"))

// handlers serve the trade registers.
type handlers struct {
	*web.Server
	commerce    *commercedb.Commerce
	units       *unitdb.Units
	enterprises *enterprisedb.Enterprises
	schedules   *calendardb.Schedules
}

// Register adds the trade registers to srv.
func Register(srv *web.Server, c *commercedb.Commerce, units *unitdb.Units, enterprises *enterprisedb.Enterprises, schedules *calendardb.Schedules) {
	s := &handlers{Server: srv, commerce: c, units: units, enterprises: enterprises, schedules: schedules}
	markets, retail := s.marketsIO(), s.retailIO()
	templates, _ := fs.Sub(files, "templates")
	openapi, _ := files.ReadFile("openapi.json")
	srv.Add(web.Module{
		Name: "commerce",
		API: []web.Route{
			web.Get("/api/v1/licence-kinds", s.API(s.apiKinds)),
			web.Get("/api/v1/promotions", s.API(s.apiRunning)),
			web.Post("/api/v1/promotions/check", s.API(s.apiCheck)),
			web.Get("/api/v1/licences", s.API(s.apiLicences)),
			web.Post("/api/v1/licences", s.API(s.apiCreateLicence)),
			web.Get("/api/v1/licences/lookup", s.API(s.apiLookup)),
			web.Get("/api/v1/licences.geojson", s.API(s.apiPremises)),
			web.Get("/api/v1/markets.geojson", s.API(s.apiMarketsGeoJSON)),
			web.Get("/api/v1/retail.geojson", s.API(s.apiRetailGeoJSON)),
			web.Get("/api/v1/markets/export.xlsx", s.API(s.exportPlaces(markets))),
			web.Post("/api/v1/markets/import", s.API(s.apiImportPlaces(markets))),
			web.Get("/api/v1/retail/export.xlsx", s.API(s.exportPlaces(retail))),
			web.Post("/api/v1/retail/import", s.API(s.apiImportPlaces(retail))),
			web.Post("/api/v1/trade-figures", s.API(s.apiPublishFigures)),
			web.Post("/api/v1/licences/import", s.API(s.apiImport)),
			web.Get("/api/v1/licences/export.xlsx", s.API(s.export)),
			web.Get("/api/v1/licences/{id}", s.API(s.apiLicence)),
			web.Put("/api/v1/licences/{id}", s.API(s.apiUpdateLicence)),
			web.Get("/api/v1/licences/{id}/history", s.API(s.apiHistory)),
			web.Post("/api/v1/licences/{id}/decisions", s.API(s.apiDecide)),
		},
		Pages: []web.Route{
			web.Get("/licences", s.Page(s.showRegister)),
			web.Post("/licences", s.Page(s.doCreate)),
			web.Get("/licences/new", s.Page(s.showNew)),
			web.Get("/licences/lookup", s.Page(s.showLookup)),
			web.Get("/licences/import", s.Page(s.showImport)),
			web.Get("/licences/summary", s.Page(s.showSummary)),
			web.Post("/licences/import", s.Page(s.doImport)),
			web.Get("/licences/{id}", s.Page(s.showLicence)),
			web.Get("/licences/{id}/edit", s.Page(s.showEdit)),
			web.Post("/licences/{id}", s.Page(s.doUpdate)),
			web.Post("/licences/{id}/decide", s.Page(s.doDecide)),
			web.Get("/markets", s.Page(s.showMarkets)),
			web.Post("/markets", s.Page(s.doSaveMarket)),
			web.Get("/markets/new", s.Page(s.showNewMarket)),
			web.Get("/markets/summary", s.Page(s.showMarketSummary)),
			web.Post("/markets/summary/publish", s.Page(s.doPublishFigures)),
			web.Get("/markets/import", s.Page(s.showImportPlaces(markets))),
			web.Post("/markets/import", s.Page(s.doImportPlaces(markets))),
			web.Get("/markets/osm", s.Page(s.showOSM(true))),
			web.Post("/markets/osm", s.Page(s.doOSM(true))),
			web.Get("/retail/osm", s.Page(s.showOSM(false))),
			web.Post("/retail/osm", s.Page(s.doOSM(false))),
			web.Get("/markets/{id}", s.Page(s.showMarket)),
			web.Get("/markets/{id}/edit", s.Page(s.showEditMarket)),
			web.Post("/markets/{id}", s.Page(s.doSaveMarket)),
			web.Get("/retail", s.Page(s.showRetail)),
			web.Post("/retail", s.Page(s.doSaveRetail)),
			web.Get("/retail/new", s.Page(s.showNewRetail)),
			web.Get("/retail/import", s.Page(s.showImportPlaces(retail))),
			web.Post("/retail/import", s.Page(s.doImportPlaces(retail))),
			web.Get("/retail/{id}/edit", s.Page(s.showEditRetail)),
			web.Post("/retail/{id}", s.Page(s.doSaveRetail)),
			web.Get("/promotions", s.Page(s.showRunning)),
			web.Get("/promotions/mine", s.Page(s.showMine)),
			web.Get("/promotions/manage", s.Page(s.showDesk)),
			web.Get("/promotions/new", s.Page(s.showNewPromotion)),
			web.Post("/promotions/new", s.Page(s.doPromotion)),
			web.Get("/promotions/{id}", s.Page(s.showPromotion)),
			web.Post("/promotions/{id}/decide", s.Page(s.doDecidePromotion)),
			web.Post("/promotions/{id}/report", s.Page(s.doReportPromotion)),
			web.Get("/promotions/{id}/amend", s.Page(s.showAmend)),
			web.Post("/promotions/{id}/amend", s.Page(s.doAmend)),
			web.Post("/promotions/{id}/amendments/{amendment}/decide", s.Page(s.doDecideAmendment)),
		},
		Templates: templates,
		Types: []web.PageType{web.PageOf[registerPage]("licences"), web.PageOf[licencePage]("licence"),
			web.PageOf[formPage]("licence_form"), web.PageOf[lookupPage]("licence_lookup"), web.PageOf[importPage]("licences_import"), web.PageOf[summaryPage]("licences_summary"),
			web.PageOf[promotionsPage]("promotions"), web.PageOf[promotionForm]("promotion_form"), web.PageOf[promotionPage]("promotion"),
			web.PageOf[marketsPage]("markets"), web.PageOf[marketPage]("market"), web.PageOf[marketForm]("market_form"), web.PageOf[marketSummary]("markets_summary"), web.PageOf[placesImportPage]("places_import"), web.PageOf[osmPage]("places_osm"),
			web.PageOf[retailPage]("retail"), web.PageOf[retailForm]("retail_form")},
		OpenAPI:   openapi,
		Tasks:     s.tasks,
		MapLayers: mapLayers,
	})
}
