package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/klauspost/compress/gzhttp"

	"congthuong"
)

// HandlerFunc is a handler that returns its error for the adapter to show.
type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

// API adapts h for the JSON API: errors become the JSON error shape.
func (s *Server) API(h HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.writeAPIError(w, r, err)
		}
	}
}

// Page adapts h for HTML pages: errors become error pages.
func (s *Server) Page(h HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.RenderError(w, r, err)
		}
	}
}

// APIRoutes lists the JSON API of every module, so that a test can check
// each route against the OpenAPI document.
func (s *Server) APIRoutes() []Route {
	var out []Route
	for _, m := range s.modules {
		out = append(out, m.API...)
	}
	return out
}

// coreAPI is the core's part of the JSON API.
func (s *Server) coreAPI() []Route {
	return []Route{
		Get("/api/v1/openapi.json", s.serveOpenAPI),
		Get("/api/v1/search", s.API(s.apiSearch)),
	}
}

// corePages are the core's pages.
func (s *Server) corePages() []Route {
	return []Route{
		Get("/{$}", s.Page(s.showHome)),
		Get("/prefs", s.handlePrefs),
		Get("/login", s.Page(s.showLogin)),
		Post("/login", s.Page(s.doLogin)),
		Post("/logout", s.Page(s.doLogout)),
		Get("/account/password", s.Page(s.showPassword)),
		Post("/account/password", s.Page(s.doPassword)),
		Get("/account/tokens", s.Page(s.showTokens)),
		Post("/account/tokens", s.Page(s.doCreateToken)),
		Post("/account/tokens/{id}/delete", s.Page(s.doDeleteToken)),
		Get("/admin/outbox", s.Page(s.showOutbox)),
		Get("/admin/visits", s.Page(s.showVisits)),
		Get("/search", s.Page(s.showSearch)),
		Get("/sitemap.xml", s.Page(s.serveSitemap)),
		Get("/robots.txt", s.serveRobots),
		Get("/logo", s.serveLogo),
		Get("/data", s.Page(s.showData)),
		Get("/data/catalog.jsonld", s.Page(s.serveDCAT)),
		Get("/data/{file}", s.Page(s.serveDataFile)),
		Get("/data/{id}/{file}", s.Page(s.serveDataFile)),
		Get("/healthz", s.healthz),
		Get("/readyz", s.readyz),
		Get("/metrics", s.serveMetrics),
		Get("/static/", s.assets.ServeHTTP),
	}
}

func (s *Server) routes() (http.Handler, error) {
	mux := http.NewServeMux()
	login, err := loginRequired(s.openapi)
	if err != nil {
		return nil, err
	}
	for _, m := range s.modules {
		for _, rt := range m.API {
			h := rt.Handler
			if login[rt.Method+" "+rt.Pattern] {
				h = s.requireLoginAPI(h)
			}
			if err := handle(mux, rt.Method+" "+rt.Pattern, named(h)); err != nil {
				return nil, fmt.Errorf("web: module %s: %w", m.Name, err)
			}
		}
		for _, rt := range m.Pages {
			if err := handle(mux, rt.Method+" "+rt.Pattern, named(rt.Handler)); err != nil {
				return nil, fmt.Errorf("web: module %s: %w", m.Name, err)
			}
		}
	}
	mux.HandleFunc("/api/", s.API(func(w http.ResponseWriter, r *http.Request) error {
		if allow := allowedMethods(mux, r); len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			return congthuong.Errorf(congthuong.EMETHOD, "web.not_allowed_here_allowed", r.Method, strings.Join(allow, ", "))
		}
		return errNoRoute
	}))
	mux.HandleFunc("/", s.Page(func(w http.ResponseWriter, r *http.Request) error {
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
	h, err = compressAnswers(h)
	if err != nil {
		return nil, err
	}
	return s.observe(h), nil
}

// compressAnswers gzips pages and API answers of 1 KB or more for clients
// that accept it (klauspost/compress's gzhttp, which sets Vary and leaves
// alone what is already compressed: the static files are gzipped once at
// start, workbooks are zip files). Pages carry no secret an attacker could
// guess through their compressed length (BREACH): cross-site requests are
// refused by their fetch metadata, not by a token in the page.
func compressAnswers(h http.Handler) (http.Handler, error) {
	wrap, err := gzhttp.NewWrapper(gzhttp.MinSize(1024), gzhttp.EnableZstd(false))
	if err != nil {
		return nil, err
	}
	return wrap(h), nil
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

// handle registers h, turning the mux's panic at a pattern another module
// registered into an error.
func handle(mux *http.ServeMux, pattern string, h http.HandlerFunc) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	mux.HandleFunc(pattern, h)
	return nil
}
