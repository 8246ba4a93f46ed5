package web

import "strings"

// vietnameseLetters are letters only Vietnamese of the two languages
// uses (with their tone marks folded away, these are what remains).
const vietnameseLetters = "ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"

// TextLang names the language of a text the platform did not write in
// the reader's language (an e-mail in the outbox, sent in its recipient's
// language): Vietnamese when at least a fifth of its words have a
// Vietnamese letter (most Vietnamese words do; an English text quotes a
// Vietnamese name now and then), else English. It marks the text for
// screen readers, which then pronounce it right.
func TextLang(texts ...string) string {
	words, vi := 0, 0
	for _, t := range texts {
		for _, w := range strings.Fields(t) {
			words++
			if strings.ContainsAny(w, vietnameseLetters) {
				vi++
			}
		}
	}
	if words > 0 && vi*5 >= words {
		return "vi"
	}
	return "en"
}
