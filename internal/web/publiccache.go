package web

import (
	"context"
	"net/http"
	"sync"
	"time"

	"congthuong"
)

// publicRecheck is how long a process serves a module's cached public
// answers and pages before asking the database whether the module's data
// changed (perhaps through another process). A change made through this
// process is seen at once (Changed, Watch).
const publicRecheck = time.Second

// publicPagesAge is how long an anonymous reader's page is served as
// rendered, however still the module's data: what every page shares (the
// footer's visit counts) moves on.
const publicPagesAge = 30 * time.Second

// PublicCache holds a module's answers (JSON, files) and pages for the
// public and the version of the module's data they were built from: a
// setting the module's store bumps in the transaction of every change
// (db.Tx.BumpVersion), so that every process sharing the database tells
// from one cheap read that what it keeps is stale. Staff answers are
// scoped and never cached.
type PublicCache struct {
	answers *Cache
	pages   *PageCache
	version func(context.Context) (string, error)

	mu      sync.Mutex
	current string
	checked time.Time
}

// NewPublicCache keeps answers told cacheControl and pages, for data
// whose version the function returns.
func NewPublicCache(version func(context.Context) (string, error), cacheControl string) *PublicCache {
	return &PublicCache{answers: NewCache(4096, cacheControl), pages: NewPageCache(1024, publicPagesAge), version: version}
}

// Answers returns the cache of public answers, emptied if the data
// changed. If the database cannot be asked, the cache serves.
func (c *PublicCache) Answers(ctx context.Context) *Cache {
	c.check(ctx)
	return c.answers
}

// Pages returns the cache of anonymous readers' pages, emptied if the data
// changed.
func (c *PublicCache) Pages(ctx context.Context) *PageCache {
	c.check(ctx)
	return c.pages
}

func (c *PublicCache) check(ctx context.Context) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if time.Since(c.checked) < publicRecheck {
		return
	}
	if v, err := c.version(ctx); err == nil {
		if v != c.current {
			c.answers.Reset()
			c.pages.Reset()
			c.current = v
		}
		c.checked = time.Now()
	}
}

// ServeJSON answers an anonymous reader from the cache of answers (see
// Cache.ServeJSON), and builds the answer afresh for anyone signed in,
// whose answers are scoped.
func (c *PublicCache) ServeJSON(w http.ResponseWriter, r *http.Request, key string, build func() (any, error)) error {
	if congthuong.ActorFrom(r.Context()).Anonymous() {
		return c.Answers(r.Context()).ServeJSON(w, r, key, build)
	}
	v, err := build()
	if err != nil {
		return err
	}
	WriteJSON(w, http.StatusOK, v)
	return nil
}

// Changed makes the next read ask for the data's version.
func (c *PublicCache) Changed() {
	c.mu.Lock()
	c.checked = time.Time{}
	c.mu.Unlock()
}

// Watch makes each of routes that may write (any but GET) call Changed
// once it has answered, so that a change made through this process is
// seen at once.
func (c *PublicCache) Watch(routes []Route) []Route {
	for i, rt := range routes {
		if rt.Method == http.MethodGet {
			continue
		}
		h := rt.Handler
		routes[i].Handler = func(w http.ResponseWriter, r *http.Request) {
			h(w, r)
			c.Changed()
		}
	}
	return routes
}
