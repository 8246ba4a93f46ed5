package db

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"congthuong"
)

// Mail is a message of the outbox.
type Mail struct {
	ID        int64      `json:"id"`
	To        string     `json:"to"`
	Subject   string     `json:"subject"`
	Body      string     `json:"body"`
	Ref       string     `json:"ref,omitempty"`
	CreatedAt time.Time  `json:"created_at"`
	SentAt    *time.Time `json:"sent_at,omitempty"`
	Error     string     `json:"error,omitempty"`
}

// EnqueueMail puts a message in the outbox, in the caller's transaction.
func (tx *Tx) EnqueueMail(ctx context.Context, to, subject, body, ref string) error {
	if to == "" {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO outbox (to_addr, subject, body, ref, created_at) VALUES ($1, $2, $3, $4, $5)`,
		to, subject, body, ref, tx.Now); err != nil {
		return fmt.Errorf("db: outbox: %w", err)
	}
	return nil
}

// Outbox lists the latest messages, newest first; administrators only.
func (s *DB) Outbox(ctx context.Context, limit int) ([]Mail, error) {
	if err := RequireAdmin(congthuong.ActorFrom(ctx)); err != nil {
		return nil, err
	}
	rows, err := s.Read.QueryContext(ctx, `SELECT id, to_addr, subject, body, ref, created_at, sent_at, error FROM outbox
		ORDER BY id DESC LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("db: outbox: %w", err)
	}
	defer rows.Close()
	out := []Mail{}
	for rows.Next() {
		var m Mail
		var sent sql.NullTime
		if err := rows.Scan(&m.ID, &m.To, &m.Subject, &m.Body, &m.Ref, &m.CreatedAt, &sent, &m.Error); err != nil {
			return nil, err
		}
		m.CreatedAt, m.SentAt = m.CreatedAt.UTC(), UTCPtr(sent)
		out = append(out, m)
	}
	return out, rows.Err()
}

// ClaimMail takes the oldest message no process has claimed (or one
// claimed over staleAfter ago by a process that stopped), for sender; nil
// when there is none. Two processes never claim the same message.
func (s *DB) ClaimMail(ctx context.Context, sender string, staleAfter time.Duration) (*Mail, error) {
	now := s.NowUTC()
	for attempt := 0; attempt < 5; attempt++ {
		var m Mail
		err := s.Read.QueryRowContext(ctx, `SELECT id, to_addr, subject, body, ref, created_at FROM outbox
			WHERE sent_at IS NULL AND (claimed_at IS NULL OR claimed_at < $1) ORDER BY id LIMIT 1`, now.Add(-staleAfter)).
			Scan(&m.ID, &m.To, &m.Subject, &m.Body, &m.Ref, &m.CreatedAt)
		if err == sql.ErrNoRows {
			return nil, nil
		} else if err != nil {
			return nil, fmt.Errorf("db: claim mail: %w", err)
		}
		res, err := s.Write.ExecContext(ctx, `UPDATE outbox SET claimed_by = $1, claimed_at = $2 WHERE id = $3 AND sent_at IS NULL
			AND (claimed_at IS NULL OR claimed_at < $4)`, sender, now, m.ID, now.Add(-staleAfter))
		if err != nil {
			return nil, fmt.Errorf("db: claim mail: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 1 {
			return &m, nil
		}
		// Another process claimed it first: the next one.
	}
	return nil, nil
}

// MailSent records the outcome of sending a claimed message: sent, or the
// error (the message is claimed again after the stale time).
func (s *DB) MailSent(ctx context.Context, id int64, sendErr error) error {
	var err error
	if sendErr == nil {
		_, err = s.Write.ExecContext(ctx, `UPDATE outbox SET sent_at = $1, error = '' WHERE id = $2`, s.NowUTC(), id)
	} else {
		_, err = s.Write.ExecContext(ctx, `UPDATE outbox SET error = $1 WHERE id = $2`, sendErr.Error(), id)
	}
	if err != nil {
		return fmt.Errorf("db: mail sent: %w", err)
	}
	return nil
}
