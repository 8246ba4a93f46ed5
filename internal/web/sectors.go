package web

import (
	"html/template"
	"strings"

	"congthuong/internal/vsic"
)

// SectorName is an industry's name in the reader's language, or the code
// itself when the table does not know it.
func (p *Printer) SectorName(code string) string {
	if e, ok := vsic.Lookup(code); ok {
		return e.Name(p.Lang())
	}
	return code
}

// Sector shows an industry by its name, its code on hover for those who
// work in codes.
func (p *Printer) Sector(code string) template.HTML {
	if code == "" {
		return ""
	}
	e, ok := vsic.Lookup(code)
	if !ok {
		return template.HTML(`<span translate="no">` + template.HTMLEscapeString(code) + `</span>`)
	}
	return template.HTML(`<span title="VSIC ` + template.HTMLEscapeString(strings.ToUpper(strings.TrimSpace(code))) + `">` +
		template.HTMLEscapeString(e.Name(p.Lang())) + `</span>`)
}

// Sectors shows a list of industries, one per line of a list.
func (p *Printer) Sectors(codes []string) template.HTML {
	var b strings.Builder
	b.WriteString(`<ul class="plain">`)
	for _, c := range codes {
		b.WriteString("<li>")
		b.WriteString(string(p.Sector(c)))
		b.WriteString("</li>")
	}
	b.WriteString("</ul>")
	return template.HTML(b.String())
}

// SectorChoice is a division offered in a picker, under its section.
type SectorChoice struct {
	Section string
	Options []SectorOption
}

// SectorOption is one division of a picker.
type SectorOption struct{ Code, Name string }

// SectorChoices lists the divisions by section for a picker, named in the
// reader's language.
func (p *Printer) SectorChoices() []SectorChoice {
	var out []SectorChoice
	for _, e := range vsic.Divisions() {
		if e.Code == e.Section {
			out = append(out, SectorChoice{Section: e.Name(p.Lang())})
			continue
		}
		last := &out[len(out)-1]
		last.Options = append(last.Options, SectorOption{Code: e.Label(), Name: e.Name(p.Lang())})
	}
	return out
}
