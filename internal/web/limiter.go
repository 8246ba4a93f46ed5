package web

import (
	"sync"
	"time"
)

// loginThrottle slows password guessing for one account from one client
// address (OWASP ASVS V2.2): after freeFailures failed logins, each further
// attempt from that address must wait twice as long as the last, up to
// maxThrottle. It never locks an account: the right password from another
// address is not held up by someone else's failures. An attempt is counted
// when it starts, before its password is hashed, so that guesses sent all
// at once are refused just as those sent one by one. It lives in memory,
// per process; behind several replicas each counts on its own
// (docs/DEPLOY.md).
type loginThrottle struct {
	mu      sync.Mutex
	entries map[throttleKey]*throttleEntry
	now     func() time.Time
}

type throttleKey struct{ user, addr string }

type throttleEntry struct {
	attempts int       // failed attempts, and those under way
	last     time.Time // when the last one started or failed
}

const (
	freeFailures = 3
	maxThrottle  = 15 * time.Minute
	// forgetFailures is how long failures are remembered after the last.
	forgetFailures = time.Hour
	// maxThrottled bounds the pairs remembered, under a spray of names.
	maxThrottled = 100_000
)

func newLoginThrottle() *loginThrottle {
	return &loginThrottle{entries: map[throttleKey]*throttleEntry{}, now: time.Now}
}

// delay is how long to wait after n failed attempts before the next.
func throttleDelay(n int) time.Duration {
	if n < freeFailures {
		return 0
	}
	if n-freeFailures >= 10 {
		return maxThrottle
	}
	return min(time.Second<<(n-freeFailures), maxThrottle)
}

// begin starts an attempt at user's password from addr, or says how long
// to wait first.
func (l *loginThrottle) begin(user, addr string) (wait time.Duration, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	k := throttleKey{user, addr}
	e := l.entries[k]
	if e != nil && now.Sub(e.last) > forgetFailures {
		e = nil
	}
	if e == nil {
		if len(l.entries) >= maxThrottled {
			l.sweep(now)
		}
		e = &throttleEntry{}
		l.entries[k] = e
	}
	if until := e.last.Add(throttleDelay(e.attempts)); e.attempts >= freeFailures && now.Before(until) {
		return until.Sub(now), false
	}
	e.attempts++
	e.last = now
	return 0, true
}

// end closes an attempt begin allowed. A success forgets the pair's
// failures; a failure returns how long the pair must now wait (zero while
// it may try again at once).
func (l *loginThrottle) end(user, addr string, failed bool) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	k := throttleKey{user, addr}
	e := l.entries[k]
	if !failed {
		delete(l.entries, k)
		return 0
	}
	if e == nil {
		return 0
	}
	e.last = l.now()
	if e.attempts < freeFailures {
		return 0
	}
	return throttleDelay(e.attempts)
}

// abandon takes back an attempt begin allowed that could not be made (the
// server was too busy to check the password, or the database failed).
func (l *loginThrottle) abandon(user, addr string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if e := l.entries[throttleKey{user, addr}]; e != nil && e.attempts > 0 {
		e.attempts--
	}
}

func (l *loginThrottle) sweep(now time.Time) {
	for k, e := range l.entries {
		if now.Sub(e.last) > forgetFailures || e.attempts < freeFailures {
			delete(l.entries, k)
		}
	}
}
