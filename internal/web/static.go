package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed static
var staticFS embed.FS

// assets serves the embedded static files under URLs that carry a hash of
// their content (/static/app.3f2a9c1b.css), so that they can be cached for a
// year and a new release is fetched at once.
type assets struct {
	byURL  map[string]asset
	urlFor map[string]string // file name → hashed URL
}

type asset struct {
	body  []byte
	ctype string
	// gz is the body gzipped once at start, for clients that accept it;
	// nil where compressing does not pay (images).
	gz []byte
}

// compressible says whether a static file of type ctype is worth gzipping.
func compressible(ctype string) bool {
	for _, t := range []string{"text/", "application/javascript", "image/svg+xml", "application/json"} {
		if strings.HasPrefix(ctype, t) {
			return true
		}
	}
	return false
}

func gzipped(body []byte) []byte {
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zw.Write(body)
	zw.Close()
	return b.Bytes()
}

func loadAssets() (*assets, error) {
	a := &assets{byURL: map[string]asset{}, urlFor: map[string]string{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "static/")
		sum := sha256.Sum256(body)
		ext := path.Ext(name)
		url := "/static/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
		f := asset{body: body, ctype: mime.TypeByExtension(ext)}
		if compressible(f.ctype) {
			if gz := gzipped(body); len(gz) < len(body) {
				f.gz = gz
			}
		}
		a.byURL[url] = f
		a.urlFor[name] = url
		return nil
	})
	return a, err
}

// URL returns the hashed URL of a static file; templates call it as
// {{asset "app.css"}}.
func (a *assets) URL(name string) string {
	if u, ok := a.urlFor[name]; ok {
		return u
	}
	return "/static/missing/" + name
}

func (a *assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f, ok := a.byURL[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", f.ctype)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	body := f.body
	if f.gz != nil {
		w.Header().Add("Vary", "Accept-Encoding")
		if acceptsGzip(r) {
			w.Header().Set("Content-Encoding", "gzip")
			body = f.gz
		}
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// acceptsGzip says whether the client takes gzip (Accept-Encoding).
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), "gzip") && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}
