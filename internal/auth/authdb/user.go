// Package authdb keeps the accounts in the database: users in their unit scope, passwords
// (argon2id, a few hashes at a time), sessions, API tokens and the record of
// failed logins.
package authdb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/auth"
	"congthuong/internal/db"
	"congthuong/internal/unit/unitdb"
)

// Accounts is the accounts' SQL.
type Accounts struct {
	*db.DB
	// hasher runs the argon2id password hashes a few at a time.
	hasher *auth.Hasher
}

// New returns the accounts' store over d.
func New(d *db.DB) *Accounts { return &Accounts{DB: d, hasher: auth.NewHasher()} }

// FindActive returns the active account named username, through q.
func FindActive(ctx context.Context, q db.Queryer, username string) (*auth.User, error) {
	return scanUser(q.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE username = $1 AND active`, username))
}

// ActiveOfUnit lists the active accounts of a unit, by display name: the
// people of one desk.
func ActiveOfUnit(ctx context.Context, q db.Queryer, unitCode string) ([]*auth.User, error) {
	return db.Collect(ctx, q, `SELECT `+userColumns+` FROM users WHERE unit_code = $1 AND active ORDER BY display_name, username`,
		[]any{unitCode}, func(sc db.Scanner) (*auth.User, error) { return scanUser(sc) })
}

const userColumns = `id, username, display_name, title, email, role, unit_code, province_code, tax_code, active,
	must_change_password, demo, created_at, updated_at, last_login_at`

// scanUser scans userColumns, then any extra columns into extra.
func scanUser(sc db.Scanner, extra ...any) (*auth.User, error) {
	var u auth.User
	var role string
	var last sql.NullTime
	dest := []any{&u.ID, &u.Username, &u.DisplayName, &u.Title, &u.Email, &role, &u.UnitCode, &u.ProvinceCode, &u.TaxCode,
		&u.Active, &u.MustChangePassword, &u.Demo, &u.CreatedAt, &u.UpdatedAt, &last}
	if err := sc.Scan(append(dest, extra...)...); err != nil {
		return nil, err
	}
	u.Role = congthuong.Role(role)
	u.CreatedAt, u.UpdatedAt = u.CreatedAt.UTC(), u.UpdatedAt.UTC()
	if last.Valid {
		t := last.Time.UTC()
		u.LastLoginAt = &t
	}
	return &u, nil
}

// CreateUser adds an account with the given password. Administrators create
// users only inside their own unit scope.
func (s *Accounts) CreateUser(ctx context.Context, u *auth.User, password string) error {
	actor := congthuong.ActorFrom(ctx)
	if err := db.RequireAdmin(actor); err != nil {
		return err
	}
	u.Normalize()
	if err := u.Validate(); err != nil {
		return err
	}
	hash, err := s.hashPassword(ctx, password, "password")
	if err != nil {
		return err
	}
	return s.WithTx(ctx, func(tx *db.Tx) error {
		prov, err := unitdb.ProvinceToday(ctx, tx, u.UnitCode)
		if err != nil {
			return err
		}
		if !actor.InScope(u.UnitCode, prov) {
			return congthuong.Errorf(congthuong.EFORBIDDEN, "common.unit_outside_your_scope", u.UnitCode)
		}
		u.ProvinceCode, u.CreatedAt, u.UpdatedAt = prov, tx.Now, tx.Now
		err = tx.QueryRowContext(ctx, `INSERT INTO users (username, display_name, email, password_hash, role, unit_code,
			province_code, tax_code, active, must_change_password, demo, created_at, updated_at, title)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
			u.Username, u.DisplayName, u.Email, hash, string(u.Role), u.UnitCode, u.ProvinceCode, u.TaxCode,
			u.Active, u.MustChangePassword, u.Demo, u.CreatedAt, u.UpdatedAt, u.Title).Scan(&u.ID)
		if db.IsUniqueViolation(err) {
			return &congthuong.Error{Code: congthuong.ECONFLICT, Message: "auth.user_name_taken",
				Fields: []congthuong.FieldError{{Field: "username", Message: "auth.user_name_already_taken", Args: []any{u.Username}}}}
		} else if err != nil {
			return fmt.Errorf("authdb: create user: %w", err)
		}
		return tx.Audit(ctx, audit.Create, "user", strconv.FormatInt(u.ID, 10), u.UnitCode, nil, u)
	})
}

// UserFilter selects users.
type UserFilter struct {
	Q    string
	Role congthuong.Role
	db.Page
}

var userSorts = map[string]string{"username": "username", "name": "display_name", "role": "role", "unit": "unit_code", "created": "created_at"}

// FindUsers lists users in the administrator's scope.
func (s *Accounts) FindUsers(ctx context.Context, f UserFilter) ([]*auth.User, int, error) {
	actor := congthuong.ActorFrom(ctx)
	if err := db.RequireAdmin(actor); err != nil {
		return nil, 0, err
	}
	order, err := f.Page.OrderBy(userSorts, "username", "id")
	if err != nil {
		return nil, 0, err
	}
	var w db.Where
	w.Scope(actor, "unit_code", "province_code")
	if q := strings.TrimSpace(f.Q); q != "" {
		w.Add(`(lower(username) LIKE ? ESCAPE '\' OR lower(display_name) LIKE ? ESCAPE '\')`,
			db.LikePattern(strings.ToLower(q)), db.LikePattern(strings.ToLower(q)))
	}
	if f.Role != "" {
		w.Add("role = ?", string(f.Role))
	}
	return db.List(ctx, s.DB, "users", db.Listing{Columns: userColumns, From: "users", Where: &w, Order: order, Page: f.Page},
		func(sc db.Scanner) (*auth.User, error) { return scanUser(sc) })
}

// FindUserByID returns a user: the actor's own account, or, for an
// administrator, any account in scope.
func (s *Accounts) FindUserByID(ctx context.Context, id int64) (*auth.User, error) {
	actor := congthuong.ActorFrom(ctx)
	var w db.Where
	w.Add("id = ?", id)
	if actor.UserID != id {
		if err := db.RequireAdmin(actor); err != nil {
			return nil, err
		}
		w.Scope(actor, "unit_code", "province_code")
	}
	u, err := scanUser(s.Read.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users`+w.SQL(), w.Args...))
	if err != nil {
		return nil, db.NotFound(err, "auth.no_user", id)
	}
	return u, nil
}

// UserUpdate holds the fields an administrator may change; nil leaves a
// field as it is.
type UserUpdate struct {
	DisplayName *string
	Email       *string
	Role        *congthuong.Role
	UnitCode    *string
	TaxCode     *string
	Active      *bool
}

// UpdateUser changes an account in the administrator's scope.
func (s *Accounts) UpdateUser(ctx context.Context, id int64, upd UserUpdate) (*auth.User, error) {
	actor := congthuong.ActorFrom(ctx)
	if err := db.RequireAdmin(actor); err != nil {
		return nil, err
	}
	var out *auth.User
	err := s.WithTx(ctx, func(tx *db.Tx) error {
		var w db.Where
		w.Add("id = ?", id)
		w.Scope(actor, "unit_code", "province_code")
		before, err := scanUser(tx.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users`+w.SQL(), w.Args...))
		if err != nil {
			return db.NotFound(err, "auth.no_user", id)
		}
		u := *before
		if upd.DisplayName != nil {
			u.DisplayName = *upd.DisplayName
		}
		if upd.Email != nil {
			u.Email = *upd.Email
		}
		if upd.Role != nil {
			u.Role = *upd.Role
		}
		if upd.UnitCode != nil {
			u.UnitCode = *upd.UnitCode
		}
		if upd.TaxCode != nil {
			u.TaxCode = *upd.TaxCode
		}
		if upd.Active != nil {
			u.Active = *upd.Active
		}
		u.Normalize()
		if err := u.Validate(); err != nil {
			return err
		}
		if id == actor.UserID && (!u.Active || u.Role != congthuong.RoleAdmin) {
			return congthuong.Errorf(congthuong.EINVALID, "auth.you_cannot_deactivate_your_own_account")
		}
		if u.ProvinceCode, err = unitdb.ProvinceToday(ctx, tx, u.UnitCode); err != nil {
			return err
		}
		if !actor.InScope(u.UnitCode, u.ProvinceCode) {
			return congthuong.Errorf(congthuong.EFORBIDDEN, "common.unit_outside_your_scope", u.UnitCode)
		}
		u.UpdatedAt = tx.Now
		if _, err := tx.ExecContext(ctx, `UPDATE users SET display_name = $1, email = $2, role = $3, unit_code = $4,
			province_code = $5, tax_code = $6, active = $7, updated_at = $8, title = $9 WHERE id = $10`,
			u.DisplayName, u.Email, string(u.Role), u.UnitCode, u.ProvinceCode, u.TaxCode, u.Active, u.UpdatedAt, u.Title, id); err != nil {
			return fmt.Errorf("authdb: update user: %w", err)
		}
		if !u.Active {
			if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, id); err != nil {
				return err
			}
		}
		out = &u
		return tx.Audit(ctx, audit.Update, "user", strconv.FormatInt(id, 10), u.UnitCode, before, u)
	})
	return out, err
}

// ResetPassword sets a new password for a user in the administrator's scope
// (or for the actor's own account) and ends the user's sessions; an
// administrator's reset also revokes the user's API tokens, which would
// otherwise outlive the password they were made under. mustChange forces a
// change at the next login, and until then the user's tokens are refused.
func (s *Accounts) ResetPassword(ctx context.Context, id int64, password string, mustChange bool) error {
	actor := congthuong.ActorFrom(ctx)
	if actor.UserID != id {
		if err := db.RequireAdmin(actor); err != nil {
			return err
		}
	}
	hash, err := s.hashPassword(ctx, password, "new_password")
	if err != nil {
		return err
	}
	return s.WithTx(ctx, func(tx *db.Tx) error {
		var w db.Where
		w.Add("id = ?", id)
		if actor.UserID != id {
			w.Scope(actor, "unit_code", "province_code")
		}
		var unitCode string
		if err := tx.QueryRowContext(ctx, `SELECT unit_code FROM users`+w.SQL(), w.Args...).Scan(&unitCode); err != nil {
			return db.NotFound(err, "auth.no_user", id)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = $1, must_change_password = $2, updated_at = $3
			WHERE id = $4`, hash, mustChange, tx.Now, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, id); err != nil {
			return err
		}
		revoked := int64(0)
		if actor.UserID != id {
			res, err := tx.ExecContext(ctx, `DELETE FROM api_tokens WHERE user_id = $1`, id)
			if err != nil {
				return err
			}
			revoked, _ = res.RowsAffected()
		}
		return tx.Audit(ctx, audit.Password, "user", strconv.FormatInt(id, 10), unitCode, nil,
			map[string]any{"must_change_password": mustChange, "api_tokens_revoked": revoked})
	})
}

// ChangePassword changes the actor's own password after checking the
// current one.
func (s *Accounts) ChangePassword(ctx context.Context, current, next string) error {
	actor := congthuong.ActorFrom(ctx)
	if actor.Anonymous() || actor.System {
		return congthuong.Errorf(congthuong.EUNAUTHORIZED, "common.log_first")
	}
	var hash string
	if err := s.Read.QueryRowContext(ctx, `SELECT password_hash FROM users WHERE id = $1`, actor.UserID).Scan(&hash); err != nil {
		return db.NotFound(err, "auth.no_user", actor.UserID)
	}
	if ok, err := s.checkPassword(ctx, hash, current); err != nil {
		return err
	} else if !ok {
		return &congthuong.Error{Code: congthuong.EINVALID, Message: "auth.wrong_password",
			Fields: []congthuong.FieldError{{Field: "current_password", Message: "auth.current_password_wrong"}}}
	}
	if current == next {
		return &congthuong.Error{Code: congthuong.EINVALID, Message: "auth.same_password",
			Fields: []congthuong.FieldError{{Field: "new_password", Message: "auth.new_password_must_differ_from_current"}}}
	}
	return s.ResetPassword(ctx, actor.UserID, next, false)
}

// Authenticate checks a user name and password and records the login. It
// answers the same error for an unknown user and a wrong password.
func (s *Accounts) Authenticate(ctx context.Context, username, password string) (*auth.User, error) {
	bad := congthuong.Errorf(congthuong.EUNAUTHORIZED, "auth.wrong_user_name_password")
	username = strings.ToLower(strings.TrimSpace(username))
	var hash string
	u, err := scanUser(s.Read.QueryRowContext(ctx, `SELECT `+userColumns+`, password_hash FROM users WHERE username = $1`, username), &hash)
	if err == sql.ErrNoRows {
		// Spend the time a real check would, so that timing does not tell
		// which user names exist.
		if _, err := s.checkPassword(ctx, auth.DummyHash, password); err != nil {
			return nil, err
		}
		return nil, bad
	} else if err != nil {
		return nil, fmt.Errorf("authdb: authenticate: %w", err)
	}
	if ok, err := s.checkPassword(ctx, hash, password); err != nil {
		return nil, err
	} else if !ok || !u.Active {
		return nil, bad
	}
	err = s.WithTx(congthuong.NewContext(ctx, u.Actor()), func(tx *db.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE users SET last_login_at = $1 WHERE id = $2`, tx.Now, u.ID); err != nil {
			return err
		}
		u.LastLoginAt = &tx.Now
		return tx.Audit(ctx, audit.Login, "user", strconv.FormatInt(u.ID, 10), u.UnitCode, nil, nil)
	})
	return u, err
}

// RecordFailedLogin writes a refused login to the audit log: the user name
// as typed (the account's unit when it exists), the client's address, and
// how long that address must now wait before trying the account again
// (zero while it may try at once).
func (s *Accounts) RecordFailedLogin(ctx context.Context, username, from string, wait time.Duration) error {
	username = strings.ToLower(strings.TrimSpace(username))
	if len(username) > 64 {
		username = username[:64]
	}
	var unitCode string
	if err := s.Read.QueryRowContext(ctx, `SELECT unit_code FROM users WHERE username = $1`, username).Scan(&unitCode); err != nil && err != sql.ErrNoRows {
		return fmt.Errorf("authdb: failed login: %w", err)
	}
	action, detail := audit.LoginFailed, map[string]any{"from": from}
	if wait > 0 {
		action, detail["wait_seconds"] = audit.LoginThrottled, int(wait.Seconds())
	}
	return s.WithTx(ctx, func(tx *db.Tx) error {
		return tx.Audit(ctx, action, "user", username, unitCode, nil, detail)
	})
}

// errHashBusy answers a login or password change when too many wait.
var errHashBusy = congthuong.Errorf(congthuong.ETOOMANY, "auth.many_people_signing_at_once_try_again")

// hashPassword hashes a new password (field names the form's field), in
// turn with every other password check of the process.
func (s *Accounts) hashPassword(ctx context.Context, password, field string) (string, error) {
	hash, err := s.hasher.Hash(ctx, password)
	switch {
	case errors.Is(err, auth.ErrBusy):
		return "", errHashBusy
	case errors.Is(err, auth.ErrPasswordTooShort):
		return "", &congthuong.Error{Code: congthuong.EINVALID, Message: "auth.invalid_password",
			Fields: []congthuong.FieldError{{Field: field, Message: "auth.password_too_short", Args: []any{auth.MinPasswordLength}}}}
	}
	return hash, err
}

// checkPassword checks a password against its hash, in turn with every
// other password check of the process.
func (s *Accounts) checkPassword(ctx context.Context, hash, password string) (bool, error) {
	ok, err := s.hasher.Check(ctx, hash, password)
	if errors.Is(err, auth.ErrBusy) {
		return false, errHashBusy
	}
	return ok, err
}

// CountUsers returns the number of accounts; zero means first start.
func (s *Accounts) CountUsers(ctx context.Context) (int, error) {
	var n int
	err := s.Read.QueryRowContext(ctx, `SELECT COUNT(*) FROM users`).Scan(&n)
	return n, err
}

// FindUserByUsername returns an account by name, for the command line.
func (s *Accounts) FindUserByUsername(ctx context.Context, username string) (*auth.User, error) {
	u, err := scanUser(s.Read.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE username = $1`,
		strings.ToLower(strings.TrimSpace(username))))
	if err != nil {
		return nil, db.NotFound(err, "auth.no_user_2", username)
	}
	return u, nil
}
