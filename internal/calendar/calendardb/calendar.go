// Package calendardb keeps the Government's yearly schedules (the calendar's overrides) in the
// database, and builds the working-day calendar from them.
package calendardb

import (
	"context"
	"fmt"
	"strings"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/db"
)

// Schedules is the calendar overrides' SQL, and the calendar built from
// them (Current).
type Schedules struct {
	*db.DB
	current currentCalendar
}

// New returns the schedules' store over d; its calendar counts time in the
// default office hours until SetOptions says otherwise.
func New(d *db.DB) *Schedules {
	return &Schedules{DB: d, current: currentCalendar{opt: calendar.DefaultOptions()}}
}

// SetOptions sets the office hours the configuration gives, before the
// platform serves.
func (s *Schedules) SetOptions(opt calendar.Options) {
	if len(opt.OfficeHours) == 0 {
		opt.OfficeHours = calendar.DefaultOfficeHours
	}
	s.current.mu.Lock()
	s.current.opt, s.current.cal = opt, nil
	s.current.mu.Unlock()
}

// calendarVersionKey is a setting bumped with every change of overrides, in
// the same transaction, so that every process sharing the database can tell
// cheaply that its calendar is stale.
const calendarVersionKey = "calendar_version"

// CalendarOverrides returns every override, by date. They are public.
func (s *Schedules) CalendarOverrides(ctx context.Context) ([]calendar.Override, error) {
	rows, err := s.Read.QueryContext(ctx, `SELECT day, scope, kind, name_vi, name_en, ref FROM calendar_overrides ORDER BY day, scope`)
	if err != nil {
		return nil, fmt.Errorf("calendardb: calendar overrides: %w", err)
	}
	defer rows.Close()
	out := []calendar.Override{}
	for rows.Next() {
		var o calendar.Override
		var day string
		if err := rows.Scan(db.DayCol{S: &day}, &o.Scope, &o.Kind, &o.NameVI, &o.NameEN, &o.Ref); err != nil {
			return nil, err
		}
		if o.Date, err = calendar.ParseDate(day); err != nil {
			return nil, fmt.Errorf("calendardb: calendar override: %w", err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// Calendar builds the working-day calendar from the holiday rules and the
// stored overrides.
func (s *Schedules) Calendar(ctx context.Context, opt calendar.Options) (*calendar.Calendar, error) {
	overrides, err := s.CalendarOverrides(ctx)
	if err != nil {
		return nil, err
	}
	return calendar.New(calendar.DefaultRules(), overrides, opt)
}

// CalendarVersion returns a value that changes whenever the overrides do.
func (s *Schedules) CalendarVersion(ctx context.Context) (string, error) {
	return s.Setting(ctx, calendarVersionKey)
}

// SaveCalendarOverride creates or replaces the override of a date and
// scope; administrators only, audited.
func (s *Schedules) SaveCalendarOverride(ctx context.Context, o calendar.Override) error {
	if err := db.RequireAdmin(congthuong.ActorFrom(ctx)); err != nil {
		return err
	}
	o.NameVI, o.NameEN, o.Ref = strings.TrimSpace(o.NameVI), strings.TrimSpace(o.NameEN), strings.TrimSpace(o.Ref)
	if err := o.Validate(); err != nil {
		e := congthuong.AsError(err)
		return &congthuong.Error{Code: congthuong.EINVALID, Message: "calendar.invalid_calendar_override", Fields: e.Fields}
	}
	defer s.changed()
	return s.WithTx(ctx, func(tx *db.Tx) error {
		before, err := findOverride(ctx, tx, o.Date, o.Scope)
		if err != nil {
			return err
		}
		action := "create"
		if before != nil {
			action = "update"
			_, err = tx.ExecContext(ctx, `UPDATE calendar_overrides SET kind = $1, name_vi = $2, name_en = $3, ref = $4,
				updated_at = $5 WHERE day = $6 AND scope = $7`, o.Kind, o.NameVI, o.NameEN, o.Ref, tx.Now, o.Date.String(), o.Scope)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO calendar_overrides (day, scope, kind, name_vi, name_en, ref, created_at, updated_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`, o.Date.String(), o.Scope, o.Kind, o.NameVI, o.NameEN, o.Ref, tx.Now)
		}
		if err != nil {
			return fmt.Errorf("calendardb: save calendar override: %w", err)
		}
		return calendarChanged(ctx, tx, action, o.Date, o.Scope, before, &o)
	})
}

// DeleteCalendarOverride removes the override of a date and scope;
// administrators only, audited.
func (s *Schedules) DeleteCalendarOverride(ctx context.Context, day calendar.Date, scope calendar.Scope) error {
	if err := db.RequireAdmin(congthuong.ActorFrom(ctx)); err != nil {
		return err
	}
	defer s.changed()
	return s.WithTx(ctx, func(tx *db.Tx) error {
		before, err := findOverride(ctx, tx, day, scope)
		if err != nil {
			return err
		}
		if before == nil {
			return congthuong.Errorf(congthuong.ENOTFOUND, "calendar.no_calendar_override_scope", day, scope)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM calendar_overrides WHERE day = $1 AND scope = $2`, day.String(), scope); err != nil {
			return fmt.Errorf("calendardb: delete calendar override: %w", err)
		}
		return calendarChanged(ctx, tx, "delete", day, scope, before, nil)
	})
}

// SeedCalendarOverrides adds the overrides of list whose date and scope have
// none yet, and returns how many it added. Setup calls it once, so that an
// administrator's later deletion of a shipped override stays deleted.
func (s *Schedules) SeedCalendarOverrides(ctx context.Context, list []calendar.Override) (int, error) {
	existing, err := s.CalendarOverrides(ctx)
	if err != nil {
		return 0, err
	}
	added := 0
	for _, o := range list {
		if overrideIn(existing, o.Date, o.Scope) {
			continue
		}
		if err := s.SaveCalendarOverride(ctx, o); err != nil {
			return added, fmt.Errorf("calendardb: seed calendar override of %s: %w", o.Date, err)
		}
		added++
	}
	return added, nil
}

func overrideIn(list []calendar.Override, day calendar.Date, scope calendar.Scope) bool {
	for _, o := range list {
		if o.Date == day && o.Scope == scope {
			return true
		}
	}
	return false
}

func findOverride(ctx context.Context, tx *db.Tx, day calendar.Date, scope calendar.Scope) (*calendar.Override, error) {
	rows, err := tx.QueryContext(ctx, `SELECT kind, name_vi, name_en, ref FROM calendar_overrides WHERE day = $1 AND scope = $2`,
		day.String(), scope)
	if err != nil {
		return nil, fmt.Errorf("calendardb: calendar override: %w", err)
	}
	defer rows.Close()
	if !rows.Next() {
		return nil, rows.Err()
	}
	o := calendar.Override{Date: day, Scope: scope}
	if err := rows.Scan(&o.Kind, &o.NameVI, &o.NameEN, &o.Ref); err != nil {
		return nil, err
	}
	return &o, nil
}

// calendarChanged audits a change of an override and bumps the version.
func calendarChanged(ctx context.Context, tx *db.Tx, action string, day calendar.Date, scope calendar.Scope, before, after *calendar.Override) error {
	var b, a any
	if before != nil {
		b = before
	}
	if after != nil {
		a = after
	}
	if err := tx.BumpVersion(ctx, calendarVersionKey); err != nil {
		return err
	}
	return tx.Audit(ctx, action, "calendar_override", day.String()+"/"+string(scope), congthuong.CountryCode, b, a)
}
