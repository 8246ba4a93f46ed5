package qaweb

import (
	"net/http"

	"congthuong/internal/web"
)

// home offers the questions and answers.
func (s *handlers) home(r *http.Request) (web.HomePart, error) {
	p := s.PrinterFor(r)
	return web.HomePart{Services: []web.Service{{Order: 70, ID: "questions", Title: p.T("qa.home_title"),
		Text: p.T("qa.home_text"), Link: "/questions"}}}, nil
}
