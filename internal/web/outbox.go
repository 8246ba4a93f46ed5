package web

import "net/http"

// showOutbox lets administrators read the e-mails the platform sent or
// holds: without a mail server they stay here.
func (s *Server) showOutbox(w http.ResponseWriter, r *http.Request) error {
	mails, err := s.db.Outbox(r.Context(), 200)
	if err != nil {
		return err
	}
	s.Render(w, r, http.StatusOK, "outbox", &View{Title: s.PrinterFor(r).T("outbox.title"), Nav: "outbox",
		D: map[string]any{"Items": mails, "SMTP": s.opts.SMTP}})
	return nil
}
