package procedure

import (
	"strings"

	"congthuong"
	"congthuong/internal/i18n"
)

// The e-mails that tell an applicant of their dossier, at the moments that
// concern them (TellsApplicant): filed, received, papers or a fee asked
// for, refused or stopped with the reason, the result ready, an apology
// for a delay. Each carries the officer's message to the applicant, never
// an internal note, and the link to follow the dossier. They are written
// in Vietnamese: the platform keeps no language per applicant.

// vi writes the applicant's messages.
func vi() *i18n.Printer { return i18n.Default().Printer("vi") }

// MailKind is the moment an e-mail is about: an action of the workflow, or
// the filing itself (Filed) or an apology slip (Apologized).
type MailKind string

// The moments that are not workflow actions.
const (
	Filed      MailKind = "filed"
	Apologized MailKind = "apologized"
)

// Mail is the e-mail telling the applicant of d that kind happened, with
// the officer's message and the link to follow the dossier (TrackingLink).
func Mail(d *Dossier, kind MailKind, message, link string) (subject, body string) {
	p := vi()
	subject = p.T("mail.subject", d.Code, p.T("mail.about_"+string(kind)))
	var b strings.Builder
	b.WriteString(p.T("mail.greeting", d.Applicant.Name) + "\n\n")
	b.WriteString(p.T("mail.dossier", d.Code, d.ProcedureName) + "\n")
	b.WriteString(p.T("mail.body_"+string(kind)) + "\n")
	if message = strings.TrimSpace(message); message != "" {
		b.WriteString(p.T("mail.message", message) + "\n")
	}
	switch {
	case kind == Apologized && d.ApologyDue != nil:
		b.WriteString(p.T("mail.due", d.ApologyDue.In(congthuong.Location).Format("15:04 02/01/2006")) + "\n")
	case kind == MailKind(Approve) && d.ResultNumber != "":
		b.WriteString(p.T("mail.result_number", d.ResultNumber) + "\n")
	case d.DueAt != nil && !d.Status.Final() && d.Status != Processed:
		b.WriteString(p.T("mail.due", d.DueAt.In(congthuong.Location).Format("15:04 02/01/2006")) + "\n")
	}
	b.WriteString("\n" + p.T("mail.follow", link) + "\n")
	if d.TrackingKey != "" {
		b.WriteString(p.T("mail.key", d.TrackingKey) + "\n")
	}
	return subject, b.String()
}

// TrackingLink is the address at site (the platform's public address,
// without a final slash) where d can be followed with its tracking key.
func TrackingLink(site string, d *Dossier) string {
	link := strings.TrimSuffix(site, "/") + "/tracking?code=" + d.Code
	if d.TrackingKey != "" {
		link += "&key=" + d.TrackingKey
	}
	return link
}
