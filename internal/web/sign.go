package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
)

// Sign is a keyed hash of parts under the platform's secret (the audit
// key; a fixed word when a test runs without one): a reader's vote known
// without a cookie, a form's time that a program cannot forge.
func (s *Server) Sign(parts ...string) string {
	key := []byte(s.db.AuditKey())
	if len(key) == 0 {
		key = []byte("congthuong")
	}
	mac := hmac.New(sha256.New, key)
	for _, p := range parts {
		mac.Write([]byte(p))
		mac.Write([]byte{0})
	}
	return hex.EncodeToString(mac.Sum(nil))
}
