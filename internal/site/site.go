// Package site puts the platform together: the web core and every module's
// handlers over one store. The binary, the load generator and the tests
// build the web server here, and nowhere else, so that what is tested is
// what runs.
package site

import (
	"log/slog"
	"sync"

	"congthuong/data"

	"congthuong/internal/auth/authweb"
	"congthuong/internal/calendar/calendarweb"
	"congthuong/internal/commerce/commerceweb"
	"congthuong/internal/enterprise/enterpriseweb"
	"congthuong/internal/legal/legalweb"
	"congthuong/internal/news/newsweb"
	"congthuong/internal/park/parkweb"
	"congthuong/internal/procedure/procedureweb"
	"congthuong/internal/qa/qaweb"
	"congthuong/internal/stats/statsweb"
	"congthuong/internal/store"
	"congthuong/internal/unit"
	"congthuong/internal/unit/unitweb"
	"congthuong/internal/web"
)

// unitExtra is the shipped area, population and outlines of the units,
// read once per process.
var unitExtra = sync.OnceValues(func() (*unit.Extra, error) { return unit.LoadExtra(data.AdminUnitsExtra) })

// New builds the web server with every module over st.
func New(st *store.Store, log *slog.Logger, opts web.Options) (*web.Server, error) {
	if opts.Units == nil {
		x, err := unitExtra()
		if err != nil {
			return nil, err
		}
		opts.Units = x
	}
	srv, err := web.New(st.DB, st.Accounts, log, opts)
	if err != nil {
		return nil, err
	}
	authweb.Register(srv, st.Accounts, st.DB)
	unitweb.Register(srv, st.Units)
	calendarweb.Register(srv, st.Schedules)
	enterpriseweb.Register(srv, st.Enterprises, st.Units)
	statsweb.Register(srv, st.Stats, st.Schedules)
	parkweb.Register(srv, st.Parks, st.Units, st.Schedules)
	procedureweb.Register(srv, st.Procedures, st.Units, st.Schedules, st.Enterprises, st.Legal)
	newsweb.Register(srv, st.News)
	legalweb.Register(srv, st.Legal)
	qaweb.Register(srv, st.Questions)
	commerceweb.Register(srv, st.Commerce, st.Units, st.Enterprises, st.Schedules)
	if err := srv.Build(); err != nil {
		return nil, err
	}
	return srv, nil
}

// OpenAPI returns the merged API document without a database: the
// modules' handlers are built over an empty store, which building the
// server never reads. The openapi command prints it, for the lint and for
// API clients' generators.
func OpenAPI() ([]byte, error) {
	srv, err := New(&store.Store{}, slog.New(slog.DiscardHandler), web.Options{})
	if err != nil {
		return nil, err
	}
	return srv.OpenAPI(), nil
}
