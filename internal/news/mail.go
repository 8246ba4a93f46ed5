package news

import (
	"strings"

	"congthuong/internal/i18n"
)

// The e-mails to subscribers: the confirmation of a subscription (double
// opt-in) and a new article of a subscribed category. Each is written in the
// language the reader subscribed in, and ends with the link that
// unsubscribes in one click.

// site is the platform's public address without a final slash.
func site(s string) string { return strings.TrimSuffix(s, "/") }

// ConfirmLink and UnsubscribeLink are a subscriber's links.
func ConfirmLink(siteURL, token string) string {
	return site(siteURL) + "/news/subscribe/confirm?token=" + token
}

func UnsubscribeLink(siteURL, token string) string {
	return site(siteURL) + "/news/unsubscribe?token=" + token
}

// ConfirmMail asks the owner of an address to confirm a subscription to
// categories.
func ConfirmMail(lang, siteURL, token string, categories []string) (subject, body string) {
	p := i18n.Default().Printer(lang)
	names := make([]string, len(categories))
	for i, c := range categories {
		names[i] = p.T("news.category_" + c)
	}
	subject = p.T("news.mail_confirm_subject")
	body = p.T("news.mail_confirm_body", strings.Join(names, ", "), ConfirmLink(siteURL, token)) + "\n\n" +
		p.T("news.mail_not_you") + "\n"
	return subject, body
}

// ArticleMail tells a subscriber of a new article.
func ArticleMail(lang, siteURL, token string, a *Article) (subject, body string) {
	p := i18n.Default().Printer(lang)
	t := a.In(lang)
	subject = p.T("news.mail_article_subject", p.T("news.category_"+a.Category), t.Title)
	body = t.Title + "\n\n" + t.Summary + "\n\n" + p.T("news.mail_read", site(siteURL)+"/news/"+a.Slug) + "\n\n" +
		p.T("news.mail_unsubscribe", UnsubscribeLink(siteURL, token)) + "\n"
	return subject, body
}
