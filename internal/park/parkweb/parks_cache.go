package parkweb

import (
	"context"
	"net/http"
	"sync"
	"time"

	"congthuong/internal/web"

	"congthuong"
)

// parksRecheck is how long a process serves its cached public answers
// about parks before asking the database whether the registry changed
// (perhaps through another process). A change made through this process
// is seen at once.
const parksRecheck = time.Second

// parksPagesAge is how long an anonymous reader's page about parks is
// served as rendered, however still the registry: what every page shares
// (the footer's visit counts) moves on.
const parksPagesAge = 30 * time.Second

// parksCache holds the public's answers and pages about parks and the
// registry's version they were built from. Staff answers are scoped and
// never cached.
type parksCache struct {
	mu      sync.Mutex
	cache   *web.Cache
	pages   *web.PageCache
	version string
	checked time.Time
}

func (c *parksCache) init() {
	c.cache, c.pages = web.NewCache(4096, "public, no-cache"), web.NewPageCache(1024, parksPagesAge)
}

// publicParks returns the cache of public park answers, emptied when the
// registry changed. If the database cannot be asked, the cache serves.
func (s *handlers) publicParks(ctx context.Context) *web.Cache {
	s.checkParksVersion(ctx)
	return s.public.cache
}

// publicParkPages returns the cache of anonymous readers' pages about
// parks, emptied when the registry changed.
func (s *handlers) publicParkPages(ctx context.Context) *web.PageCache {
	s.checkParksVersion(ctx)
	return s.public.pages
}

func (s *handlers) checkParksVersion(ctx context.Context) {
	c := &s.public
	c.mu.Lock()
	defer c.mu.Unlock()
	if time.Since(c.checked) < parksRecheck {
		return
	}
	if v, err := s.parks.ParksVersion(ctx); err == nil {
		if v != c.version {
			c.cache.Reset()
			c.pages.Reset()
			c.version = v
		}
		c.checked = time.Now()
	}
}

// seeingChanges makes every route that may write (any but GET) ask, once
// it has answered, that the next public read check the registry's
// version, so that a change made through this process is seen at once.
func (s *handlers) seeingChanges(routes []web.Route) []web.Route {
	for i, rt := range routes {
		if rt.Method == http.MethodGet {
			continue
		}
		h := rt.Handler
		routes[i].Handler = func(w http.ResponseWriter, r *http.Request) {
			h(w, r)
			s.parksChanged()
		}
	}
	return routes
}

// parksChanged makes the next public read ask for the registry's version.
func (s *handlers) parksChanged() {
	s.public.mu.Lock()
	s.public.checked = time.Time{}
	s.public.mu.Unlock()
}

// parkRead answers a read of the registry, its warnings in the reader's
// language: the public's from the cache, staff's built for them.
func (s *handlers) parkRead(w http.ResponseWriter, r *http.Request, build func() (any, error)) error {
	p := s.PrinterFor(r)
	localized := func() (any, error) {
		v, err := build()
		if err == nil {
			p.Localize(v)
		}
		return v, err
	}
	if congthuong.ActorFrom(r.Context()).Anonymous() {
		return s.publicParks(r.Context()).ServeJSON(w, r, parkCacheKey(r, p.Lang()), localized)
	}
	v, err := localized()
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, v)
	return nil
}

// parkCacheKey is the answer's language, the request's path and its query,
// the query in a canonical order.
func parkCacheKey(r *http.Request, lang string) string {
	return lang + " " + r.URL.Path + "?" + r.URL.Query().Encode()
}
