package web

import (
	"sync"
	"time"
)

// FailureLimit counts failures per key (a client address) in a sliding
// window, and refuses a key that had max of them until the oldest leaves
// the window. It keeps at most maxKeys keys, forgetting quiet ones first.
type FailureLimit struct {
	mu      sync.Mutex
	max     int
	window  time.Duration
	maxKeys int
	fails   map[string][]time.Time
	now     func() time.Time
}

func NewFailureLimit(max int, window time.Duration) *FailureLimit {
	return &FailureLimit{max: max, window: window, maxKeys: 100_000, fails: map[string][]time.Time{}, now: time.Now}
}

// Wait says how long key must Wait before its next try; zero: it may try.
func (l *FailureLimit) Wait(key string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	ts := l.recent(key)
	if len(ts) < l.max {
		return 0
	}
	return ts[0].Add(l.window).Sub(l.now())
}

// Fail records a failure of key.
func (l *FailureLimit) Fail(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.fails) >= l.maxKeys {
		for k := range l.fails {
			if len(l.recent(k)) == 0 {
				delete(l.fails, k)
			}
		}
	}
	l.fails[key] = append(l.recent(key), l.now())
}

func (l *FailureLimit) recent(key string) []time.Time {
	cut := l.now().Add(-l.window)
	ts := l.fails[key]
	i := 0
	for i < len(ts) && !ts[i].After(cut) {
		i++
	}
	if ts = ts[i:]; len(ts) == 0 {
		delete(l.fails, key)
		return nil
	}
	l.fails[key] = ts
	return ts
}
