package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"congthuong/internal/i18n"
)

const (
	sessionCookie  = "ct_session"
	langCookie     = "ct_lang"
	sizeCookie     = "ct_size"
	contrastCookie = "ct_contrast"
	flashCookie    = "ct_flash"
)

// prefs are the display choices a visitor makes without logging in.
type prefs struct {
	Lang string
	// Size is the text size: small, normal or large ("A-", "A", "A+").
	Size     string
	Contrast bool
}

// Sizes are the text sizes a reader chooses from, smallest first.
var Sizes = []string{"small", "normal", "large"}

// HTMLClass returns the classes for the html element.
func (p prefs) HTMLClass() string {
	var c []string
	if p.Size != "normal" {
		c = append(c, "text-"+p.Size)
	}
	if p.Contrast {
		c = append(c, "contrast-high")
	}
	return strings.Join(c, " ")
}

func prefsFrom(r *http.Request) prefs {
	p := prefs{Lang: languages[0], Size: "normal"}
	if c, err := r.Cookie(langCookie); err == nil {
		for _, l := range languages {
			if c.Value == l {
				p.Lang = l
			}
		}
	}
	if c, err := r.Cookie(sizeCookie); err == nil && (c.Value == "large" || c.Value == "small") {
		p.Size = c.Value
	}
	if c, err := r.Cookie(contrastCookie); err == nil && c.Value == "high" {
		p.Contrast = true
	}
	return p
}

// PrinterFor writes for r's reader: in the language chosen on the site
// (its cookie), else in Vietnamese for a page and in the language the
// client asks for (Accept-Language) for the API, English by default.
func (s *Server) PrinterFor(r *http.Request) *Printer {
	lang := prefsFrom(r).Lang
	if _, err := r.Cookie(langCookie); err != nil && strings.HasPrefix(r.URL.Path, "/api/") {
		lang = apiLanguage(r.Header.Get("Accept-Language"))
	}
	return &Printer{Printer: i18n.Default().Printer(lang)}
}

// apiLanguage is the first spoken language an Accept-Language header
// names, or English.
func apiLanguage(header string) string {
	for _, part := range strings.Split(header, ",") {
		tag, _, _ := strings.Cut(strings.TrimSpace(part), ";")
		base, _, _ := strings.Cut(strings.ToLower(tag), "-")
		for _, l := range languages {
			if base == l {
				return l
			}
		}
	}
	return "en"
}

// handlePrefs sets language, text size or contrast from a plain link, so the
// switches work without JavaScript, and goes back where the visitor was.
func (s *Server) handlePrefs(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	year := 365 * 24 * time.Hour
	if l := q.Get("lang"); l != "" {
		for _, known := range languages {
			if l == known {
				s.setCookie(w, langCookie, l, year)
			}
		}
	}
	switch size := q.Get("size"); size {
	case "large", "small":
		s.setCookie(w, sizeCookie, size, year)
	case "normal":
		s.clearCookie(w, sizeCookie)
	}
	switch q.Get("contrast") {
	case "high":
		s.setCookie(w, contrastCookie, "high", year)
	case "normal":
		s.clearCookie(w, contrastCookie)
	}
	http.Redirect(w, r, localPath(q.Get("back")), http.StatusSeeOther)
}

// localPath accepts only a path on this site, so that redirects cannot be
// turned into open redirects.
func localPath(p string) string {
	u, err := url.Parse(p)
	if err != nil || p == "" || !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") ||
		u.Host != "" || u.Scheme != "" {
		return "/"
	}
	return p
}

func (s *Server) setCookie(w http.ResponseWriter, name, value string, maxAge time.Duration) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: int(maxAge.Seconds()),
		HttpOnly: true, Secure: s.opts.SecureCookies, SameSite: http.SameSiteLaxMode})
}

func (s *Server) clearCookie(w http.ResponseWriter, name string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: s.opts.SecureCookies, SameSite: http.SameSiteLaxMode})
}

// Flash leaves a one-line message (a catalogue key) for the next page.
func (s *Server) Flash(w http.ResponseWriter, key string) {
	s.setCookie(w, flashCookie, key, time.Minute)
}

// takeFlash reads the flash key; the page clears it by rendering with
// Flash set (see clearFlash in routes).
func takeFlash(r *http.Request) string {
	if c, err := r.Cookie(flashCookie); err == nil {
		return c.Value
	}
	return ""
}
