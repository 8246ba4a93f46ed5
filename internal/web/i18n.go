package web

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"congthuong"

	"congthuong/internal/i18n"
)

//go:embed locale/*.json locale/legacy/*.json
var localeFS embed.FS

var _ = i18n.Register("web", MustSub(localeFS, "locale"))

// MustSub is fs.Sub of a directory the binary embeds.
func MustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err)
	}
	return sub
}

// languages the interface speaks; the first is the default.
var languages = i18n.Languages

// legacyMessages translates, into Vietnamese, the messages not yet given
// an ID, by their English text. A message key may hold one "{}", which
// matches any text and is carried into the translation.
type legacyMessages struct {
	exact    map[string]string
	patterns []messagePattern
}

type messagePattern struct{ prefix, suffix, out string }

func loadLegacy() (map[string]*legacyMessages, error) {
	out := map[string]*legacyMessages{"en": {exact: map[string]string{}}}
	b, err := localeFS.ReadFile("locale/legacy/vi.json")
	if err != nil {
		return nil, err
	}
	vi := &legacyMessages{}
	if err := json.Unmarshal(b, &vi.exact); err != nil {
		return nil, fmt.Errorf("web: legacy messages: %w", err)
	}
	for k, v := range vi.exact {
		if i := strings.Index(k, "{}"); i >= 0 {
			vi.patterns = append(vi.patterns, messagePattern{k[:i], k[i+2:], v})
		}
	}
	out["vi"] = vi
	return out, nil
}

// Printer writes for one request, in its reader's language.
type Printer struct {
	*i18n.Printer
	legacy *legacyMessages
}

// M translates a message not yet given an ID; messages without a
// translation stay as they are (English).
func (p *Printer) M(msg string) string {
	if s, ok := p.legacy.exact[msg]; ok {
		return s
	}
	for _, pat := range p.legacy.patterns {
		if len(msg) >= len(pat.prefix)+len(pat.suffix) && strings.HasPrefix(msg, pat.prefix) && strings.HasSuffix(msg, pat.suffix) {
			return strings.Replace(pat.out, "{}", msg[len(pat.prefix):len(msg)-len(pat.suffix)], 1)
		}
	}
	return msg
}

// Message writes a message, an ID with its arguments, as errors carry it.
func (p *Printer) Message(id string, args ...any) string {
	if i18n.Default().Has(id) {
		return p.T(id, args...)
	}
	if len(args) > 0 {
		id = fmt.Sprintf(id, args...)
	}
	return p.M(id)
}

// ErrorText writes err's message; an internal error's says only that.
func (p *Printer) ErrorText(err error) string {
	e := congthuong.AsError(err)
	msg := p.Message(e.Message, e.Args...)
	if e.Problems > len(e.Fields) {
		msg += " " + p.T("error.first_of", len(e.Fields), e.Problems)
	}
	return msg
}

// Fields writes the messages of field errors.
func (p *Printer) Fields(fields []congthuong.FieldError) []congthuong.FieldError {
	out := make([]congthuong.FieldError, len(fields))
	for i, f := range fields {
		out[i] = congthuong.FieldError{Field: f.Field, Row: f.Row, Message: p.Message(f.Message, f.Args...)}
	}
	return out
}

// duration writes a wait in whole seconds or minutes, rounded up.
func (p *Printer) duration(d time.Duration) string {
	n, unit := int((d+time.Second-1)/time.Second), "duration.second"
	if d > time.Minute {
		n, unit = int((d+time.Minute-1)/time.Minute), "duration.minute"
	}
	if n != 1 {
		unit += "s"
	}
	return p.T(unit, n)
}
