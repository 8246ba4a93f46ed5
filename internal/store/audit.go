package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"congthuong"
	"congthuong/internal/audit"
)

// audit appends an entry for a change made in tx. before and after are the
// record's states (nil for a create's before or a delete's after).
func (tx *Tx) audit(ctx context.Context, action, entity, entityID, unitCode string, before, after any) error {
	b, err := marshalState(before)
	if err != nil {
		return err
	}
	a, err := marshalState(after)
	if err != nil {
		return err
	}
	if tx.lastHash == nil {
		if tx.s.dialect.lockAudit != "" {
			if _, err := tx.ExecContext(ctx, tx.s.dialect.lockAudit); err != nil {
				return fmt.Errorf("store: audit lock: %w", err)
			}
		}
		var prev string
		err = tx.QueryRowContext(ctx, `SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`).Scan(&prev)
		if err != nil && err != sql.ErrNoRows {
			return fmt.Errorf("store: audit: %w", err)
		}
		tx.lastHash = &prev
	}
	prev := *tx.lastHash
	e := audit.Entry{
		At: tx.now, ActorID: tx.actor.UserID, ActorName: actorName(tx.actor), Action: action,
		Entity: entity, EntityID: entityID, UnitCode: unitCode, Before: b, After: a, PrevHash: prev,
	}
	e.Hash = e.ComputeHash()
	tx.pendingAudit = append(tx.pendingAudit, e)
	*tx.lastHash = e.Hash
	if len(tx.pendingAudit) >= auditBatch {
		return tx.flushAudit(ctx)
	}
	return nil
}

// auditBatch is how many entries one INSERT writes; a bulk import writes a
// hundred thousand.
const auditBatch = 64

// flushAudit writes the pending entries, in chain order, in one statement.
// withTx calls it before committing, so entries never outlive their change.
func (tx *Tx) flushAudit(ctx context.Context) error {
	if len(tx.pendingAudit) == 0 {
		return nil
	}
	const cols = 11
	args := make([]any, 0, cols*len(tx.pendingAudit))
	for _, e := range tx.pendingAudit {
		var actorID any
		if e.ActorID != 0 {
			actorID = e.ActorID
		}
		args = append(args, e.At, actorID, e.ActorName, e.Action, e.Entity, e.EntityID, e.UnitCode, e.Before, e.After, e.PrevHash, e.Hash)
	}
	ins, err := tx.stmt(ctx, `INSERT INTO audit_log
		(at, actor_id, actor_name, action, entity, entity_id, unit_code, before, after, prev_hash, hash)
		VALUES `+tx.s.dialect.values(len(tx.pendingAudit), cols))
	if err == nil {
		_, err = ins.ExecContext(ctx, args...)
	}
	if err != nil {
		return fmt.Errorf("store: audit insert: %w", err)
	}
	tx.pendingAudit = tx.pendingAudit[:0]
	return nil
}

func actorName(a congthuong.Actor) string {
	if a.System {
		return "system"
	}
	if a.Username == "" {
		return "anonymous"
	}
	return a.Username
}

func marshalState(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("store: audit state: %w", err)
	}
	return string(b), nil
}

// AuditFilter selects audit entries.
type AuditFilter struct {
	Entity   string
	EntityID string
	Actor    string
	From, To time.Time // zero: unbounded
	Page
}

// FindAuditEntries lists entries, newest first. Administrators see entries of
// units in their scope; entries without a unit (accounts, settings) only a
// country-wide administrator sees.
func (s *Store) FindAuditEntries(ctx context.Context, f AuditFilter) ([]audit.Entry, int, error) {
	actor := congthuong.ActorFrom(ctx)
	if !actor.IsAdmin() && !actor.System {
		return nil, 0, congthuong.Errorf(congthuong.EFORBIDDEN, "only administrators read the audit log")
	}
	var w where
	if actor.UnitCode != congthuong.CountryCode {
		w.add("(unit_code = ? OR unit_code IN (SELECT code FROM units WHERE parent_code = ?) )", actor.UnitCode, actor.UnitCode)
	}
	if f.Entity != "" {
		w.add("entity = ?", f.Entity)
	}
	if f.EntityID != "" {
		w.add("entity_id = ?", f.EntityID)
	}
	if f.Actor != "" {
		w.add("actor_name = ?", f.Actor)
	}
	if !f.From.IsZero() {
		w.add("at >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		w.add("at < ?", f.To.UTC())
	}
	var total int
	if err := s.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM audit_log"+w.sql(), w.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: count audit: %w", err)
	}
	limit, offset := f.Page.bounds()
	q := `SELECT id, at, COALESCE(actor_id, 0), actor_name, action, entity, entity_id, unit_code, before, after, prev_hash, hash
		FROM audit_log` + w.sql() + ` ORDER BY id DESC LIMIT ` + strconv.Itoa(limit) + ` OFFSET ` + strconv.Itoa(offset)
	rows, err := s.read.QueryContext(ctx, q, w.args...)
	if err != nil {
		return nil, 0, fmt.Errorf("store: find audit: %w", err)
	}
	defer rows.Close()
	var out []audit.Entry
	for rows.Next() {
		var e audit.Entry
		if err := rows.Scan(&e.ID, &e.At, &e.ActorID, &e.ActorName, &e.Action, &e.Entity, &e.EntityID,
			&e.UnitCode, &e.Before, &e.After, &e.PrevHash, &e.Hash); err != nil {
			return nil, 0, err
		}
		e.At = e.At.UTC()
		out = append(out, e)
	}
	return out, total, rows.Err()
}

// VerifyAudit walks the whole chain in order and returns the first entry
// whose hash or link is wrong, or nil when the chain is intact; n is the
// number of entries checked.
func (s *Store) VerifyAudit(ctx context.Context) (n int, broken *audit.Break, err error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, at, COALESCE(actor_id, 0), actor_name, action, entity, entity_id,
		unit_code, before, after, prev_hash, hash FROM audit_log ORDER BY id`)
	if err != nil {
		return 0, nil, fmt.Errorf("store: verify audit: %w", err)
	}
	defer rows.Close()
	prev := ""
	for rows.Next() {
		var e audit.Entry
		if err := rows.Scan(&e.ID, &e.At, &e.ActorID, &e.ActorName, &e.Action, &e.Entity, &e.EntityID,
			&e.UnitCode, &e.Before, &e.After, &e.PrevHash, &e.Hash); err != nil {
			return n, nil, err
		}
		n++
		if e.PrevHash != prev {
			return n, &audit.Break{ID: e.ID, Reason: "link to the previous entry does not match (an entry was removed or reordered)"}, nil
		}
		if want := e.ComputeHash(); want != e.Hash {
			return n, &audit.Break{ID: e.ID, Reason: "entry content does not match its hash (the entry was altered)"}, nil
		}
		prev = e.Hash
	}
	return n, nil, rows.Err()
}
