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

// parksCache holds the public's answers about parks and the registry's
// version they were built from. Staff answers are scoped and never
// cached.
type parksCache struct {
	mu      sync.Mutex
	cache   *web.Cache
	version string
	checked time.Time
}

// publicParks returns the cache of public park answers, emptied when the
// registry changed. If the database cannot be asked, the cache serves.
func (s *handlers) publicParks(ctx context.Context) *web.Cache {
	c := &s.public
	c.mu.Lock()
	defer c.mu.Unlock()
	if time.Since(c.checked) < parksRecheck {
		return c.cache
	}
	if v, err := s.parks.ParksVersion(ctx); err == nil {
		if v != c.version {
			c.cache.Reset()
			c.version = v
		}
		c.checked = time.Now()
	}
	return c.cache
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
