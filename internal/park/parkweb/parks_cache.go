package parkweb

import (
	"net/http"

	"congthuong/internal/web"
)

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
	return s.public.ServeJSON(w, r, p.Lang()+" "+web.QueryKey(r), localized)
}
