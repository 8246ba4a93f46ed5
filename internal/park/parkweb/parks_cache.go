package parkweb

import (
	"context"
	"net/http"

	"congthuong/internal/web"

	"congthuong"
)

// publicParks returns the cache of public park answers, emptied when the
// registry changed.
func (s *handlers) publicParks(ctx context.Context) *web.Cache { return s.public.Answers(ctx) }

// publicParkPages returns the cache of anonymous readers' pages about
// parks, emptied when the registry changed.
func (s *handlers) publicParkPages(ctx context.Context) *web.PageCache { return s.public.Pages(ctx) }

// parkRead answers a read of the registry, its warnings in the reader's
// language: the public's from the cache, staff's built for them.
func (s *handlers) parkRead(w http.ResponseWriter, r *http.Request, build func() (any, error)) error {
	p := s.PrinterFor(r)
	localized := func() (any, error) {
		v, err := build()
		if err == nil {
			p.Localize(v)
		}
		return v, err
	}
	if congthuong.ActorFrom(r.Context()).Anonymous() {
		return s.publicParks(r.Context()).ServeJSON(w, r, parkCacheKey(r, p.Lang()), localized)
	}
	v, err := localized()
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, v)
	return nil
}

// parkCacheKey is the answer's language, the request's path and its query,
// the query in a canonical order.
func parkCacheKey(r *http.Request, lang string) string {
	return lang + " " + r.URL.Path + "?" + r.URL.Query().Encode()
}
