package qaweb

import (
	"context"
	"net/http"
	"slices"
	"strconv"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/qa"
	"congthuong/internal/qa/qadb"
	"congthuong/internal/web"
)

// listPage is the public's questions and answers.
type listPage struct {
	Items  []*qadb.Question
	Pager  web.Pager
	Q      string
	Topic  string
	Topics []string
}

func filterOf(r *http.Request) (qadb.Filter, error) {
	q := r.URL.Query()
	page, err := web.ListPage(q)
	if err != nil {
		return qadb.Filter{}, err
	}
	if page.Limit == 0 {
		page.Limit = 20
	}
	f := qadb.Filter{Q: q.Get("q"), Page: page, Status: q.Get("status"), Mine: q.Get("mine") == "1"}
	if t := q.Get("topic"); slices.Contains(qa.Topics, t) {
		f.Topic = t
	}
	return f, nil
}

func (s *handlers) showQuestions(w http.ResponseWriter, r *http.Request) error {
	f, err := filterOf(r)
	if err != nil {
		return err
	}
	items, total, err := s.questions.List(r.Context(), f)
	if err != nil {
		return err
	}
	p := s.PrinterFor(r)
	v := &web.View{Title: p.T("qa.title"), Nav: "questions", Meta: web.Meta{Description: p.T("qa.description"), Canonical: "/questions"}}
	web.Show(s.Server, w, r, http.StatusOK, "questions", v, listPage{Items: items, Pager: web.NewPager(total, f.Page), Q: f.Q,
		Topic: f.Topic, Topics: qa.Topics})
	return nil
}

// questionPage is a published question and its answer.
type questionPage struct{ Q *qadb.Question }

func (s *handlers) showQuestion(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return congthuong.Errorf(congthuong.ENOTFOUND, "qa.no_question", 0)
	}
	q, err := s.questions.Find(congthuong.NewContext(r.Context(), congthuong.Actor{}), id)
	if err != nil {
		return err
	}
	v := &web.View{Title: q.Title, Nav: "questions", Meta: web.Meta{Description: short(q.Body),
		Canonical: "/questions/" + r.PathValue("id"), Type: "article"}}
	web.Show(s.Server, w, r, http.StatusOK, "question", v, questionPage{Q: q})
	return nil
}

// short is the start of a text, for a meta description.
func short(s string) string {
	r := []rune(s)
	if len(r) <= 160 {
		return s
	}
	return string(r[:157]) + "…"
}

// askPage is the form to ask, with what was typed and the form's signed
// time.
type askPage struct {
	Q      qa.Question
	Topics []string
	web.Stamp
	Sent *qadb.Question
}

func (s *handlers) askView(r *http.Request, status int, w http.ResponseWriter, d askPage, err error) {
	p := s.PrinterFor(r)
	d.Topics = qa.Topics
	d.Stamp = s.StampFor("ask")
	v := &web.View{Title: p.T("qa.ask_title"), Nav: "questions", Meta: web.Meta{Canonical: "/questions/ask", Description: p.T("qa.ask_lead")}}
	v.SetFormErrors(p, err)
	web.Show(s.Server, w, r, status, "question_ask", v, d)
}

func (s *handlers) showAsk(w http.ResponseWriter, r *http.Request) error {
	s.askView(r, http.StatusOK, w, askPage{Q: qa.Question{Topic: r.URL.Query().Get("topic")}}, nil)
	return nil
}

// doAsk records a question. A program is turned away without a third
// party: a field people leave empty, and a signed time the form was shown
// (too soon, or forged, is not a person).
func (s *handlers) doAsk(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	f := r.PostForm
	in := qa.Question{Topic: f.Get("topic"), Name: f.Get("name"), Email: f.Get("email"), Phone: f.Get("phone"), Title: f.Get("title"),
		Body: f.Get("question")}
	human, stale := s.Sender(f, "ask")
	if !human {
		// Answered as if sent, so that a program learns nothing.
		s.askView(r, http.StatusOK, w, askPage{Sent: &qadb.Question{}}, nil)
		return nil
	}
	if stale {
		s.askView(r, http.StatusUnprocessableEntity, w, askPage{Q: in}, congthuong.Errorf(congthuong.EINVALID, "qa.form_expired"))
		return nil
	}
	client := web.ClientOf(r)
	if s.asked.Wait(client) > 0 {
		return congthuong.Errorf(congthuong.ETOOMANY, "qa.too_many_questions")
	}
	q, err := s.questions.Ask(r.Context(), &in, s.PrinterFor(r).Lang())
	if err != nil {
		if congthuong.ErrorCode(err) != congthuong.EINVALID {
			return err
		}
		in.Normalize()
		s.askView(r, http.StatusUnprocessableEntity, w, askPage{Q: in}, err)
		return nil
	}
	s.asked.Fail(client)
	s.askView(r, http.StatusOK, w, askPage{Sent: q}, nil)
	return nil
}

// sitemap lists the published questions.
func (s *handlers) sitemap(ctx context.Context) ([]web.SitemapURL, error) {
	items, _, err := s.questions.List(congthuong.NewContext(ctx, congthuong.Actor{}), qadb.Filter{Page: db.Page{Limit: db.MaxLimit}})
	if err != nil {
		return nil, err
	}
	out := []web.SitemapURL{{Path: "/questions"}}
	for _, q := range items {
		out = append(out, web.SitemapURL{Path: "/questions/" + strconv.FormatInt(q.ID, 10), Modified: *q.PublishedAt})
	}
	return out, nil
}

func (s *handlers) apiQuestions(w http.ResponseWriter, r *http.Request) error {
	f, err := filterOf(r)
	if err != nil {
		return err
	}
	items, total, err := s.questions.List(r.Context(), f)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, web.NewList(items, total, f.Page))
	return nil
}

func (s *handlers) apiQuestion(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return congthuong.Errorf(congthuong.ENOTFOUND, "qa.no_question", 0)
	}
	q, err := s.questions.Find(r.Context(), id)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, q)
	return nil
}
