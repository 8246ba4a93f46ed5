// Package vsic names the codes of Vietnam's Standard Industrial
// Classification (VSIC 2018, Decision 27/2018/QĐ-TTg) at its first two
// levels, in Vietnamese and English, so that a page shows "Manufacture of
// basic metals" where the record holds "C24". Sources and what is not
// verified: docs/DOMAIN.md, "Industries (VSIC)".
package vsic

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"strings"
	"sync"
)

// vsic2018.csv lists the 21 sections (A–U) and 88 divisions (two digits)
// of the decision's appendix, with the ISIC Rev. 4 titles of the same
// codes in English.
//
//go:embed vsic2018.csv
var table2018 []byte

// Entry is a section (one letter) or a division (two digits).
type Entry struct {
	Code    string // "C" or "24"
	Section string // the section a division belongs to; its own letter for a section
	VI, EN  string
}

// Name gives the name of a section or division in lang ("vi", else
// English).
func (e Entry) Name(lang string) string {
	if lang == "vi" {
		return e.VI
	}
	return e.EN
}

// Label is a division's code as records write it: section letter and
// digits, "C24".
func (e Entry) Label() string {
	if e.Code == e.Section {
		return e.Code
	}
	return e.Section + e.Code
}

var load = sync.OnceValues(func() (map[string]Entry, []Entry) {
	rows, err := csv.NewReader(bytes.NewReader(table2018)).ReadAll()
	if err != nil || len(rows) < 2 {
		panic("vsic: the embedded table does not read: " + err.Error())
	}
	byCode := map[string]Entry{}
	var order []Entry
	section := ""
	for _, r := range rows[1:] {
		e := Entry{Code: r[0], VI: r[1], EN: r[2]}
		if len(e.Code) == 1 {
			section = e.Code
		}
		e.Section = section
		byCode[e.Code] = e
		order = append(order, e)
	}
	return byCode, order
})

// Lookup finds the division a code belongs to ("C2410", "C24", "2410" and
// "24" all give division 24; "C" gives the section), or false when the
// code names no division of the table or its letter is not the
// division's section.
func Lookup(code string) (Entry, bool) {
	byCode, _ := load()
	code = strings.ToUpper(strings.TrimSpace(code))
	letter := ""
	if code != "" && code[0] >= 'A' && code[0] <= 'Z' {
		letter, code = code[:1], code[1:]
	}
	if code == "" {
		e, ok := byCode[letter]
		return e, ok && letter != ""
	}
	if len(code) < 2 {
		return Entry{}, false
	}
	for _, c := range code {
		if c < '0' || c > '9' {
			return Entry{}, false
		}
	}
	e, ok := byCode[code[:2]]
	if !ok || (letter != "" && letter != e.Section) {
		return Entry{}, false
	}
	return e, true
}

// Divisions lists every division in the table's order, with its section
// before it, as a picker shows them.
func Divisions() []Entry {
	_, order := load()
	return order
}
