// Package audit defines the audit-log entry and its hash chain. Each entry's
// hash covers its content and the previous entry's hash, so removing,
// reordering or editing any entry breaks every later link.
package audit

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"time"
)

// Actions recorded in the log.
const (
	Create = "create"
	Update = "update"
	Delete = "delete"
	Login  = "login"
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
}

// ComputeHash returns the hex SHA-256 of the previous hash and the entry's
// fields, each length-prefixed so that no two different entries hash alike.
func (e *Entry) ComputeHash() string {
	h := sha256.New()
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
