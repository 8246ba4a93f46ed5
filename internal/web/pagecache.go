package web

import (
	"net/http"
	"sync"
	"time"

	"congthuong"
)

// PageCache keeps public pages as anonymous readers are shown them,
// rendered, for a module that knows when its data change (and resets the
// cache then). A page that nobody signed in sees the same way is rendered
// once per language and display preferences instead of once per reader.
// Entries also expire after maxAge, so that what every page shares (the
// footer's visit counts) stays close to current. The cache is bounded:
// when full it starts again empty.
type PageCache struct {
	mu      sync.RWMutex
	entries map[string]cachedPage
	max     int
	maxAge  time.Duration
	// gen counts the resets: a page built from data read before a reset is
	// not kept after it.
	gen uint64
}

type cachedPage struct {
	body  []byte
	built time.Time
}

func NewPageCache(max int, maxAge time.Duration) *PageCache {
	return &PageCache{entries: map[string]cachedPage{}, max: max, maxAge: maxAge}
}

// Reset forgets every page.
func (c *PageCache) Reset() {
	c.mu.Lock()
	c.entries = map[string]cachedPage{}
	c.gen++
	c.mu.Unlock()
}

// get returns the page kept for key, or the generation to put one in.
func (c *PageCache) get(key string) (body []byte, gen uint64, ok bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	e, ok := c.entries[key]
	if !ok || time.Since(e.built) > c.maxAge {
		return nil, c.gen, false
	}
	return e.body, c.gen, true
}

// put keeps body for key unless the cache was reset since gen.
func (c *PageCache) put(key string, body []byte, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if len(c.entries) >= c.max {
		c.entries = map[string]cachedPage{}
	}
	c.entries[key] = cachedPage{body: body, built: time.Now()}
}

// ShowCached shows the page name with the data build returns, as Show
// does; for an anonymous reader with no message waiting (a flash) it
// serves the page from c, rendering it only when c does not hold it. The
// page must be one that every anonymous reader sees alike for the same
// address, language and display preferences, and build must fail rather
// than return a page with errors.
func ShowCached[T any](s *Server, c *PageCache, w http.ResponseWriter, r *http.Request, name string, v *View, build func() (T, error)) error {
	if c == nil || !congthuong.ActorFrom(r.Context()).Anonymous() || takeFlash(r) != "" {
		d, err := build()
		if err != nil {
			return err
		}
		Show(s, w, r, http.StatusOK, name, v, d)
		return nil
	}
	pr := prefsFrom(r)
	key := pr.Lang + " " + pr.Size + " " + boolKey(pr.Contrast) + " " + r.URL.Path + "?" + r.URL.Query().Encode()
	body, gen, ok := c.get(key)
	if !ok {
		d, err := build()
		if err != nil {
			return err
		}
		if body, err = s.execute(r, name, v, Page[T]{View: v, D: d}); err != nil {
			s.RenderError(w, r, err)
			return nil
		}
		c.put(key, body, gen)
	}
	writePage(w, http.StatusOK, body)
	return nil
}

func boolKey(b bool) string {
	if b {
		return "1"
	}
	return "0"
}
