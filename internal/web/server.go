// Package web serves the HTML pages and the JSON API over net/http.
package web

import (
	"html/template"
	"log/slog"
	"net/http"
	"net/netip"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"congthuong/internal/auth/authdb"
	"congthuong/internal/db"
	"congthuong/internal/unit"
)

// Options configure a Server.
type Options struct {
	// SecureCookies marks cookies Secure (HTTPS, or http://localhost).
	SecureCookies bool
	// Demo shows the demo banner: the data is not real.
	Demo bool
	// MapTiles and MapAttribution are the investor map's tile source (see
	// config.Config); empty: no tiles.
	MapTiles, MapAttribution string
	// SMTP says whether a mail server sends the outbox.
	SMTP bool
	// TrustedProxies are the reverse proxies whose X-Forwarded-For names
	// the client (clientAddr); empty: the connection's peer is the client.
	TrustedProxies []netip.Prefix
	// MetricsToken, when set, lets /metrics answer requests bearing it;
	// otherwise /metrics answers the local machine only (serveMetrics).
	MetricsToken string
	// Contact is the department's address, phone and e-mail, at the foot
	// of every page.
	Contact Contact
	// PublicURL is the address people reach the platform at (no final
	// slash needed), for canonical links, feeds and the sitemap.
	PublicURL string
	// Department is the organisation the platform serves: its name, its
	// province and its logo.
	Department Department
	// Units is the units' area, population and outlines (the wiring
	// loads the shipped files); nil: none, and no maps.
	Units *unit.Extra
}

// UnitFacts are the units' area, population and outlines; never nil.
func (s *Server) UnitFacts() *unit.Extra {
	if s.opts.Units == nil {
		return &unit.Extra{Facts: map[string]unit.Facts{}}
	}
	return s.opts.Units
}

// Department is the organisation the platform speaks for.
type Department struct {
	// Name and NameEN are its name in Vietnamese and English; empty: the
	// platform's name.
	Name, NameEN string
	// Province is the code of its province: where the public's pages
	// and its applicants' choices of units begin.
	Province string
	// Logo is its logo (PNG, JPEG or SVG), of type LogoType; empty: none.
	Logo     []byte
	LogoType string
}

// DefaultProvince is the province of a platform that names none.
const DefaultProvince = "31"

// HomeProvince is the code of the department's province.
func (s *Server) HomeProvince() string {
	if p := s.opts.Department.Province; p != "" {
		return p
	}
	return DefaultProvince
}

// AbsURL is path at the platform's public address.
func (s *Server) AbsURL(path string) string {
	base := strings.TrimSuffix(s.opts.PublicURL, "/")
	if base == "" {
		base = "http://localhost:8080"
	}
	return base + path
}

// Contact is how the public reaches the department.
type Contact struct {
	Address, Phone, Email string
}

// Server holds what the handlers share.
type Server struct {
	db        *db.DB
	accounts  *authdb.Accounts
	log       *slog.Logger
	opts      Options
	demo      bool
	assets    *assets
	templates map[string]*template.Template
	pageTypes map[string]reflect.Type
	throttle  *loginThrottle
	visits    visitCounter
	metrics   *metrics
	modules   []Module
	openapi   []byte
	handler   http.Handler
	// mapOnce builds paths, the province outlines as SVG, at first use.
	mapOnce sync.Once
	paths   map[string]string
}

// New builds a server with the core's module: the home page, accounts,
// users, the audit log, the outbox, health, metrics, static files and the
// API document. The modules are added next (Add), then the server is built
// (Build).
//
// The core knows the database (d) and the accounts (who is logged in);
// every other module brings its own storage when it registers.
func New(d *db.DB, accounts *authdb.Accounts, log *slog.Logger, opts Options) (*Server, error) {
	s := &Server{db: d, accounts: accounts, log: log, opts: opts, demo: opts.Demo, throttle: newLoginThrottle()}
	var err error
	if s.assets, err = loadAssets(); err != nil {
		return nil, err
	}
	s.metrics = newMetrics(prometheus.NewRegistry(), d)
	s.Add(Module{Name: "core", API: s.coreAPI(), Pages: s.corePages(), Templates: MustSub(templateFS, "templates"), OpenAPI: coreOpenAPI,
		Types: []PageType{PageOf[homePage]("home"), PageOf[dataPage]("data"), PageOf[errorPage]("error"), PageOf[loginPage]("login"),
			PageOf[passwordPage]("password"), PageOf[tokensPage]("tokens"), PageOf[outboxPage]("outbox"),
			PageOf[visitsPage]("visits"), PageOf[searchPage]("search")},
		Home: func(r *http.Request) (HomePart, error) {
			p := s.PrinterFor(r)
			return HomePart{Services: []Service{{Order: 90, ID: "data", Title: p.T("data.title"), Text: p.T("data.home_text"),
				Link: "/data"}}}, nil
		}})
	return s, nil
}

// Now is the platform's clock (the store's, which tests may set), for
// every handler.
func (s *Server) Now() time.Time { return s.db.Now() }

// Options returns the options the server was built with.
func (s *Server) Options() Options { return s.opts }
