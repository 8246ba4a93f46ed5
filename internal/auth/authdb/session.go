package authdb

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/auth"
	"congthuong/internal/db"
)

// SessionTTL is how long a login lasts without activity limits; sessions
// are server-side, so logging out or a password reset ends them at once.
const SessionTTL = 12 * time.Hour

// CreateSession starts a session for user and returns its secret token.
func (s *Accounts) CreateSession(ctx context.Context, userID int64) (string, error) {
	token, hash, err := auth.NewToken("")
	if err != nil {
		return "", err
	}
	now := s.NowUTC()
	if _, err := s.Write.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, expires_at)
		VALUES ($1, $2, $3, $4)`, hash, userID, now, now.Add(SessionTTL)); err != nil {
		return "", fmt.Errorf("authdb: create session: %w", err)
	}
	// Expired sessions are swept here rather than by a background job.
	if _, err := s.Write.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at < $1`, now); err != nil {
		return "", fmt.Errorf("authdb: sweep sessions: %w", err)
	}
	return token, nil
}

// FindSessionUser returns the active user of an unexpired session.
func (s *Accounts) FindSessionUser(ctx context.Context, token string) (*auth.User, error) {
	u, err := scanUser(s.Read.QueryRowContext(ctx, `SELECT `+db.Prefixed("u.", userColumns)+` FROM sessions s
		JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active`,
		auth.HashToken(token), s.NowUTC()))
	if err != nil {
		return nil, db.NotFound(err, "auth.no_session")
	}
	return u, nil
}

// DeleteSession ends a session (logout).
func (s *Accounts) DeleteSession(ctx context.Context, token string) error {
	_, err := s.Write.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, auth.HashToken(token))
	return err
}

// APIToken describes an integration token; the secret is shown once.
type APIToken struct {
	ID         int64      `json:"id"`
	UserID     int64      `json:"user_id"`
	Name       string     `json:"name"`
	CreatedAt  time.Time  `json:"created_at"`
	ExpiresAt  *time.Time `json:"expires_at,omitempty"`
	LastUsedAt *time.Time `json:"last_used_at,omitempty"`
}

// TokenPrefix starts every API token, so that leaked tokens are easy to
// recognise in logs and by secret scanners.
const TokenPrefix = "ct_"

// CreateAPIToken makes a token for the actor's own account.
func (s *Accounts) CreateAPIToken(ctx context.Context, name string, expires *time.Time) (string, *APIToken, error) {
	actor := congthuong.ActorFrom(ctx)
	if actor.Anonymous() || actor.System {
		return "", nil, congthuong.Errorf(congthuong.EUNAUTHORIZED, "common.log_first")
	}
	if name == "" || len(name) > 100 {
		return "", nil, &congthuong.Error{Code: congthuong.EINVALID, Message: "auth.invalid_token",
			Fields: []congthuong.FieldError{{Field: "name", Message: "auth.name_token_at_most_100_characters"}}}
	}
	secret, hash, err := auth.NewToken(TokenPrefix)
	if err != nil {
		return "", nil, err
	}
	t := &APIToken{UserID: actor.UserID, Name: name, ExpiresAt: expires}
	err = s.WithTx(ctx, func(tx *db.Tx) error {
		t.CreatedAt = tx.Now
		var exp any
		if expires != nil {
			exp = expires.UTC()
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at)
			VALUES ($1, $2, $3, $4, $5) RETURNING id`, actor.UserID, name, hash, tx.Now, exp).Scan(&t.ID); err != nil {
			return fmt.Errorf("authdb: create token: %w", err)
		}
		return tx.Audit(ctx, audit.Create, "api_token", strconv.FormatInt(t.ID, 10), actor.UnitCode, nil, t)
	})
	return secret, t, err
}

// FindAPITokens lists the actor's own tokens.
func (s *Accounts) FindAPITokens(ctx context.Context) ([]APIToken, error) {
	actor := congthuong.ActorFrom(ctx)
	rows, err := s.Read.QueryContext(ctx, `SELECT id, user_id, name, created_at, expires_at, last_used_at
		FROM api_tokens WHERE user_id = $1 ORDER BY id`, actor.UserID)
	if err != nil {
		return nil, fmt.Errorf("authdb: find tokens: %w", err)
	}
	defer rows.Close()
	var out []APIToken
	for rows.Next() {
		var t APIToken
		var exp, used sql.NullTime
		if err := rows.Scan(&t.ID, &t.UserID, &t.Name, &t.CreatedAt, &exp, &used); err != nil {
			return nil, err
		}
		t.ExpiresAt, t.LastUsedAt = db.NullTime(exp), db.NullTime(used)
		out = append(out, t)
	}
	return out, rows.Err()
}

// DeleteAPIToken revokes one of the actor's tokens.
func (s *Accounts) DeleteAPIToken(ctx context.Context, id int64) error {
	actor := congthuong.ActorFrom(ctx)
	return s.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM api_tokens WHERE id = $1 AND user_id = $2`, id, actor.UserID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return congthuong.Errorf(congthuong.ENOTFOUND, "auth.no_token", id)
		}
		return tx.Audit(ctx, audit.Delete, "api_token", strconv.FormatInt(id, 10), actor.UnitCode, nil, nil)
	})
}

// FindTokenUser returns the active user owning an unexpired API token and
// notes its use.
func (s *Accounts) FindTokenUser(ctx context.Context, token string) (*auth.User, error) {
	now := s.NowUTC()
	hash := auth.HashToken(token)
	u, err := scanUser(s.Read.QueryRowContext(ctx, `SELECT `+db.Prefixed("u.", userColumns)+` FROM api_tokens t
		JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 AND (t.expires_at IS NULL OR t.expires_at > $2) AND u.active`,
		hash, now))
	if err != nil {
		return nil, db.NotFound(err, "auth.no_token_2")
	}
	// Recorded at most once a minute, so that a busy integration does not
	// turn every read into a write.
	if _, err := s.Write.ExecContext(ctx, `UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2
		AND (last_used_at IS NULL OR last_used_at < $3)`, now, hash, now.Add(-time.Minute)); err != nil {
		return nil, fmt.Errorf("authdb: note token use: %w", err)
	}
	return u, nil
}
