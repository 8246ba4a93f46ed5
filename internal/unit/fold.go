package unit

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// stripMarks holds transformers that remove combining marks: building the
// chain costs more than running it on a name, and a bulk import folds a
// hundred thousand names.
var stripMarks = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// Fold turns a name into its search key: lower case, no diacritics, đ as d,
// single spaces. "THỦY NGUYÊN", "Thuỷ Nguyên" and "thuy  nguyen" all fold to
// "thuy nguyen". Keys are computed here and stored, so that search behaves
// the same on every database.
func Fold(s string) string {
	t := stripMarks.Get().(transform.Transformer)
	t.Reset()
	out, _, err := transform.String(t, s)
	stripMarks.Put(t)
	if err != nil {
		out = s
	}
	var b strings.Builder
	b.Grow(len(out))
	space := false
	for _, r := range out {
		switch {
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		default:
			r = unicode.ToLower(r)
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
