package qa

import (
	"strconv"
	"strings"

	"congthuong/internal/i18n"
)

// The e-mails to an asker, in the language they asked in: the question
// received, and its answer.

// ReceivedMail tells the asker the question arrived, with its number.
func ReceivedMail(lang string, q *Question) (subject, body string) {
	p := i18n.Default().Printer(lang)
	subject = p.T("qa.mail_received_subject", q.ID)
	body = p.T("qa.mail_greeting", q.Name) + "\n\n" + p.T("qa.mail_received_body", q.Title) + "\n"
	return subject, body
}

// AnswerMail gives the asker the answer; link is the public page when the
// answer is published.
func AnswerMail(lang, link string, q *Question) (subject, body string) {
	p := i18n.Default().Printer(lang)
	subject = p.T("qa.mail_answer_subject", q.ID)
	var b strings.Builder
	b.WriteString(p.T("qa.mail_greeting", q.Name) + "\n\n")
	b.WriteString(p.T("qa.mail_your_question", q.Title) + "\n\n" + q.Answer + "\n")
	if link != "" {
		b.WriteString("\n" + p.T("qa.mail_published", link) + "\n")
	}
	return subject, b.String()
}

// Link is a published question's address at site.
func Link(site string, q *Question) string {
	return strings.TrimSuffix(site, "/") + "/questions/" + strconv.FormatInt(q.ID, 10)
}
