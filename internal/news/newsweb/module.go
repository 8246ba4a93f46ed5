// Package newsweb serves the department's news and announcements: the
// public's list, articles, feeds and subscriptions, and the editors'
// desk.
package newsweb

import (
	"embed"
	"io/fs"
	"time"

	"congthuong/internal/i18n"
	"congthuong/internal/news/newsdb"
	"congthuong/internal/web"
)

//go:embed templates locale/*.json openapi.json
var files embed.FS

var _ = i18n.Register("newsweb", web.MustSub(files, "locale"))

// handlers serve the news.
type handlers struct {
	*web.Server
	news *newsdb.News
	// votes and subscriptions limit what one client may send: ratings
	// and confirmation e-mails are cheap to ask for and not to abuse.
	votes, subscriptions *web.FailureLimit
}

// Register adds the news to srv.
func Register(srv *web.Server, n *newsdb.News) {
	s := &handlers{Server: srv, news: n, votes: web.NewFailureLimit(30, time.Hour), subscriptions: web.NewFailureLimit(5, time.Hour)}
	templates, _ := fs.Sub(files, "templates")
	openapi, _ := files.ReadFile("openapi.json")
	srv.Add(web.Module{
		Name: "news",
		API: []web.Route{
			web.Get("/api/v1/news", s.API(s.apiNews)),
			web.Get("/api/v1/news/{slug}", s.API(s.apiArticle)),
		},
		Pages: []web.Route{
			web.Get("/news", s.Page(s.showNews)),
			web.Get("/news/feed.atom", s.Page(s.serveAtom)),
			web.Get("/news/feed.rss", s.Page(s.serveRSS)),
			web.Get("/news/subscribe", s.Page(s.showSubscribe)),
			web.Post("/news/subscribe", s.Page(s.doSubscribe)),
			web.Get("/news/subscribe/confirm", s.Page(s.doConfirm)),
			web.Get("/news/unsubscribe", s.Page(s.showUnsubscribe)),
			web.Post("/news/unsubscribe", s.Page(s.doUnsubscribe)),
			web.Get("/news/{slug}", s.Page(s.showArticle)),
			web.Post("/news/{slug}/rate", s.Page(s.doRate)),
			web.Get("/news/files/{slug}/{id}", s.Page(s.serveFile)),
			web.Get("/news/manage", s.Page(s.showManage)),
			web.Get("/news/manage/new", s.Page(s.showNew)),
			web.Post("/news/manage/new", s.Page(s.doCreate)),
			web.Get("/news/manage/{id}", s.Page(s.showDesk)),
			web.Get("/news/manage/{id}/edit", s.Page(s.showEdit)),
			web.Post("/news/manage/{id}/edit", s.Page(s.doEdit)),
			web.Post("/news/manage/{id}/act", s.Page(s.doAct)),
			web.Post("/news/manage/{id}/files", s.Page(s.doAddFile)),
			web.Post("/news/manage/{id}/files/{file}/delete", s.Page(s.doDeleteFile)),
		},
		Templates: templates,
		Types: []web.PageType{web.PageOf[listPage]("news"), web.PageOf[articlePage]("news_article"),
			web.PageOf[managePage]("news_manage"), web.PageOf[formPage]("news_form"), web.PageOf[deskPage]("news_desk"),
			web.PageOf[subscribePage]("news_subscribe")},
		OpenAPI:  openapi,
		Home:     s.home,
		Datasets: s.datasets,
		Search:   s.search,
		Sitemap:  s.sitemap,
	})
}
