package procedureweb

import (
	"net/http"

	"congthuong/internal/web"
)

// home offers the public the ways into the procedures: file a dossier,
// follow one, check a result.
func (s *handlers) home(r *http.Request) (web.HomePart, error) {
	p := s.PrinterFor(r)
	return web.HomePart{Services: []web.Service{
		{Order: 10, ID: "file", Title: p.T("procedures.home_file"), Text: p.T("procedures.home_file_text"), Link: "/procedures"},
		{Order: 20, ID: "tracking", Title: p.T("procedures.home_track"), Text: p.T("procedures.home_track_text"), Link: "/tracking"},
		{Order: 30, ID: "verify", Title: p.T("procedures.home_verify"), Text: p.T("procedures.home_verify_text"), Link: "/verify"},
	}}, nil
}
