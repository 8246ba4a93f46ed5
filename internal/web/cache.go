package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
)

// Cache keeps encoded answers to public queries whose data change
// rarely: administrative units (only when the reference data is loaded;
// keys include the day, so answers roll over at midnight) and the public
// park registry (emptied when it changes). The cache is bounded: when full
// it starts again empty.
type Cache struct {
	kept[cachedResponse]
	// cacheControl is what clients are told: how long they may keep an
	// answer without asking again.
	cacheControl string
}

type cachedResponse struct {
	body  []byte
	etag  string
	ctype string
}

func NewCache(max int, cacheControl string) *Cache {
	return &Cache{kept: newKept[cachedResponse](max, 0), cacheControl: cacheControl}
}

// Reset forgets every answer.
func (c *Cache) Reset() { c.reset() }

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
	e, gen, ok := c.get(key)
	if !ok {
		var buf bytes.Buffer
		if err := build(&buf); err != nil {
			return err
		}
		sum := sha256.Sum256(buf.Bytes())
		e = cachedResponse{body: buf.Bytes(), etag: `"` + hex.EncodeToString(sum[:12]) + `"`, ctype: ctype}
		c.put(key, e, gen)
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
