package unitweb

import (
	"net/http"

	"congthuong/internal/web"
)

// home offers the administrative units.
func (s *handlers) home(r *http.Request) (web.HomePart, error) {
	p := s.PrinterFor(r)
	return web.HomePart{Services: []web.Service{{Order: 80, ID: "units", Title: p.T("units.home_title"),
		Text: p.T("units.home_text"), Link: "/units"}}}, nil
}
