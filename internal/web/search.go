package web

import (
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"congthuong"
	"congthuong/internal/unit"
)

// One search over the whole platform: each module finds its own records
// that the reader may see (Module.Search, through its store's access
// rules), and the core ranks them all by the same rule, so that an answer
// and a decree compete on what they say, not on which module wrote them.

// SearchPerKind is the most hits a module gives one search.
const SearchPerKind = 10

// SearchHit is a record a search found: its kind (news, document,
// question, procedure, park, unit, enterprise: "search.kind_" + Kind names
// it), title, a short text around the words, its address (empty: a record
// without a public page), the language of its title and text when it is
// not the reader's, and its score.
type SearchHit struct {
	Kind     string  `json:"kind"`
	KindName string  `json:"kind_name"`
	Title    string  `json:"title"`
	Text     string  `json:"text,omitempty"`
	URL      string  `json:"url,omitempty"`
	Lang     string  `json:"lang,omitempty"`
	TextLang string  `json:"text_lang,omitempty"`
	Score    float64 `json:"score"`
}

// maxSearchQuery bounds a query, in characters.
const maxSearchQuery = 200

// Score ranks a record for the words of q: each word found in the title
// counts three, in the text one; the whole query in the title adds five,
// a title that starts with it two more. Words are compared folded
// (unit.Fold): case and diacritics do not count.
func Score(q, title, text string) float64 {
	fq, ft, fx := unit.Fold(q), unit.Fold(title), unit.Fold(text)
	score := 0.0
	for _, w := range strings.Fields(fq) {
		switch {
		case containsWord(ft, w):
			score += 3
		case strings.Contains(ft, w):
			score += 2
		case containsWord(fx, w):
			score += 1
		case strings.Contains(fx, w):
			score += 0.5
		}
	}
	if fq != "" && strings.Contains(ft, fq) {
		score += 5
		if strings.HasPrefix(ft, fq) {
			score += 2
		}
	}
	return score
}

// containsWord reports whether w is a whole word of s.
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(w)
		if (start == 0 || !isWordByte(s[start-1])) && (end == len(s) || !isWordByte(s[end])) {
			return true
		}
		i = start + 1
	}
}

func isWordByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80 }

// Snippet is up to n characters of text around the first word of q it
// contains, for a result's line.
func Snippet(q, text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	runes := []rune(text)
	folded := []rune(unit.Fold(text))
	at := 0
	if len(folded) == len(runes) {
		for _, w := range strings.Fields(unit.Fold(q)) {
			if i := strings.Index(string(folded), w); i >= 0 {
				at = utf8.RuneCountInString(string(folded)[:i])
				break
			}
		}
	}
	start := max(0, at-n/3)
	end := min(len(runes), start+n)
	out := string(runes[start:end])
	if start > 0 {
		out = "…" + out
	}
	if end < len(runes) {
		out += "…"
	}
	return out
}

// searchPage is the one search's question and results.
type searchPage struct {
	Q     string
	Kind  string
	Hits  []SearchHit
	Kinds []kindCount
	Short bool
}

// kindCount is how many results a kind has.
type kindCount struct {
	Key   string
	Count int
}

// search asks every module and ranks what they found.
func (s *Server) search(r *http.Request, q string) ([]SearchHit, error) {
	var hits []SearchHit
	for _, m := range s.modules {
		if m.Search == nil {
			continue
		}
		found, err := m.Search(r, q)
		if err != nil {
			return nil, err
		}
		if len(found) > SearchPerKind {
			found = found[:SearchPerKind]
		}
		p := s.PrinterFor(r)
		for i := range found {
			found[i].KindName = p.T("search.kind_" + found[i].Kind)
			found[i].Score = Score(q, found[i].Title, found[i].Text)
		}
		hits = append(hits, found...)
	}
	slices.SortStableFunc(hits, func(a, b SearchHit) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return 0
	})
	return hits, nil
}

// searchQuery reads the question: trimmed and bounded; shorter than two
// characters asks for nothing.
func searchQuery(r *http.Request) (q string, short bool) {
	q = strings.Join(strings.Fields(r.URL.Query().Get("q")), " ")
	if utf8.RuneCountInString(q) > maxSearchQuery {
		q = string([]rune(q)[:maxSearchQuery])
	}
	return q, q != "" && utf8.RuneCountInString(q) < 2
}

func (s *Server) showSearch(w http.ResponseWriter, r *http.Request) error {
	p := s.PrinterFor(r)
	q, short := searchQuery(r)
	d := searchPage{Q: q, Kind: r.URL.Query().Get("kind"), Short: short}
	if q != "" && !short {
		hits, err := s.search(r, q)
		if err != nil {
			return err
		}
		counts := map[string]int{}
		for _, h := range hits {
			if counts[h.Kind] == 0 {
				d.Kinds = append(d.Kinds, kindCount{Key: h.Kind})
			}
			counts[h.Kind]++
			if d.Kind == "" || h.Kind == d.Kind {
				d.Hits = append(d.Hits, h)
			}
		}
		for i := range d.Kinds {
			d.Kinds[i].Count = counts[d.Kinds[i].Key]
		}
	}
	title := p.T("search.title")
	if q != "" {
		title = p.T("search.title_for", q)
	}
	Show(s, w, r, http.StatusOK, "search", &View{Title: title, Nav: "search", Meta: Meta{Canonical: "/search",
		Description: p.T("search.description")}}, d)
	return nil
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	q, short := searchQuery(r)
	hits := []SearchHit{}
	if q != "" && !short {
		var err error
		if hits, err = s.search(r, q); err != nil {
			return err
		}
	}
	WriteJSON(w, http.StatusOK, map[string]any{"q": q, "items": hits})
	return nil
}

// NameIn is a record's name in the reader's language, and "vi" when it
// is the Vietnamese one on an English page (a hit's Lang).
func NameIn(p *Printer, n congthuong.Name) (name, lang string) {
	if p.Lang() == "en" {
		if n.EN != "" {
			return n.EN, ""
		}
		return n.VI, "vi"
	}
	return n.VI, ""
}
