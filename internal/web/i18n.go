package web

import (
	"embed"
	"io/fs"
	"time"

	"congthuong"

	"congthuong/internal/i18n"
)

//go:embed locale/*.json
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

// Printer writes for one request, in its reader's language.
type Printer struct {
	*i18n.Printer
}

// Message writes a message, an ID with its arguments, as errors carry it.
func (p *Printer) Message(id string, args ...any) string { return p.T(id, args...) }

// ErrorText writes err's message; an internal error's says only that.
func (p *Printer) ErrorText(err error) string {
	e := congthuong.AsError(err)
	msg := p.T(e.Message, e.Args...)
	if e.Problems > len(e.Fields) {
		msg += " " + p.T("error.first_of", len(e.Fields), e.Problems)
	}
	return msg
}

// Fields writes the messages of field errors.
func (p *Printer) Fields(fields []congthuong.FieldError) []congthuong.FieldError {
	out := make([]congthuong.FieldError, len(fields))
	for i, f := range fields {
		out[i] = congthuong.FieldError{Field: f.Field, Row: f.Row, Message: p.T(f.Message, f.Args...)}
	}
	return out
}

// duration writes a wait in whole seconds or minutes, rounded up.
func (p *Printer) duration(d time.Duration) string {
	n, unit := int((d+time.Second-1)/time.Second), "duration.second"
	if d > time.Minute {
		n, unit = int((d+time.Minute-1)/time.Minute), "duration.minute"
	}
	return p.T(unit, n)
}
