package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"congthuong"
	"congthuong/internal/audit"
)

// Audit records an entry for a change made in tx. before and after are the
// record's states (nil for a create's before or a delete's after). The
// entry joins the chain when it is written (flushAudit), normally just
// before the transaction commits.
func (tx *Tx) Audit(ctx context.Context, action, entity, entityID, unitCode string, before, after any) error {
	b, err := marshalState(before)
	if err != nil {
		return err
	}
	a, err := marshalState(after)
	if err != nil {
		return err
	}
	tx.pendingAudit = append(tx.pendingAudit, audit.Entry{
		At: tx.Now, ActorID: tx.Actor.UserID, ActorName: tx.Actor.Name(), Action: action,
		Entity: entity, EntityID: entityID, UnitCode: unitCode, Before: b, After: a,
	})
	if len(tx.pendingAudit) >= tx.auditBatch() {
		return tx.FlushAudit(ctx)
	}
	return nil
}

// chainHead takes the chain's lock (on PostgreSQL; SQLite's single writer
// already serialises) and reads the newest entry's hash, once per
// transaction. The lock is held until the transaction ends, so entries join
// the chain in the order their transactions commit. It is taken as late as
// possible, when the entries are written just before the commit: a
// transaction that takes it early (as every audited write once did, at its
// first change) keeps every other writer waiting for the rest of its work.
func (tx *Tx) chainHead(ctx context.Context) (string, error) {
	if tx.lastHash != nil {
		return *tx.lastHash, nil
	}
	if tx.DB.Dialect.lockAudit != "" {
		if _, err := tx.ExecContext(ctx, tx.DB.Dialect.lockAudit); err != nil {
			return "", fmt.Errorf("db: audit lock: %w", err)
		}
	}
	var prev string
	err := tx.QueryRowContext(ctx, `SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`).Scan(&prev)
	if err != nil && err != sql.ErrNoRows {
		return "", fmt.Errorf("db: audit: %w", err)
	}
	tx.lastHash = &prev
	return prev, nil
}

// auditBatch is how many entries one INSERT writes; a bulk import writes a
// hundred thousand. Where the database takes COPY, entries are written by
// the copyAuditBatch, in one COPY each: a third of PostgreSQL's time for an
// import of 100,000 enterprises went to parsing and planning INSERTs.
const auditBatch, copyAuditBatch = 64, 2048

func (tx *Tx) auditBatch() int {
	if tx.DB.Dialect.UseCopy {
		return copyAuditBatch
	}
	return auditBatch
}

// FlushAudit writes the pending entries, in chain order, in one statement.
// withTx calls it before committing, so entries never outlive their change.
func (tx *Tx) FlushAudit(ctx context.Context) error {
	if len(tx.pendingAudit) == 0 {
		return nil
	}
	prev, err := tx.chainHead(ctx)
	if err != nil {
		return err
	}
	for i := range tx.pendingAudit {
		e := &tx.pendingAudit[i]
		e.PrevHash = prev
		e.Seal(tx.DB.auditKey)
		prev = e.Hash
	}
	*tx.lastHash = prev
	rows := func(yield func([]any) bool) {
		row := make([]any, 0, len(auditWriteColumns))
		for _, e := range tx.pendingAudit {
			if !yield(appendAuditRow(row[:0], e)) {
				return
			}
		}
	}
	// A transaction's one or two entries go in one INSERT, a bulk's by COPY
	// where the database has it.
	if tx.DB.Dialect.UseCopy && len(tx.pendingAudit) >= auditBatch {
		err = tx.copyRows(ctx, "audit_log", auditWriteColumns, rows)
	} else {
		err = tx.insertRows(ctx, "audit_log", auditWriteColumns, rows)
	}
	if err != nil {
		return fmt.Errorf("db: audit insert: %w", err)
	}
	tx.pendingAudit = tx.pendingAudit[:0]
	return nil
}

var auditWriteColumns = []string{"at", "actor_id", "actor_name", "action", "entity", "entity_id", "unit_code", "before", "after", "prev_hash", "hash", "keyed"}

// appendAuditRow appends e's values in the order of auditWriteColumns.
func appendAuditRow(row []any, e audit.Entry) []any {
	var actorID any
	if e.ActorID != 0 {
		actorID = e.ActorID
	}
	return append(row, e.At, actorID, e.ActorName, e.Action, e.Entity, e.EntityID, e.UnitCode, e.Before, e.After, e.PrevHash, e.Hash, e.Keyed)
}

func marshalState(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("db: audit state: %w", err)
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
func (s *DB) FindAuditEntries(ctx context.Context, f AuditFilter) ([]audit.Entry, int, error) {
	actor := congthuong.ActorFrom(ctx)
	if !actor.IsAdmin() && !actor.System {
		return nil, 0, congthuong.Errorf(congthuong.EFORBIDDEN, "db.only_administrators_read_audit_log")
	}
	var w Where
	if actor.UnitCode != congthuong.CountryCode {
		w.Add("(unit_code = ? OR unit_code IN (SELECT code FROM units WHERE parent_code = ?) )", actor.UnitCode, actor.UnitCode)
	}
	if f.Entity != "" {
		w.Add("entity = ?", f.Entity)
	}
	if f.EntityID != "" {
		w.Add("entity_id = ?", f.EntityID)
	}
	if f.Actor != "" {
		w.Add("actor_name = ?", f.Actor)
	}
	if !f.From.IsZero() {
		w.Add("at >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		w.Add("at < ?", f.To.UTC())
	}
	return List(ctx, s, "audit log", Listing{Columns: auditColumns, From: "audit_log", Where: &w, Order: " ORDER BY id DESC", Page: f.Page}, scanAudit)
}

const auditColumns = `id, at, COALESCE(actor_id, 0), actor_name, action, entity, entity_id, unit_code, before, after, prev_hash, hash, keyed`

func scanAudit(r Scanner) (audit.Entry, error) {
	var e audit.Entry
	err := r.Scan(&e.ID, &e.At, &e.ActorID, &e.ActorName, &e.Action, &e.Entity, &e.EntityID,
		&e.UnitCode, &e.Before, &e.After, &e.PrevHash, &e.Hash, &e.Keyed)
	e.At = e.At.UTC()
	return e, err
}

// SetAuditKey sets the key new audit entries are sealed with (audit.Key);
// without one they are plain SHA-256, as before the platform had keys.
func (s *DB) SetAuditKey(k audit.Key) { s.auditKey = k }

// AuditKey returns the key set with SetAuditKey.
func (s *DB) AuditKey() audit.Key { return s.auditKey }

// CheckAuditKey makes sure the store's key is the one the log was sealed
// with, from the newest sealed entry: a replica started with another key
// (or none) would otherwise seal entries that no verification accepts.
func (s *DB) CheckAuditKey(ctx context.Context) error {
	e, err := scanAudit(s.Read.QueryRowContext(ctx, `SELECT `+auditColumns+` FROM audit_log WHERE keyed = $1 ORDER BY id DESC LIMIT 1`, true))
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	} else if err != nil {
		return fmt.Errorf("db: audit key: %w", err)
	}
	ok, err := e.Sealed(s.auditKey)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("db: the audit key is not the one entry %d was sealed with: give this process the key its log was written with", e.ID)
	}
	return nil
}

// AuditCheck is what a walk of the audit chain found.
type AuditCheck struct {
	Entries int
	Head    audit.Anchor // the newest entry's id and hash
	Broken  *audit.Break // the first entry where the chain fails; nil when intact
}

// VerifyAudit walks the whole chain in order and returns the first entry
// whose hash or link is wrong, or nil when the chain is intact; n is the
// number of entries checked.
func (s *DB) VerifyAudit(ctx context.Context) (n int, broken *audit.Break, err error) {
	c, err := s.CheckAudit(ctx, nil)
	return c.Entries, c.Broken, err
}

// CheckAudit walks the whole chain in order and reports where it first
// fails: an entry altered (its hash does not match, under the key for a
// sealed entry), removed or reordered (its link does not match), an entry
// without the key's seal after sealed ones (written by someone without the
// key), or, given the last anchor recorded, the anchored entry changed or
// gone (the newest entries were removed).
func (s *DB) CheckAudit(ctx context.Context, anchor *audit.Anchor) (AuditCheck, error) {
	var c AuditCheck
	rows, err := s.Read.QueryContext(ctx, `SELECT `+auditColumns+` FROM audit_log ORDER BY id`)
	if err != nil {
		return c, fmt.Errorf("db: verify audit: %w", err)
	}
	defer rows.Close()
	prev, sealed, anchored := "", false, false
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			return c, err
		}
		c.Entries++
		brk := func(reason string) (AuditCheck, error) {
			c.Broken = &audit.Break{ID: e.ID, Reason: reason}
			return c, nil
		}
		if e.PrevHash != prev {
			return brk("link to the previous entry does not match (an entry was removed or reordered)")
		}
		if sealed && !e.Keyed {
			return brk("the entry is not sealed with the audit key, though earlier ones are (it was written without the key)")
		}
		if ok, err := e.Sealed(s.auditKey); err != nil {
			return c, err
		} else if !ok {
			return brk("entry content does not match its hash (the entry was altered, or sealed with another key)")
		}
		if anchor != nil && e.ID == anchor.ID {
			if e.Hash != anchor.Hash {
				return brk(fmt.Sprintf("the entry differs from the anchor recorded at %s", anchor.At.Format(time.RFC3339)))
			}
			anchored = true
		}
		sealed = sealed || e.Keyed
		prev = e.Hash
		c.Head.ID, c.Head.Hash = e.ID, e.Hash
	}
	if err := rows.Err(); err != nil {
		return c, err
	}
	c.Head.Entries = c.Entries
	if anchor != nil && !anchored {
		c.Broken = &audit.Break{ID: anchor.ID, Reason: fmt.Sprintf("the anchor recorded at %s names entry %d of %d, but the log now ends at entry %d of %d: the newest entries were removed",
			anchor.At.Format(time.RFC3339), anchor.ID, anchor.Entries, c.Head.ID, c.Entries)}
	}
	return c, nil
}
