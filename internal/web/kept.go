package web

import (
	"sync"
	"time"
)

// kept is what the caches keep (answers, pages): values by key, bounded
// (when full it starts again empty), each dropped after maxAge if it has
// one, and a generation counting the resets, so that a value built from
// data read before a reset is not kept after it.
type kept[V any] struct {
	mu      sync.RWMutex
	entries map[string]keptValue[V]
	max     int
	maxAge  time.Duration // 0: until a reset
	gen     uint64
}

type keptValue[V any] struct {
	v  V
	at time.Time
}

func newKept[V any](max int, maxAge time.Duration) kept[V] {
	return kept[V]{entries: map[string]keptValue[V]{}, max: max, maxAge: maxAge}
}

// get returns the value kept for key, and the generation to put one in.
func (k *kept[V]) get(key string) (v V, gen uint64, ok bool) {
	k.mu.RLock()
	defer k.mu.RUnlock()
	e, ok := k.entries[key]
	if !ok || k.maxAge > 0 && time.Since(e.at) > k.maxAge {
		return v, k.gen, false
	}
	return e.v, k.gen, true
}

// put keeps v for key unless the values were reset since gen.
func (k *kept[V]) put(key string, v V, gen uint64) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if gen != k.gen {
		return
	}
	if len(k.entries) >= k.max {
		k.entries = map[string]keptValue[V]{}
	}
	k.entries[key] = keptValue[V]{v: v, at: time.Now()}
}

// reset forgets every value.
func (k *kept[V]) reset() {
	k.mu.Lock()
	k.entries = map[string]keptValue[V]{}
	k.gen++
	k.mu.Unlock()
}
