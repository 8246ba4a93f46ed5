package newsweb

import (
	"net/http"
	"slices"

	"github.com/gorilla/feeds"

	"congthuong/internal/db"
	"congthuong/internal/news"
	"congthuong/internal/news/newsdb"
)

// feedSize is how many articles a feed carries.
const feedSize = 30

// feed builds the feed of the latest articles, of one category when the
// query names one, in the reader's language.
func (s *handlers) feed(r *http.Request) (*feeds.Feed, error) {
	p := s.PrinterFor(r)
	f := newsdb.Filter{Page: db.Page{Limit: feedSize}}
	title := p.T("app.name") + " · " + p.T("news.title")
	if c := r.URL.Query().Get("category"); slices.Contains(news.Categories, c) {
		f.Category = c
		title = p.T("app.name") + " · " + p.T("news.category_"+c)
	}
	items, _, err := s.news.List(r.Context(), f)
	if err != nil {
		return nil, err
	}
	out := &feeds.Feed{Title: title, Link: &feeds.Link{Href: s.AbsURL("/news")}, Description: p.T("news.description"),
		Id: s.AbsURL("/news")}
	for _, a := range items {
		t := a.In(p.Lang())
		updated := *a.PublishAt
		if a.UpdatedAt != nil && a.UpdatedAt.After(updated) {
			updated = *a.UpdatedAt
		}
		if updated.After(out.Updated) {
			out.Updated = updated
		}
		out.Items = append(out.Items, &feeds.Item{Id: s.AbsURL("/news/" + a.Slug), Title: t.Title,
			Link: &feeds.Link{Href: s.AbsURL("/news/" + a.Slug)}, Description: t.Summary, Content: a.HTMLIn(p.Lang()),
			Created: *a.PublishAt, Updated: updated})
	}
	if out.Updated.IsZero() {
		out.Updated = s.Now()
	}
	return out, nil
}

func (s *handlers) serveAtom(w http.ResponseWriter, r *http.Request) error {
	f, err := s.feed(r)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	return f.WriteAtom(w)
}

func (s *handlers) serveRSS(w http.ResponseWriter, r *http.Request) error {
	f, err := s.feed(r)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	return f.WriteRss(w)
}
