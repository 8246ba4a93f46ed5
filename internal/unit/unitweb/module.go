package unitweb

import (
	"embed"
	"io/fs"

	"congthuong/internal/i18n"
	"congthuong/internal/unit/unitdb"
	"congthuong/internal/web"
)

//go:embed templates locale/*.json openapi.json
var files embed.FS

var _ = i18n.Register("unitweb", web.MustSub(files, "locale"))

// handlers serve the administrative units.
type handlers struct {
	*web.Server
	units *unitdb.Units
	// cache holds answers about units, which change only when the
	// reference data is reloaded at first start.
	cache    *web.Cache
	outlines outlines
}

// Register adds the administrative units to srv.
func Register(srv *web.Server, units *unitdb.Units) {
	s := &handlers{Server: srv, units: units}
	s.cache = web.NewCache(4096, "public, max-age=300")
	templates, _ := fs.Sub(files, "templates")
	openapi, _ := files.ReadFile("openapi.json")
	srv.Add(web.Module{
		Name: "units",
		API: []web.Route{
			web.Get("/api/v1/units", s.API(s.apiListUnits)),
			web.Get("/api/v1/units/{code}", s.API(s.apiGetUnit)),
			web.Get("/api/v1/unit-groups", s.API(s.apiListGroups)),
		},
		Pages: []web.Route{
			web.Get("/units", s.Page(s.showUnits)),
			web.Get("/units/outlines.geojson", s.Page(s.serveOutlines)),
			web.Get("/admin/outlines", s.Page(s.showOutlines)),
			web.Post("/admin/outlines", s.Page(s.doOutlines)),
			web.Post("/admin/outlines/remove", s.Page(s.doRemoveOutlines)),
			web.Get("/units/{code}", s.Page(s.showUnit)),
		},
		Templates: templates,
		Types:     []web.PageType{web.PageOf[unitsPage]("units"), web.PageOf[unitPage]("unit"), web.PageOf[outlinesPage]("outlines")},
		OpenAPI:   openapi,
		Home:      s.home,
		Sitemap:   s.sitemap,
		Search:    s.search,
	})
}
