package web

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"congthuong/internal/park"
	"congthuong/internal/stats"
)

//go:embed locale/*.json
var localeFS embed.FS

// Languages the interface speaks; the first is the default.
var languages = []string{"vi", "en"}

// catalog is one language's strings: UI keys, and translations of the
// (English) messages that errors carry. A message key may hold one "{}",
// which matches any text and is carried into the translation.
type catalog struct {
	UI       map[string]string `json:"ui"`
	Messages map[string]string `json:"messages"`
	patterns []messagePattern
}

type messagePattern struct{ prefix, suffix, out string }

// loadCatalogs merges the modules' strings, language by language. Two
// modules may not give the same UI key; they may translate the same
// message only in the same words.
func loadCatalogs(modules []Module) (map[string]*catalog, error) {
	out := map[string]*catalog{}
	for _, lang := range languages {
		c := &catalog{UI: map[string]string{}, Messages: map[string]string{}}
		for _, m := range modules {
			if m.Locale == nil {
				continue
			}
			b, err := fs.ReadFile(m.Locale, lang+".json")
			if err != nil {
				return nil, fmt.Errorf("web: module %s: %w", m.Name, err)
			}
			var part catalog
			if err := json.Unmarshal(b, &part); err != nil {
				return nil, fmt.Errorf("web: module %s: locale %s: %w", m.Name, lang, err)
			}
			for k, v := range part.UI {
				if _, dup := c.UI[k]; dup {
					return nil, fmt.Errorf("web: module %s: %s string %q is another module's", m.Name, lang, k)
				}
				c.UI[k] = v
			}
			for k, v := range part.Messages {
				if have, dup := c.Messages[k]; dup && have != v {
					return nil, fmt.Errorf("web: module %s: %s message %q is translated otherwise by another module", m.Name, lang, k)
				}
				c.Messages[k] = v
			}
		}
		for k, v := range c.Messages {
			if i := strings.Index(k, "{}"); i >= 0 {
				c.patterns = append(c.patterns, messagePattern{k[:i], k[i+2:], v})
			}
		}
		out[lang] = c
	}
	return out, nil
}

// Printer translates for one request.
type Printer struct {
	lang string
	c    *catalog
}

// T returns the string for key, formatted with args; a missing key shows as
// itself so that it is noticed (a test checks none is missing).
func (p *Printer) T(key string, args ...any) string {
	s, ok := p.c.UI[key]
	if !ok {
		s = key
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// M translates an error message; messages without a translation stay as
// they are (English).
func (p *Printer) M(msg string) string {
	if s, ok := p.c.Messages[msg]; ok {
		return s
	}
	for _, pat := range p.c.patterns {
		if len(msg) >= len(pat.prefix)+len(pat.suffix) && strings.HasPrefix(msg, pat.prefix) && strings.HasSuffix(msg, pat.suffix) {
			return strings.Replace(pat.out, "{}", msg[len(pat.prefix):len(msg)-len(pat.suffix)], 1)
		}
	}
	return msg
}

// Lang is the language code, for the html lang attribute.
func (p *Printer) Lang() string { return p.lang }

// Ha writes an area in hectares with its exact decimals, in the reader's
// way: 11.208,5 in Vietnamese, 11,208.5 in English.
func (p *Printer) Ha(a park.Area) string {
	s := a.Hectares()
	whole, frac, hasFrac := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	n, _ := strconv.ParseFloat(whole, 64)
	out := stats.FormatNumber(n, 0, p.lang)
	if hasFrac {
		if p.lang == "vi" {
			out += "," + frac
		} else {
			out += "." + frac
		}
	}
	if strings.HasPrefix(s, "-") {
		out = "-" + out
	}
	return out
}

// Num writes a number with the given decimals, in the reader's way.
func (p *Printer) Num(x float64, decimals int) string { return stats.FormatNumber(x, decimals, p.lang) }

// NumP writes an optional number, or a dash.
func (p *Printer) NumP(x *float64, decimals int) string {
	if x == nil {
		return "—"
	}
	return p.Num(*x, decimals)
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
