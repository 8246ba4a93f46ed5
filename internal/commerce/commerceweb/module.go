// Package commerceweb serves the commune-level trade registers: the
// licences register for the communes' and the department's staff, and
// the public's lookup of a licence.
package commerceweb

import (
	"embed"
	"io/fs"

	"congthuong/internal/commerce/commercedb"
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
	commerce *commercedb.Commerce
	units    *unitdb.Units
}

// Register adds the trade registers to srv.
func Register(srv *web.Server, c *commercedb.Commerce, units *unitdb.Units) {
	s := &handlers{Server: srv, commerce: c, units: units}
	templates, _ := fs.Sub(files, "templates")
	openapi, _ := files.ReadFile("openapi.json")
	srv.Add(web.Module{
		Name: "commerce",
		API: []web.Route{
			web.Get("/api/v1/licence-kinds", s.API(s.apiKinds)),
			web.Get("/api/v1/licences", s.API(s.apiLicences)),
			web.Post("/api/v1/licences", s.API(s.apiCreateLicence)),
			web.Get("/api/v1/licences/lookup", s.API(s.apiLookup)),
			web.Get("/api/v1/licences.geojson", s.API(s.apiPremises)),
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
		},
		Templates: templates,
		Types: []web.PageType{web.PageOf[registerPage]("licences"), web.PageOf[licencePage]("licence"),
			web.PageOf[formPage]("licence_form"), web.PageOf[lookupPage]("licence_lookup"), web.PageOf[importPage]("licences_import"), web.PageOf[summaryPage]("licences_summary")},
		OpenAPI: openapi,
		Tasks:   s.tasks,
	})
}
