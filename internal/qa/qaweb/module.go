// Package qaweb serves the questions to the department: the public's
// questions and answers, the form to ask, and the department's desk.
package qaweb

import (
	"embed"
	"io/fs"
	"time"

	"congthuong/internal/i18n"
	"congthuong/internal/qa/qadb"
	"congthuong/internal/web"
)

//go:embed templates locale/*.json openapi.json
var files embed.FS

var _ = i18n.Register("qaweb", web.MustSub(files, "locale"))

// handlers serve the questions.
type handlers struct {
	*web.Server
	questions *qadb.Questions
	// asked limits the questions one client sends.
	asked *web.FailureLimit
}

// Register adds the questions to srv.
func Register(srv *web.Server, questions *qadb.Questions) {
	s := &handlers{Server: srv, questions: questions, asked: web.NewFailureLimit(5, time.Hour)}
	templates, _ := fs.Sub(files, "templates")
	openapi, _ := files.ReadFile("openapi.json")
	srv.Add(web.Module{
		Name: "qa",
		API: []web.Route{
			web.Get("/api/v1/questions", s.API(s.apiQuestions)),
			web.Get("/api/v1/questions/{id}", s.API(s.apiQuestion)),
		},
		Pages: []web.Route{
			web.Get("/questions", s.Page(s.showQuestions)),
			web.Get("/questions/ask", s.Page(s.showAsk)),
			web.Post("/questions/ask", s.Page(s.doAsk)),
			web.Get("/questions/manage", s.Page(s.showManage)),
			web.Get("/questions/manage/{id}", s.Page(s.showDesk)),
			web.Post("/questions/manage/{id}/assign", s.Page(s.doAssign)),
			web.Post("/questions/manage/{id}/answer", s.Page(s.doAnswer)),
			web.Get("/questions/{id}", s.Page(s.showQuestion)),
		},
		Templates: templates,
		Types: []web.PageType{web.PageOf[listPage]("questions"), web.PageOf[questionPage]("question"),
			web.PageOf[askPage]("question_ask"), web.PageOf[managePage]("questions_manage"), web.PageOf[deskPage]("question_desk")},
		OpenAPI: openapi,
		Home:    s.home,
		Search:  s.search,
		Sitemap: s.sitemap,
	})
}
