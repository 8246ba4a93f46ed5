package enterprise

import (
	"strings"

	"congthuong/internal/unit"
)

// legalForms are words nearly every name carries ("Công ty TNHH", "Cổ
// phần"); they are left out of the search index, where they would match
// everything and make every search slow.
// Place names that share a syllable with a legal form ("Thanh Hà") keep it:
// only syllables that are almost never anything else are listed.
var legalForms = map[string]bool{
	"cong": true, "ty": true, "tnhh": true, "co": true, "phan": true, "chi": true, "nhanh": true, "mtv": true,
	"trach": true, "nhiem": true, "huu": true, "han": true, "jsc": true, "ltd": true, "company": true,
	"limited": true, "corporation": true, "corp": true, "joint": true, "stock": true,
}

// SearchWords returns the distinct indexable words of a name or query:
// folded (no case, no diacritics), split on anything that is not a letter
// or digit, legal-form words dropped.
func SearchWords(s string) []string {
	f := strings.FieldsFunc(unit.Fold(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	out := f[:0]
	seen := map[string]bool{}
	for _, w := range f {
		if !legalForms[w] && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}
