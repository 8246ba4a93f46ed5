package congthuong

import (
	"net/mail"
	"strings"
)

// ValidEmail reports whether s is one plain e-mail address (name@domain),
// as net/mail reads it: no display name, no second address, no line breaks
// that would let it write headers of the messages sent to it.
func ValidEmail(s string) bool {
	if len(s) > 254 || strings.ContainsAny(s, "\r\n") {
		return false
	}
	a, err := mail.ParseAddress(s)
	return err == nil && a.Name == "" && a.Address == s && strings.Contains(s[strings.LastIndexByte(s, '@')+1:], ".")
}
