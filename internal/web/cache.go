package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"sync"
)

// Cache keeps encoded answers to public queries whose data change
// rarely: administrative units (only when the reference data is loaded;
// keys include the day, so answers roll over at midnight) and the public
// park registry (emptied when it changes). The cache is bounded: when full
// it starts again empty.
type Cache struct {
	mu      sync.RWMutex
	entries map[string]cachedResponse
	max     int
	// cacheControl is what clients are told: how long they may keep an
	// answer without asking again.
	cacheControl string
	// gen counts the resets: an answer built from data read before a reset
	// is not kept after it.
	gen uint64
}

type cachedResponse struct {
	body  []byte
	etag  string
	ctype string
}

func NewCache(max int, cacheControl string) *Cache {
	return &Cache{entries: map[string]cachedResponse{}, max: max, cacheControl: cacheControl}
}

// Reset forgets every answer.
func (c *Cache) Reset() {
	c.mu.Lock()
	c.entries = map[string]cachedResponse{}
	c.gen++
	c.mu.Unlock()
}

// ServeJSON answers from the cache, or builds, encodes and keeps the answer.
func (c *Cache) ServeJSON(w http.ResponseWriter, r *http.Request, key string, build func() (any, error)) error {
	return c.Serve(w, r, key, "application/json; charset=utf-8", func(buf *bytes.Buffer) error {
		v, err := build()
		if err != nil {
			return err
		}
		enc := json.NewEncoder(buf)
		enc.SetEscapeHTML(false)
		return enc.Encode(v)
	})
}

// Serve answers from the cache, or writes the answer with build and keeps
// it. It honours If-None-Match, so browsers and proxies revalidate for
// free.
func (c *Cache) Serve(w http.ResponseWriter, r *http.Request, key, ctype string, build func(*bytes.Buffer) error) error {
	c.mu.RLock()
	e, ok := c.entries[key]
	gen := c.gen
	c.mu.RUnlock()
	if !ok {
		var buf bytes.Buffer
		if err := build(&buf); err != nil {
			return err
		}
		sum := sha256.Sum256(buf.Bytes())
		e = cachedResponse{body: buf.Bytes(), etag: `"` + hex.EncodeToString(sum[:12]) + `"`, ctype: ctype}
		c.mu.Lock()
		if gen == c.gen {
			if len(c.entries) >= c.max {
				c.entries = map[string]cachedResponse{}
			}
			c.entries[key] = e
		}
		c.mu.Unlock()
	}
	h := w.Header()
	h.Set("Cache-Control", c.cacheControl)
	h.Set("ETag", e.etag)
	if r.Header.Get("If-None-Match") == e.etag {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	h.Set("Content-Type", e.ctype)
	w.Write(e.body)
	return nil
}
