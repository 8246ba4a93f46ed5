package newsweb

import (
	"context"
	"html/template"
	"io"
	"net/http"
	"slices"
	"strconv"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/news"
	"congthuong/internal/news/newsdb"
	"congthuong/internal/web"
)

// listPage is the public's list of news and announcements, filtered.
type listPage struct {
	Items      []*newsdb.Article
	Pager      web.Pager
	Q          string
	Category   string
	Kind       string
	Topic      string
	Categories []string
	Kinds      []string
}

// filterOf reads the list's filters; a category or kind not of the lists
// is dropped rather than refused, as a stale link would have it.
func filterOf(r *http.Request) (newsdb.Filter, error) {
	q := r.URL.Query()
	page, err := web.ListPage(q)
	if err != nil {
		return newsdb.Filter{}, err
	}
	if page.Limit == 0 {
		page.Limit = 20
	}
	f := newsdb.Filter{Q: q.Get("q"), Topic: q.Get("topic"), Page: page}
	if c := q.Get("category"); slices.Contains(news.Categories, c) {
		f.Category = c
	}
	if k := q.Get("kind"); slices.Contains(news.Kinds, k) {
		f.Kind = k
	}
	return f, nil
}

func (s *handlers) showNews(w http.ResponseWriter, r *http.Request) error {
	p := s.PrinterFor(r)
	f, err := filterOf(r)
	if err != nil {
		return err
	}
	items, total, err := s.news.List(r.Context(), f)
	if err != nil {
		return err
	}
	title := p.T("news.title")
	if f.Category != "" {
		title = p.T("news.category_" + f.Category)
	}
	v := &web.View{Title: title, Nav: "news"}
	v.Meta = web.Meta{Description: p.T("news.description"), Canonical: "/news", Feeds: s.feedsFor(p, f.Category)}
	if f.Category != "" {
		v.Meta.Canonical = "/news?category=" + f.Category
	}
	web.Show(s.Server, w, r, http.StatusOK, "news", v, listPage{Items: items, Pager: web.NewPager(total, f.Page), Q: f.Q,
		Category: f.Category, Kind: f.Kind, Topic: f.Topic, Categories: news.Categories, Kinds: news.Kinds})
	return nil
}

// feedsFor are the feeds a page offers: all news, and its category's.
func (s *handlers) feedsFor(p *web.Printer, category string) []web.Feed {
	feeds := []web.Feed{{Title: p.T("news.feed_all"), Path: "/news/feed.atom", Type: "application/atom+xml"}}
	if category != "" {
		feeds = append(feeds, web.Feed{Title: p.T("news.feed_of", p.T("news.category_"+category)),
			Path: "/news/feed.atom?category=" + category, Type: "application/atom+xml"})
	}
	return feeds
}

// articlePage is an article as the public reads it.
type articlePage struct {
	A       *newsdb.Article
	Text    news.Text
	HTML    template.HTML
	Image   *newsdb.File
	Files   []newsdb.File
	Changes []newsdb.Change
	Related []*newsdb.Article
	Views   int64
	// Untranslated says the reader asked for English and the article has
	// none.
	Untranslated bool
	Withdrawn    bool
}

func (s *handlers) showArticle(w http.ResponseWriter, r *http.Request) error {
	p := s.PrinterFor(r)
	a, err := s.news.Find(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	if !a.Public(s.Now()) {
		// Editors read a draft on their desk, where its actions are.
		http.Redirect(w, r, "/news/manage/"+strconv.FormatInt(a.ID, 10), http.StatusSeeOther)
		return nil
	}
	d := articlePage{A: a, Text: a.In(p.Lang()), Untranslated: p.Lang() == "en" && !a.Has("en"), Withdrawn: a.Status == news.Withdrawn}
	if !d.Withdrawn {
		d.HTML = template.HTML(a.HTMLIn(p.Lang())) // sanitised when saved (news.Render)
		if err := s.articleExtras(r.Context(), &d); err != nil {
			return err
		}
	}
	v := &web.View{Title: d.Text.Title, Nav: "news"}
	v.Meta = web.Meta{Description: d.Text.Summary, Canonical: "/news/" + a.Slug, Type: "article", Feeds: s.feedsFor(p, a.Category)}
	if d.Image != nil {
		v.Meta.Image = fileURL(a, d.Image)
	}
	status := http.StatusOK
	if d.Withdrawn {
		status = http.StatusGone
	}
	web.Show(s.Server, w, r, status, "news_article", v, d)
	return nil
}

// articleExtras reads what an article's page shows beside its text.
func (s *handlers) articleExtras(ctx context.Context, d *articlePage) error {
	files, err := s.news.Files(ctx, d.A)
	if err != nil {
		return err
	}
	for i := range files {
		if files[i].Kind == "image" {
			d.Image = &files[i]
		} else {
			d.Files = append(d.Files, files[i])
		}
	}
	if d.Changes, err = s.news.Changes(ctx, d.A); err != nil {
		return err
	}
	if d.Related, err = s.news.Related(ctx, d.A, 4); err != nil {
		return err
	}
	d.Views, err = s.news.Views(ctx, d.A)
	return err
}

// fileURL is where an article's file is read.
func fileURL(a *newsdb.Article, f *newsdb.File) string {
	return "/news/files/" + a.Slug + "/" + strconv.FormatInt(f.ID, 10)
}

func (s *handlers) serveFile(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return congthuong.Errorf(congthuong.ENOTFOUND, "news.no_file", r.PathValue("id"))
	}
	f, content, err := s.news.OpenFile(r.Context(), r.PathValue("slug"), id)
	if err != nil {
		return err
	}
	defer content.Close()
	w.Header().Set("Content-Type", f.ContentType)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	if f.Kind == "image" {
		web.Disposition(w, "inline", f.FileName)
	} else {
		web.Attachment(w, f.FileName)
	}
	_, err = io.Copy(w, content)
	return err
}

// doRate records a reader's rating: one per reader and article, the reader
// known by a keyed hash of their address and browser, never a cookie.
func (s *handlers) doRate(w http.ResponseWriter, r *http.Request) error {
	slug := r.PathValue("slug")
	client := web.ClientOf(r)
	if wait := s.votes.Wait(client); wait > 0 {
		return congthuong.Errorf(congthuong.ETOOMANY, "news.too_many_votes")
	}
	s.votes.Fail(client)
	stars, _ := strconv.Atoi(r.FormValue("stars"))
	counted, err := s.news.Rate(r.Context(), slug, s.Sign("vote", slug, client, r.UserAgent()), stars)
	if congthuong.ErrorCode(err) == congthuong.EINVALID {
		s.Flash(w, "news.choose_stars")
		http.Redirect(w, r, "/news/"+slug+"#rating", http.StatusSeeOther)
		return nil
	}
	if err != nil {
		return err
	}
	if counted {
		s.Flash(w, "news.thanks_for_rating")
	} else {
		s.Flash(w, "news.rated_already")
	}
	http.Redirect(w, r, "/news/"+slug+"#rating", http.StatusSeeOther)
	return nil
}

// sitemap lists the published articles.
func (s *handlers) sitemap(ctx context.Context) ([]web.SitemapURL, error) {
	items, _, err := s.news.List(congthuong.NewContext(ctx, congthuong.Actor{}), newsdb.Filter{Page: db.Page{Limit: db.MaxLimit}})
	if err != nil {
		return nil, err
	}
	out := []web.SitemapURL{{Path: "/news"}}
	for _, a := range items {
		m := a.ModifiedAt
		out = append(out, web.SitemapURL{Path: "/news/" + a.Slug, Modified: m})
	}
	return out, nil
}
