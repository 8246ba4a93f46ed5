package auth

import (
	"context"
	"errors"
	"runtime"
	"sync/atomic"
)

// ErrBusy is returned when more password checks wait than a Hasher queues:
// the caller answers "try again in a moment" instead of adding to the load.
var ErrBusy = errors.New("auth: too many password checks waiting")

// Hasher runs argon2id (19 MiB and about 0.1 s of a core each) a bounded
// number at a time, so that a burst of logins cannot take the process's
// memory or every core: at most one per core runs, a few more per core wait,
// and the rest are refused with ErrBusy.
type Hasher struct {
	slots   chan struct{}
	waiting atomic.Int64
	queue   int64
}

// NewHasher returns a Hasher sized to the cores the process may use.
func NewHasher() *Hasher {
	n := runtime.GOMAXPROCS(0)
	return &Hasher{slots: make(chan struct{}, n), queue: int64(4 * n)}
}

// Hash is HashPassword, in turn.
func (h *Hasher) Hash(ctx context.Context, password string) (string, error) {
	if len(password) < MinPasswordLength {
		return "", ErrPasswordTooShort
	}
	if err := h.acquire(ctx); err != nil {
		return "", err
	}
	defer h.release()
	return HashPassword(password)
}

// Check is CheckPassword, in turn.
func (h *Hasher) Check(ctx context.Context, hash, password string) (bool, error) {
	if err := h.acquire(ctx); err != nil {
		return false, err
	}
	defer h.release()
	return CheckPassword(hash, password), nil
}

func (h *Hasher) acquire(ctx context.Context) error {
	select {
	case h.slots <- struct{}{}:
		return nil
	default:
	}
	if h.waiting.Add(1) > h.queue {
		h.waiting.Add(-1)
		return ErrBusy
	}
	defer h.waiting.Add(-1)
	select {
	case h.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (h *Hasher) release() { <-h.slots }

// DummyHash is a valid hash of a password nobody knows, checked for user
// names that do not exist so that a login takes as long either way. It is a
// constant: computing it costs what a login does.
const DummyHash = "$argon2id$v=19$m=19456,t=2,p=1$dItFmu9h42F0xYjs7dZ8CQ$xqpSJFCy4roRlFgrWHjNK3LTffppaRnmc/E85v5wyyo"
