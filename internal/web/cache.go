package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"sync"
)

// responseCache keeps encoded JSON answers to public reference-data queries
// (administrative units), which only change when the reference data is
// reloaded. Keys include the day the query is for, so answers roll over at
// midnight. The cache is bounded: when full it starts again empty.
type responseCache struct {
	mu      sync.RWMutex
	entries map[string]cachedResponse
	max     int
}

type cachedResponse struct {
	body []byte
	etag string
}

func newResponseCache(max int) *responseCache {
	return &responseCache{entries: map[string]cachedResponse{}, max: max}
}

// serveJSON answers from the cache, or builds, encodes and keeps the answer.
// It honours If-None-Match, so browsers and proxies revalidate for free.
func (c *responseCache) serveJSON(w http.ResponseWriter, r *http.Request, key string, build func() (any, error)) error {
	c.mu.RLock()
	e, ok := c.entries[key]
	c.mu.RUnlock()
	if !ok {
		v, err := build()
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			return err
		}
		sum := sha256.Sum256(buf.Bytes())
		e = cachedResponse{body: buf.Bytes(), etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
		c.mu.Lock()
		if len(c.entries) >= c.max {
			c.entries = map[string]cachedResponse{}
		}
		c.entries[key] = e
		c.mu.Unlock()
	}
	h := w.Header()
	h.Set("Cache-Control", "public, max-age=300")
	h.Set("ETag", e.etag)
	if r.Header.Get("If-None-Match") == e.etag {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	h.Set("Content-Type", "application/json; charset=utf-8")
	w.Write(e.body)
	return nil
}
