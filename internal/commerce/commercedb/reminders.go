package commercedb

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/commerce"
	"congthuong/internal/db"
)

// SendReminders tells the holders of licences ending soon, and the desks
// that issued them, through the outbox: each licence once per lead and
// end (a renewal moves the end and starts again), the smallest lead due
// when several are (commerce.DueLead). It runs as the platform and
// answers how many licences were reminded.
func (s *Commerce) SendReminders(ctx context.Context, today calendar.Date, cal *calendar.Calendar, leads []int) (int, error) {
	if len(leads) == 0 {
		return 0, nil
	}
	ctx = congthuong.NewContext(ctx, congthuong.System())
	// Working days are fewer than calendar days: twice the largest lead
	// in calendar days, plus the longest run of holidays, covers it.
	horizon := today.AddDays(leads[0]*2 + 14).String()
	w := &db.Where{}
	w.Add("status = ? AND valid_until <> '' AND valid_until >= ? AND valid_until <= ?", commerce.Active, today.String(), horizon)
	due, err := db.Collect(ctx, s.Read, `SELECT `+licenceColumns+` FROM licences`+w.SQL()+` ORDER BY valid_until, id`, w.Args, scanLicence)
	if err != nil {
		return 0, fmt.Errorf("commercedb: licences ending: %w", err)
	}
	sent := 0
	for _, l := range due {
		end, err := calendar.ParseDate(l.ValidUntil)
		if err != nil {
			continue
		}
		lead, err := commerce.DueLead(cal, today, end, leads)
		if err != nil {
			continue // beyond the calendar's years: nothing is due yet
		}
		if lead == 0 {
			continue
		}
		done, err := s.remind(ctx, l, lead, leads)
		if err != nil {
			return sent, err
		}
		if done {
			sent++
		}
	}
	return sent, nil
}

// remind sends one licence's reminder for lead unless it went already,
// marking every larger lead as passed so that a late start does not send
// them all at once.
func (s *Commerce) remind(ctx context.Context, l *commerce.Licence, lead int, leads []int) (bool, error) {
	done := false
	err := s.WithTx(ctx, func(tx *db.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM licence_reminders WHERE licence_id = $1 AND lead_days = $2 AND valid_until = $3`,
			l.ID, lead, l.ValidUntil).Scan(&n); err != nil {
			return fmt.Errorf("commercedb: reminders sent: %w", err)
		}
		if n > 0 {
			return nil
		}
		for _, ld := range leads {
			if ld < lead {
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO licence_reminders (licence_id, lead_days, valid_until, sent_at)
				VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, l.ID, ld, l.ValidUntil, tx.Now); err != nil {
				return fmt.Errorf("commercedb: reminder: %w", err)
			}
		}
		link := strings.TrimSuffix(s.SiteURL, "/") + "/licences/" + strconv.FormatInt(l.ID, 10)
		ref := "licence-" + strconv.FormatInt(l.ID, 10)
		subject, body := commerce.ReminderMail(l, link, false)
		if err := tx.EnqueueMail(ctx, l.HolderEmail, subject, body, ref); err != nil {
			return err
		}
		desk, err := deskEmails(ctx, tx, l.IssuerCode)
		if err != nil {
			return err
		}
		subject, body = commerce.ReminderMail(l, link, true)
		for _, to := range desk {
			if err := tx.EnqueueMail(ctx, to, subject, body, ref); err != nil {
				return err
			}
		}
		done = true
		return nil
	})
	return done, err
}

// deskEmails are the addresses of the issuing unit's active staff who
// keep its register.
func deskEmails(ctx context.Context, q db.Queryer, unitCode string) ([]string, error) {
	out, err := db.Collect(ctx, q, `SELECT email FROM users WHERE unit_code = $1 AND active = TRUE AND email <> ''
		AND role IN ('officer', 'commune') ORDER BY username LIMIT 20`, []any{unitCode}, func(sc db.Scanner) (string, error) {
		var e string
		return e, sc.Scan(&e)
	})
	if err != nil {
		return nil, fmt.Errorf("commercedb: desk: %w", err)
	}
	return out, nil
}
