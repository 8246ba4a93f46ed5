package enterpriseweb

import (
	"embed"
	"io/fs"

	"congthuong/internal/enterprise/enterprisedb"
	"congthuong/internal/i18n"
	"congthuong/internal/unit/unitdb"
	"congthuong/internal/web"
)

//go:embed templates locale/*.json openapi.json
var files embed.FS

var _ = i18n.Register("enterpriseweb", web.MustSub(files, "locale"))

// handlers serve the enterprises.
type handlers struct {
	*web.Server
	enterprises *enterprisedb.Enterprises
	units       *unitdb.Units
}

// Register adds the enterprises to srv.
func Register(srv *web.Server, enterprises *enterprisedb.Enterprises, units *unitdb.Units) {
	s := &handlers{Server: srv, enterprises: enterprises, units: units}
	templates, _ := fs.Sub(files, "templates")
	openapi, _ := files.ReadFile("openapi.json")
	srv.Add(web.Module{
		Name: "enterprises",
		API: []web.Route{
			web.Get("/api/v1/enterprises", s.API(s.apiListEnterprises)),
			web.Post("/api/v1/enterprises", s.API(s.apiCreateEnterprise)),
			web.Get("/api/v1/enterprises/{tax_code}", s.API(s.apiGetEnterprise)),
			web.Put("/api/v1/enterprises/{tax_code}", s.API(s.apiUpdateEnterprise)),
			web.Delete("/api/v1/enterprises/{tax_code}", s.API(s.apiDeleteEnterprise)),
			web.Post("/api/v1/enterprises/import", s.API(s.apiImportEnterprises)),
			web.Get("/api/v1/enterprises/export.xlsx", s.API(s.exportEnterprises)),
		},
		Pages: []web.Route{
			web.Get("/enterprises", s.Page(s.showEnterprises)),
			web.Get("/enterprises/new", s.Page(s.showNewEnterprise)),
			web.Post("/enterprises", s.Page(s.doCreateEnterprise)),
			web.Get("/enterprises/import", s.Page(s.showImportEnterprises)),
			web.Post("/enterprises/import", s.Page(s.doImportEnterprises)),
			web.Get("/enterprises/export.xlsx", s.Page(s.exportEnterprises)),
			web.Get("/enterprises/{tax_code}", s.Page(s.showEnterprise)),
			web.Get("/enterprises/{tax_code}/edit", s.Page(s.showEditEnterprise)),
			web.Post("/enterprises/{tax_code}", s.Page(s.doUpdateEnterprise)),
			web.Post("/enterprises/{tax_code}/delete", s.Page(s.doDeleteEnterprise)),
		},
		Templates: templates,
		Types: []web.PageType{web.PageOf[enterprisesPage]("enterprises"), web.PageOf[enterprisePage]("enterprise"),
			web.PageOf[enterpriseForm]("enterprise_form"), web.PageOf[enterpriseImportPage]("enterprise_import")},
		OpenAPI: openapi,
		Search:  s.search,
	})
}
