// Package legalweb serves the legal documents library: the public's list
// and document pages, the API, and the department's form.
package legalweb

import (
	"embed"
	"io/fs"

	"congthuong/internal/i18n"
	"congthuong/internal/legal/legaldb"
	"congthuong/internal/web"
)

//go:embed templates locale/*.json openapi.json
var files embed.FS

var _ = i18n.Register("legalweb", web.MustSub(files, "locale"))

// handlers serve the library.
type handlers struct {
	*web.Server
	library *legaldb.Library
}

// Register adds the library to srv.
func Register(srv *web.Server, library *legaldb.Library) {
	s := &handlers{Server: srv, library: library}
	templates, _ := fs.Sub(files, "templates")
	openapi, _ := files.ReadFile("openapi.json")
	srv.Add(web.Module{
		Name: "legal",
		API: []web.Route{
			web.Get("/api/v1/documents", s.API(s.apiDocuments)),
			web.Get("/api/v1/documents/{slug}", s.API(s.apiDocument)),
		},
		Pages: []web.Route{
			web.Get("/documents", s.Page(s.showDocuments)),
			web.Get("/documents/new", s.Page(s.showNew)),
			web.Post("/documents/new", s.Page(s.doSave)),
			web.Get("/documents/{slug}", s.Page(s.showDocument)),
			web.Get("/documents/{slug}/edit", s.Page(s.showEdit)),
			web.Post("/documents/{slug}/edit", s.Page(s.doSave)),
			web.Post("/documents/{slug}/files", s.Page(s.doAddFile)),
			web.Post("/documents/{slug}/files/{id}/delete", s.Page(s.doDeleteFile)),
			web.Get("/documents/{slug}/files/{id}", s.Page(s.serveFile)),
		},
		Templates: templates,
		Types: []web.PageType{web.PageOf[listPage]("documents"), web.PageOf[documentPage]("document"),
			web.PageOf[formPage]("document_form")},
		OpenAPI:  openapi,
		Home:     s.home,
		Datasets: s.datasets,
		Search:   s.search,
		Sitemap:  s.sitemap,
	})
}
