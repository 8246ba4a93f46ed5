package parkweb

import (
	"net/http"

	"congthuong/internal/web"
)

// home offers investors the industrial land.
func (s *handlers) home(r *http.Request) (web.HomePart, error) {
	p := s.PrinterFor(r)
	return web.HomePart{Services: []web.Service{{Order: 40, ID: "parks", Title: p.T("parks.home_title"),
		Text: p.T("parks.home_text"), Link: "/parks"}}}, nil
}
