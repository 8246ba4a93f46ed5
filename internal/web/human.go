package web

import (
	"net/url"
	"strconv"
	"time"
)

// A public form (a question, an investor's interest) turns programs away
// without a third party: it carries a field people leave empty ("website",
// hidden from them) and the time it was shown, signed by the server. A form
// sent sooner than MinFormTime after it was shown, or with a forged time,
// or with the hidden field filled, is a program's; one older than
// MaxFormTime is stale and is shown again to be sent anew.
const (
	MinFormTime = 3 * time.Second
	MaxFormTime = 6 * time.Hour
)

// Stamp is the time a public form was shown and its signature, for its
// hidden fields "at" and "sig".
type Stamp struct{ At, Sig string }

// StampFor stamps a public form of purpose (its name) now.
func (s *Server) StampFor(purpose string) Stamp {
	at := strconv.FormatInt(s.Now().Unix(), 10)
	return Stamp{At: at, Sig: s.Sign(purpose, at)}
}

// Sender says who sent a public form of purpose: a person (human), a
// program, or a person whose form is stale.
func (s *Server) Sender(f url.Values, purpose string) (human, stale bool) {
	at, _ := strconv.ParseInt(f.Get("at"), 10, 64)
	age := s.Now().Sub(time.Unix(at, 0))
	if f.Get("website") != "" || f.Get("sig") != s.Sign(purpose, f.Get("at")) || age < MinFormTime {
		return false, false
	}
	return true, age > MaxFormTime
}
