package legalweb

import (
	"net/http"

	"congthuong/internal/web"
)

// home offers the legal documents library.
func (s *handlers) home(r *http.Request) (web.HomePart, error) {
	p := s.PrinterFor(r)
	return web.HomePart{Services: []web.Service{{Order: 60, ID: "documents", Title: p.T("legal.home_title"),
		Text: p.T("legal.home_text"), Link: "/documents"}}}, nil
}
