package news

import (
	"bytes"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"congthuong/internal/unit"
)

// Editors write Markdown, never HTML: the browser sends text, goldmark
// turns it into HTML (raw HTML in the text is dropped, not passed on), and
// bluemonday's policy for user content keeps only safe elements and
// attributes, so that even a flaw in one of them leaves no script on a page.
// docs/PORTAL.md says why Markdown rather than an HTML editor.

var (
	markdown = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify))
	policy   = func() *bluemonday.Policy {
		p := bluemonday.UGCPolicy()
		p.RequireNoFollowOnLinks(false)
		p.RequireNoReferrerOnLinks(true)
		p.AddTargetBlankToFullyQualifiedLinks(false)
		p.AllowAttrs("scope").OnElements("th")
		return p
	}()
)

// Render turns an editor's Markdown into safe HTML.
func Render(md string) string {
	var b bytes.Buffer
	if err := markdown.Convert([]byte(md), &b); err != nil {
		// goldmark fails only on a failing writer; a buffer never does.
		return policy.Sanitize("<p>" + md + "</p>")
	}
	return policy.SanitizeReader(&b).String()
}

// Sanitize is the HTML policy applied to any HTML (an import, a test).
func Sanitize(html string) string { return policy.Sanitize(html) }

// maxSlug bounds an article's address: long enough to read, short enough to
// share.
const maxSlug = 80

// Slug is an article's address made from its Vietnamese title: folded
// (no diacritics, lower case), words joined by hyphens. The store makes it
// unique.
func Slug(title string) string {
	words := strings.FieldsFunc(unit.Fold(title), func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') })
	var b strings.Builder
	for _, w := range words {
		if b.Len() > 0 && b.Len()+1+len(w) > maxSlug {
			break
		}
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(w[:min(len(w), maxSlug)])
	}
	if b.Len() == 0 {
		return "bai-viet"
	}
	return b.String()
}

// SearchText is what search reads of an article: both languages' titles,
// summaries, topics and bodies, folded.
func SearchText(a *Article) string {
	parts := []string{a.VI.Title, a.VI.Summary, strings.Join(a.Topics, " "), a.VI.Body, a.EN.Title, a.EN.Summary, a.EN.Body}
	return unit.Fold(strings.Join(parts, " "))
}
