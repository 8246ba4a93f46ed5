package web

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"time"
)

// SitemapURL is a public page for search engines: its path and when it
// last changed (zero: unknown).
type SitemapURL struct {
	Path     string
	Modified time.Time
}

// sitemapPages are the core's public pages; the modules add theirs.
var sitemapPages = []string{"/", "/data", "/search", "/login"}

// maxSitemapURLs is the protocol's limit for one sitemap file.
const maxSitemapURLs = 50_000

type sitemapXML struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// serveSitemap lists the public pages of every module (sitemaps.org),
// read as the public reads them.
func (s *Server) serveSitemap(w http.ResponseWriter, r *http.Request) error {
	out := sitemapXML{}
	add := func(u SitemapURL) {
		x := sitemapURL{Loc: s.AbsURL(u.Path)}
		if !u.Modified.IsZero() {
			x.LastMod = u.Modified.UTC().Format("2006-01-02")
		}
		if len(out.URLs) < maxSitemapURLs {
			out.URLs = append(out.URLs, x)
		}
	}
	for _, p := range sitemapPages {
		add(SitemapURL{Path: p})
	}
	for _, m := range s.modules {
		if m.Sitemap == nil {
			continue
		}
		urls, err := m.Sitemap(r.Context())
		if err != nil {
			return fmt.Errorf("web: sitemap of %s: %w", m.Name, err)
		}
		for _, u := range urls {
			add(u)
		}
	}
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write([]byte(xml.Header))
	return xml.NewEncoder(w).Encode(out)
}

// serveRobots lets search engines read the public pages, not the staff's,
// and points them to the sitemap.
func (s *Server) serveRobots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintf(w, "User-agent: *\nDisallow: /admin/\nDisallow: /account/\nDisallow: /api/\nDisallow: /news/manage\nSitemap: %s\n",
		s.AbsURL("/sitemap.xml"))
}
