package i18n

import (
	"fmt"
	"html/template"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"congthuong"
)

// Printer writes messages, numbers and dates in one language.
type Printer struct {
	lang string
	c    *Catalogue
	p    *message.Printer
}

// Lang is the language code ("vi", "en"), for the html lang attribute.
func (p *Printer) Lang() string { return p.lang }

// T writes the message id with args, the numbers among them in the
// reader's way. A message without arguments is written as it stands (a
// "%" in it is only a percent sign). An unknown ID shows as itself, so
// that it is noticed; the catalogue tests make sure none is.
func (p *Printer) T(id string, args ...any) string {
	if !p.c.Has(id) {
		missing.Store(id, true)
		if len(args) == 0 {
			return id
		}
		return id + " " + strings.TrimSpace(fmt.Sprintln(args...))
	}
	if len(args) == 0 {
		if s, ok := p.c.texts[p.lang][id].(string); ok {
			return s
		}
	}
	return p.p.Sprintf(message.Key(id, id), p.nested(args)...)
}

// nested writes the messages (congthuong.Text) and names
// (congthuong.Name) among args in the printer's language.
func (p *Printer) nested(args []any) []any {
	out := args
	for i, a := range args {
		var s string
		switch a := a.(type) {
		case congthuong.Text:
			s = p.T(a.ID, a.Args...)
		case congthuong.Name:
			s = p.Name(a)
		default:
			continue
		}
		if &out[0] == &args[0] {
			out = slices.Clone(args)
		}
		out[i] = s
	}
	return out
}

// Name writes a record's name in the reader's language, or in Vietnamese
// when it has none in English.
func (p *Printer) Name(n congthuong.Name) string {
	if p.lang == "en" && n.EN != "" {
		return n.EN
	}
	return n.VI
}

// Named is n for a page: the name in the page's language, and the
// Vietnamese one marked as Vietnamese (lang="vi") on an English page when
// there is no English name, so that a screen reader speaks it as
// Vietnamese.
func (p *Printer) Named(n congthuong.Name) template.HTML {
	if p.lang == "en" && n.EN == "" && n.VI != "" {
		return template.HTML(`<span lang="vi">` + template.HTMLEscapeString(n.VI) + `</span>`)
	}
	return template.HTML(template.HTMLEscapeString(p.Name(n)))
}

// Label names key in the reader's language: the first message prefix+key
// the catalogue has, for a prefix in prefixes; else key itself, for a value
// that has no name (an action of a module that names none).
func (p *Printer) Label(key string, prefixes ...string) string {
	for _, prefix := range prefixes {
		if p.c.Has(prefix + key) {
			return p.T(prefix + key)
		}
	}
	return key
}

// Bytes writes a file's size: bytes, kilobytes or megabytes.
func (p *Printer) Bytes(n int64) string {
	switch {
	case n >= 1<<20:
		return p.T("size.mb", p.Num(float64(n)/(1<<20), 1))
	case n >= 1<<10:
		return p.T("size.kb", p.Num(float64(n)/(1<<10), 0))
	}
	return p.T("size.bytes", n)
}

// Msg writes the message id with the arguments in args, for templates,
// which cannot spread a slice into arguments.
func (p *Printer) Msg(id string, args []any) string { return p.T(id, args...) }

// missing records the IDs asked for that no catalogue gives, for the tests
// that walk the pages (Missing).
var missing sync.Map

// Missing lists the message IDs asked for since the process started that
// no catalogue gives, sorted.
func Missing() []string {
	var out []string
	missing.Range(func(k, _ any) bool {
		out = append(out, k.(string))
		return true
	})
	sort.Strings(out)
	return out
}

// Int writes a whole number: 11.208 in Vietnamese, 11,208 in English.
func (p *Printer) Int(n int) string { return p.p.Sprint(number.Decimal(n)) }

// Int64 writes a large whole number, an amount of đồng, as Int does.
func (p *Printer) Int64(n int64) string { return p.p.Sprint(number.Decimal(n)) }

// Num writes a number with exactly decimals digits after the point:
// 11.208,5 in Vietnamese, 11,208.5 in English.
func (p *Printer) Num(x float64, decimals int) string {
	return p.p.Sprint(number.Decimal(x, number.MinFractionDigits(decimals), number.MaxFractionDigits(decimals)))
}

// NumP writes an optional number, or a dash.
func (p *Printer) NumP(x *float64, decimals int) string {
	if x == nil {
		return "—"
	}
	return p.Num(*x, decimals)
}

// Decimal writes an exact decimal ("-11208.50", as stored) in the reader's
// way, keeping every digit it has.
func (p *Printer) Decimal(s string) string {
	neg := strings.HasPrefix(s, "-")
	whole, frac, hasFrac := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	n, err := strconv.Atoi(whole)
	if err != nil {
		return s
	}
	out := p.Int(n)
	if hasFrac {
		out += p.point() + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// point is the decimal separator.
func (p *Printer) point() string {
	if p.lang == "vi" {
		return ","
	}
	return "."
}

// Hectares is what Ha writes: an area as an exact decimal of hectares.
type Hectares interface{ Hectares() string }

// Ha writes an area in hectares with its exact decimals.
func (p *Printer) Ha(a Hectares) string { return p.Decimal(a.Hectares()) }

// Date writes a day: 07/12/2026 in Vietnamese, 7 Dec 2026 in English, in
// Vietnam's time.
func (p *Printer) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if p.lang == "vi" {
		return t.In(congthuong.Location).Format("02/01/2006")
	}
	return t.In(congthuong.Location).Format("2 Jan 2006")
}

// Day writes a day given as YYYY-MM-DD as Date does; a text that is not
// such a day is returned as it is.
func (p *Printer) Day(iso string) string {
	t, err := time.ParseInLocation("2006-01-02", iso, congthuong.Location)
	if err != nil {
		return iso
	}
	return p.Date(t)
}

// DateTime writes a day and time: 07/12/2026 15:04 in Vietnamese,
// 7 Dec 2026 15:04 in English, in Vietnam's time.
func (p *Printer) DateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return p.Date(t) + " " + t.In(congthuong.Location).Format("15:04")
}
