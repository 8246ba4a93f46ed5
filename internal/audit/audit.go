// Package audit defines the audit-log entry and its hash chain. Each entry's
// hash covers its content and the previous entry's hash, so removing,
// reordering or editing any entry breaks every later link. The hashes are
// keyed (Key), so that only who holds the key can seal an entry, and the
// chain's head is recorded from time to time outside the database
// (anchors), so that removing the newest entries shows too.
package audit

import (
	"crypto/hmac"
	"encoding/hex"
	"strconv"
	"time"
)

// Actions recorded in the log, beside the workflow's own steps (a dossier's
// receive, approve …) and a report's decisions (approved, returned).
const (
	Create         = "create"
	Update         = "update"
	Delete         = "delete"
	Save           = "save" // created or replaced: a catalogue entry, a target
	Import         = "import"
	Load           = "load" // reference data, at first start
	Attach         = "attach"
	Detach         = "detach"
	Enter          = "enter" // a report's figures entered
	File           = "file"  // a report filed
	Apologize      = "apologize"
	Prune          = "prune"
	Login          = "login"
	LoginFailed    = "login_failed"
	LoginThrottled = "login_throttled"
	Password       = "password"
)

// Entry is one change.
type Entry struct {
	ID        int64     `json:"id"`
	At        time.Time `json:"at"`
	ActorID   int64     `json:"actor_id,omitempty"`
	ActorName string    `json:"actor"`
	Action    string    `json:"action"`
	Entity    string    `json:"entity"`
	EntityID  string    `json:"entity_id"`
	UnitCode  string    `json:"unit_code,omitempty"`
	Before    string    `json:"before,omitempty"`
	After     string    `json:"after,omitempty"`
	PrevHash  string    `json:"prev_hash"`
	Hash      string    `json:"hash"`
	// Keyed says the hash is an HMAC under the audit key; entries written
	// before the platform had a key are plain SHA-256.
	Keyed bool `json:"keyed"`
}

// Seal sets the entry's hash: keyed when k is given.
func (e *Entry) Seal(k Key) {
	e.Keyed = len(k) > 0
	e.Hash = e.computeHash(k)
}

// Sealed reports whether the entry's hash is right, under k for a keyed
// entry; a keyed entry without a key is ErrNoKey.
func (e *Entry) Sealed(k Key) (bool, error) {
	if !e.Keyed {
		return hmac.Equal([]byte(e.computeHash(nil)), []byte(e.Hash)), nil
	}
	if len(k) == 0 {
		return false, ErrNoKey
	}
	return hmac.Equal([]byte(e.computeHash(k)), []byte(e.Hash)), nil
}

// ComputeHash returns the hex SHA-256 of the previous hash and the entry's
// fields, the hash of an entry written without a key.
func (e *Entry) ComputeHash() string { return e.computeHash(nil) }

// computeHash hashes the previous hash and the entry's fields, each
// length-prefixed so that no two different entries hash alike: an
// HMAC-SHA-256 under k, or a plain SHA-256 without it.
func (e *Entry) computeHash(k Key) string {
	h := k.mac()
	for _, f := range []string{
		e.PrevHash, e.At.UTC().Format(time.RFC3339Nano), strconv.FormatInt(e.ActorID, 10), e.ActorName,
		e.Action, e.Entity, e.EntityID, e.UnitCode, e.Before, e.After,
	} {
		h.Write([]byte(strconv.Itoa(len(f))))
		h.Write([]byte{':'})
		h.Write([]byte(f))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Break describes the first entry where the chain fails.
type Break struct {
	ID     int64
	Reason string
}
