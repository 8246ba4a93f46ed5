package park

import (
	"strconv"

	"congthuong/internal/i18n"
)

// LeadReceivedMail acknowledges an investor's interest, in the language
// they wrote in, with the number to quote.
func LeadReceivedMail(l *Lead) (subject, body string) {
	p := i18n.Default().Printer(l.Lang)
	subject = p.T("park.lead_mail_subject", l.SiteName)
	body = p.T("park.lead_mail_greeting", l.Name) + "\n\n" + p.T("park.lead_mail_body", l.SiteName, strconv.FormatInt(l.ID, 10)) + "\n"
	return subject, body
}
