package web

import (
	"net/http"

	"congthuong/internal/db"
)

// outboxPage is the e-mails, and whether a mail server sends them.
type outboxPage struct {
	Items []db.Mail
	SMTP  bool
}

// showOutbox lets administrators read the e-mails the platform sent or
// holds: without a mail server they stay here.
func (s *Server) showOutbox(w http.ResponseWriter, r *http.Request) error {
	mails, err := s.db.Outbox(r.Context(), 200)
	if err != nil {
		return err
	}
	Show(s, w, r, http.StatusOK, "outbox", &View{Title: s.PrinterFor(r).T("outbox.title"), Nav: "outbox"},
		outboxPage{Items: mails, SMTP: s.opts.SMTP})
	return nil
}
