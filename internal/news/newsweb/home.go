package newsweb

import (
	"net/http"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/news"
	"congthuong/internal/news/newsdb"
	"congthuong/internal/web"
)

// homeItems is how many of the latest items the home page asks for.
const homeItems = 6

// home gives the home page the latest published news and announcements,
// as the public reads them whoever is signed in.
func (s *handlers) home(r *http.Request) (web.HomePart, error) {
	ctx := congthuong.NewContext(r.Context(), congthuong.Actor{})
	items, _, err := s.news.List(ctx, newsdb.Filter{Page: db.Page{Limit: homeItems}})
	if err != nil {
		return web.HomePart{}, err
	}
	p := s.PrinterFor(r)
	lang := p.Lang()
	var part web.HomePart
	for _, a := range items {
		t := a.In(lang)
		h := web.Headline{Kind: p.T("news.kind_" + a.Kind), Title: t.Title, Summary: t.Summary, URL: "/news/" + a.Slug,
			Notice: a.Kind == news.KindAnnouncement}
		if a.PublishAt != nil {
			h.Published = *a.PublishAt
		}
		if lang == "en" && !a.Has("en") {
			h.Lang = "vi"
		}
		part.Headlines = append(part.Headlines, h)
	}
	return part, nil
}
