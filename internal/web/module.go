package web

import (
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"reflect"

	"congthuong/internal/i18n"
)

// Module is one capability's part of the web server: its routes, its page
// templates and its part of the OpenAPI document. Its strings are a
// catalogue the module's package registers (internal/i18n). A module's package builds its Module over the Server and adds
// it (Add) before the server is built (Build).
type Module struct {
	// Name names the module in errors.
	Name string
	// API lists the JSON API's routes; each must be in the module's
	// OpenAPI part, whose security says which need a login.
	API []Route
	// Pages lists the HTML pages and form posts.
	Pages []Route
	// Templates holds the module's pages as pages/<name>.html; each is
	// parsed with the layout, and rendered by its name.
	Templates fs.FS
	// Types gives the type of each page's data (PageOf), which the
	// template test checks the page against.
	Types []PageType
	// Tasks, when set, tells a signed-in reader what the module has for
	// them to do, for their home page.
	Tasks func(r *http.Request) ([]Task, error)
	// Datasets, when set, lists the module's open datasets, as the
	// public reads them (ctx carries the public's actor), in p's language.
	Datasets func(ctx context.Context, p *Printer) ([]Dataset, error)
	// Home, when set, gives the module's part of the home page.
	Home func(r *http.Request) (HomePart, error)
	// OpenAPI is the module's part of the API document: its paths and the
	// components they use (openapi.go merges the parts).
	OpenAPI []byte
	// Sitemap, when set, lists the module's public pages for sitemap.xml.
	Sitemap func(ctx context.Context) ([]SitemapURL, error)
	// MapLayers, when set, gives the points the module offers to other
	// modules' maps for a province, named in p's language (maplayer.go).
	MapLayers func(p *Printer, province string) []MapLayer
	// Search, when set, finds the module's records the reader may see
	// that match the words of q (at most SearchPerKind), for the one
	// search (search.go), which ranks them with every other module's.
	Search func(r *http.Request, q string) ([]SearchHit, error)
}

// Task is something the reader has to do, as their home page lists it:
// what (in the reader's language), how many (Count, when counted), where
// to do it, and whether it is late.
type Task struct {
	Title   string
	Count   int
	Counted bool
	Link    string
	Urgent  bool
}

// Route is one method and path pattern, and its handler.
type Route struct {
	Method  string
	Pattern string
	Handler http.HandlerFunc
}

// Add adds a module. It must come before Build.
func (s *Server) Add(m Module) {
	if s.handler != nil {
		panic(fmt.Sprintf("web: module %s added after Build", m.Name))
	}
	s.modules = append(s.modules, m)
}

// Build loads every module's templates and the catalogues, merges the API
// document, and builds the routes. It fails if anything embedded is broken,
// or if two modules claim the same page, message, route or API component,
// so that a bad build never starts.
func (s *Server) Build() error {
	var err error
	if s.templates, err = loadTemplates(s.assets, s.modules); err != nil {
		return err
	}
	if _, err := i18n.Load(); err != nil {
		return err
	}
	if s.pageTypes, err = pageTypes(s.modules, s.templates); err != nil {
		return err
	}
	if s.openapi, err = mergeOpenAPI(s.modules); err != nil {
		return err
	}
	s.handler, err = s.routes()
	return err
}

// TemplateTypes lists every page template with the type of its data as
// its module declares it (a nil Dot for a page whose module declares
// none), for the test that checks each template against its type.
func (s *Server) TemplateTypes() map[string]TemplateType {
	out := map[string]TemplateType{}
	for name, t := range s.templates {
		out[name] = TemplateType{Template: t}
	}
	for _, m := range s.modules {
		for _, pt := range m.Types {
			tt := out[pt.Name]
			tt.Dot = pt.Dot
			out[pt.Name] = tt
		}
	}
	return out
}

// TemplateType is a page template and the type of what it receives.
type TemplateType struct {
	Template *template.Template
	Dot      any
}

// ServeHTTP makes the server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.handler == nil {
		panic("web: serving before Build")
	}
	s.handler.ServeHTTP(w, r)
}

// Get, Post, Put and Delete name a route of that method.
func Get(pattern string, h http.HandlerFunc) Route    { return Route{http.MethodGet, pattern, h} }
func Post(pattern string, h http.HandlerFunc) Route   { return Route{http.MethodPost, pattern, h} }
func Put(pattern string, h http.HandlerFunc) Route    { return Route{http.MethodPut, pattern, h} }
func Delete(pattern string, h http.HandlerFunc) Route { return Route{http.MethodDelete, pattern, h} }

// pageTypes is the type of each page's data as the modules declare it; a
// page without one, or declared twice, stops the build.
func pageTypes(modules []Module, templates map[string]*template.Template) (map[string]reflect.Type, error) {
	out := map[string]reflect.Type{}
	for _, m := range modules {
		for _, pt := range m.Types {
			if _, dup := out[pt.Name]; dup {
				return nil, fmt.Errorf("web: module %s: page %s has its type declared twice", m.Name, pt.Name)
			}
			out[pt.Name] = reflect.TypeOf(pt.Dot)
		}
	}
	for name := range templates {
		if out[name] == nil {
			return nil, fmt.Errorf("web: page %s has no type for its data (Module.Types)", name)
		}
	}
	return out, nil
}
