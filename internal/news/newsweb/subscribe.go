package newsweb

import (
	"net/http"

	"congthuong"
	"congthuong/internal/news"
	"congthuong/internal/web"
)

// subscribePage is the subscription form, and each step after it: the
// confirmation link sent, the subscription confirmed, the question before
// unsubscribing and its answer.
type subscribePage struct {
	Email      string
	Chosen     map[string]bool
	Categories []string
	// State is "" (the form), "sent", "confirmed", "unsubscribe" or
	// "unsubscribed".
	State string
	Token string
}

func (s *handlers) subscribeView(r *http.Request) *web.View {
	p := s.PrinterFor(r)
	return &web.View{Title: p.T("news.subscribe_title"), Nav: "news", Meta: web.Meta{Canonical: "/news/subscribe",
		Description: p.T("news.subscribe_lead")}}
}

func (s *handlers) showSubscribe(w http.ResponseWriter, r *http.Request) error {
	chosen := map[string]bool{}
	if c := r.URL.Query().Get("category"); c != "" {
		chosen[c] = true
	}
	web.Show(s.Server, w, r, http.StatusOK, "news_subscribe", s.subscribeView(r), subscribePage{Chosen: chosen, Categories: news.Categories})
	return nil
}

func (s *handlers) doSubscribe(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	d := subscribePage{Email: r.PostForm.Get("email"), Chosen: map[string]bool{}, Categories: news.Categories}
	for _, c := range r.PostForm["categories"] {
		d.Chosen[c] = true
	}
	v := s.subscribeView(r)
	// A field no person sees: a program that fills every field is not
	// a reader (the anti-spam measure needs no third party).
	if r.PostForm.Get("website") != "" {
		d.State = "sent"
		web.Show(s.Server, w, r, http.StatusOK, "news_subscribe", v, d)
		return nil
	}
	client := web.ClientOf(r)
	if wait := s.subscriptions.Wait(client); wait > 0 {
		return congthuong.Errorf(congthuong.ETOOMANY, "news.too_many_subscriptions")
	}
	err := s.news.Subscribe(r.Context(), d.Email, r.PostForm["categories"], s.PrinterFor(r).Lang())
	if err != nil {
		if congthuong.ErrorCode(err) != congthuong.EINVALID {
			return err
		}
		v.Errors, _ = web.FormErrors(s.PrinterFor(r), err)
		v.Anchors = map[string]string{"categories": "category-" + news.Categories[0]}
		web.Show(s.Server, w, r, http.StatusUnprocessableEntity, "news_subscribe", v, d)
		return nil
	}
	s.subscriptions.Fail(client)
	d.State = "sent"
	web.Show(s.Server, w, r, http.StatusOK, "news_subscribe", v, d)
	return nil
}

func (s *handlers) doConfirm(w http.ResponseWriter, r *http.Request) error {
	cats, err := s.news.Confirm(r.Context(), r.URL.Query().Get("token"))
	if err != nil {
		return err
	}
	d := subscribePage{State: "confirmed", Chosen: map[string]bool{}, Categories: news.Categories}
	for _, c := range cats {
		d.Chosen[c] = true
	}
	web.Show(s.Server, w, r, http.StatusOK, "news_subscribe", s.subscribeView(r), d)
	return nil
}

// showUnsubscribe asks before unsubscribing: a link followed by a mail
// program's scanner must not unsubscribe anybody, so the page's one
// button does.
func (s *handlers) showUnsubscribe(w http.ResponseWriter, r *http.Request) error {
	d := subscribePage{State: "unsubscribe", Token: r.URL.Query().Get("token")}
	web.Show(s.Server, w, r, http.StatusOK, "news_subscribe", s.subscribeView(r), d)
	return nil
}

// doUnsubscribe unsubscribes; mail programs' one-click unsubscribe
// (RFC 8058) posts here too.
func (s *handlers) doUnsubscribe(w http.ResponseWriter, r *http.Request) error {
	token := r.FormValue("token")
	if err := s.news.Unsubscribe(r.Context(), token); err != nil {
		return err
	}
	web.Show(s.Server, w, r, http.StatusOK, "news_subscribe", s.subscribeView(r), subscribePage{State: "unsubscribed"})
	return nil
}
