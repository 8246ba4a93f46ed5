package web

import (
	"net/http"
	"strconv"
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
	kept[[]byte]
}

func NewPageCache(max int, maxAge time.Duration) *PageCache {
	return &PageCache{kept: newKept[[]byte](max, maxAge)}
}

// Reset forgets every page.
func (c *PageCache) Reset() { c.reset() }

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
	key := pr.Lang + " " + pr.Size + " " + strconv.FormatBool(pr.Contrast) + " " + QueryKey(r)
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

// QueryKey is the request's path and its query, the query in a canonical
// order: what a cached answer or page is kept by.
func QueryKey(r *http.Request) string { return r.URL.Path + "?" + r.URL.Query().Encode() }
