package commercedb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/calendar"
	"congthuong/internal/commerce"
	"congthuong/internal/db"
	"congthuong/internal/unit"
)

func dateAfter(day string, n int) (string, error) {
	d, err := calendar.ParseDate(day)
	if err != nil {
		return "", err
	}
	return d.AddDays(n).String(), nil
}

// commune resolves the commune of a record (premises, a market, a store)
// on today, naming on row a code that is not a commune in force; ok is
// false when there is none to go on with.
func (s *Commerce) commune(ctx context.Context, code string, v *congthuong.Validation, row int, today string) (unit.Unit, bool, error) {
	ix, err := s.units.Index(ctx)
	if err != nil {
		return unit.Unit{}, false, err
	}
	u, ok := ix.Resolve(code, today, today)
	if code != "" && (!ok || u.Level != unit.Commune) {
		v.AddRow(row, "unit_code", "commerce.not_commune", code)
		return unit.Unit{}, false, nil
	}
	return u, ok, nil
}

// keeps says whether the actor may keep a commune's places (markets,
// stores): its staff, or the department's of its province.
func keeps(a congthuong.Actor, u unit.Unit) bool {
	return a.System || (a.CanWrite() && a.InScope(u.Code, u.ProvinceCode()))
}

// place checks the premises' commune and who may record a licence there:
// a commune's staff the licences their commune issues, the department's
// staff any in their province. It sets the province and the issuer (the
// commune, or the province for the department's kinds).
func (s *Commerce) place(ctx context.Context, l *commerce.Licence, v *congthuong.Validation, row int, today string) error {
	a := congthuong.ActorFrom(ctx)
	u, ok, err := s.commune(ctx, l.UnitCode, v, row, today)
	if err != nil || !ok {
		return err
	}
	l.ProvinceCode = u.ProvinceCode()
	kind, known := commerce.FindKind(l.Kind)
	if !known {
		return nil
	}
	l.IssuerCode = l.UnitCode
	if kind.Issuer == commerce.IssuerDepartment {
		l.IssuerCode = l.ProvinceCode
	}
	switch {
	case a.System:
	case !a.InScope(l.UnitCode, l.ProvinceCode):
		v.AddRow(row, "unit_code", "commerce.outside_scope")
	case kind.Issuer == commerce.IssuerDepartment && !a.IsDepartment():
		v.AddRow(row, "kind", "commerce.department_kind")
	}
	return nil
}

// taken says whether another licence has the same issuer, kind and
// number, or the same dossier.
func taken(ctx context.Context, q db.Queryer, l *commerce.Licence, v *congthuong.Validation, row int) error {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM licences WHERE issuer_code = $1 AND kind = $2 AND number = $3 AND id <> $4`,
		l.IssuerCode, l.Kind, l.Number, l.ID).Scan(&n); err != nil {
		return fmt.Errorf("commercedb: number taken: %w", err)
	}
	if n > 0 {
		v.AddRow(row, "number", "commerce.number_taken", l.Number)
	}
	if l.DossierCode != "" {
		if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM licences WHERE dossier_code = $1 AND id <> $2`, l.DossierCode, l.ID).Scan(&n); err != nil {
			return fmt.Errorf("commercedb: dossier taken: %w", err)
		}
		if n > 0 {
			v.AddRow(row, "dossier_code", "commerce.dossier_taken", l.DossierCode)
		}
	}
	return nil
}

// CreateLicence records a licence: issued from a dossier, or from a
// commune's old lists.
func (s *Commerce) CreateLicence(ctx context.Context, l *commerce.Licence) error {
	a := congthuong.ActorFrom(ctx)
	if err := db.RequireWriter(a); err != nil {
		return err
	}
	today := unit.Today(s.NowUTC())
	l.ID, l.Status = 0, commerce.Active
	l.Demo = l.Demo && a.System // only the platform's demo marks samples
	l.Normalize()
	var v congthuong.Validation
	l.ValidateInto(&v, 0, today)
	if err := s.place(ctx, l, &v, 0, today); err != nil {
		return err
	}
	if l.DossierCode != "" {
		if err := s.checkDossier(ctx, l, &v); err != nil {
			return err
		}
	}
	if err := taken(ctx, s.Read, l, &v, 0); err != nil {
		return err
	}
	if err := v.Err("commerce.invalid_licence"); err != nil {
		return err
	}
	return s.WithTx(ctx, func(tx *db.Tx) error {
		var v congthuong.Validation
		if err := taken(ctx, tx, l, &v, 0); err != nil {
			return err
		}
		if err := v.Err("commerce.invalid_licence"); err != nil {
			return err
		}
		return insertLicence(ctx, tx, l, commerce.Issued)
	})
}

func insertLicence(ctx context.Context, tx *db.Tx, l *commerce.Licence, action string) error {
	l.CreatedAt, l.UpdatedAt, l.Version = tx.Now, tx.Now, 1
	if err := tx.QueryRowContext(ctx, `INSERT INTO licences (kind, number, holder_name, holder_id, holder_email, holder_phone,
		shop_name, address, unit_code, province_code, lon, lat, issuer_code, issued_on, valid_until, conditions, dossier_code,
		status, search_text, demo, created_at, updated_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
		$13, $14, $15, $16, $17, $18, $19, $20, $21, $21, 1) RETURNING id`, l.Kind, l.Number, l.HolderName, l.HolderID,
		l.HolderEmail, l.HolderPhone, l.ShopName, l.Address, l.UnitCode, l.ProvinceCode, l.Lon, l.Lat, l.IssuerCode, l.IssuedOn,
		l.ValidUntil, l.Conditions, l.DossierCode, l.Status, searchText(l), l.Demo, tx.Now).Scan(&l.ID); err != nil {
		return fmt.Errorf("commercedb: create licence: %w", err)
	}
	if err := addEvent(ctx, tx, l.ID, commerce.Event{Action: action, On: l.IssuedOn, Decision: l.Number, ValidUntil: l.ValidUntil}); err != nil {
		return err
	}
	return tx.Audit(ctx, audit.Create, "licence", strconv.FormatInt(l.ID, 10), l.UnitCode, nil, auditView(l))
}

func addEvent(ctx context.Context, tx *db.Tx, id int64, e commerce.Event) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO licence_events (licence_id, action, on_day, decision, note, valid_until, actor, at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, id, e.Action, e.On, e.Decision, e.Note, e.ValidUntil, tx.Actor.Name(), tx.Now); err != nil {
		return fmt.Errorf("commercedb: licence history: %w", err)
	}
	return nil
}

// auditView is what the audit log keeps of a licence: what it allows and
// where, not the holder's contact.
func auditView(l *commerce.Licence) map[string]string {
	return map[string]string{"kind": l.Kind, "number": l.Number, "holder": l.HolderName, "address": l.Address,
		"unit": l.UnitCode, "issued_on": l.IssuedOn, "valid_until": l.ValidUntil, "status": l.Status}
}

// UpdateLicence corrects or amends a licence's record (its holder,
// premises, dates, conditions) at version; the history notes the
// amendment and its decision.
func (s *Commerce) UpdateLicence(ctx context.Context, id int64, version int, l *commerce.Licence, decision string) error {
	a := congthuong.ActorFrom(ctx)
	if err := db.RequireWriter(a); err != nil {
		return err
	}
	today := unit.Today(s.NowUTC())
	return s.change(ctx, id, version, func(tx *db.Tx, cur *commerce.Licence) (commerce.Event, error) {
		kind, _ := commerce.FindKind(cur.Kind)
		if kind.Issuer == commerce.IssuerDepartment && !a.IsDepartment() && !a.System {
			return commerce.Event{}, congthuong.Errorf(congthuong.EFORBIDDEN, "commerce.department_kind")
		}
		// A licence keeps its kind: another kind is another licence.
		l.ID, l.Kind, l.Status, l.DossierCode, l.Demo = cur.ID, cur.Kind, cur.Status, cur.DossierCode, cur.Demo
		l.Normalize()
		var v congthuong.Validation
		l.ValidateInto(&v, 0, today)
		if err := s.place(ctx, l, &v, 0, today); err != nil {
			return commerce.Event{}, err
		}
		if err := taken(ctx, tx, l, &v, 0); err != nil {
			return commerce.Event{}, err
		}
		if err := v.Err("commerce.invalid_licence"); err != nil {
			return commerce.Event{}, err
		}
		version, created := cur.Version, cur.CreatedAt
		*cur = *l
		cur.Version, cur.CreatedAt = version, created
		return commerce.Event{Action: commerce.Amended, On: today, Decision: decision}, nil
	})
}

// DecideLicence records a decision on a licence (renewal, re-issue,
// suspension, reinstatement, revocation) at version, as commerce.Decide
// allows it.
func (s *Commerce) DecideLicence(ctx context.Context, id int64, version int, e commerce.Event) (*commerce.Licence, error) {
	a := congthuong.ActorFrom(ctx)
	if err := db.RequireWriter(a); err != nil {
		return nil, err
	}
	today := unit.Today(s.NowUTC())
	var out *commerce.Licence
	err := s.change(ctx, id, version, func(tx *db.Tx, cur *commerce.Licence) (commerce.Event, error) {
		kind, _ := commerce.FindKind(cur.Kind)
		if kind.Issuer == commerce.IssuerDepartment && !a.IsDepartment() && !a.System {
			return e, congthuong.Errorf(congthuong.EFORBIDDEN, "commerce.department_kind")
		}
		if err := commerce.Decide(cur, &e, today); err != nil {
			return e, err
		}
		out = cur
		return e, nil
	})
	return out, err
}

// change applies fn to the licence at version in the actor's scope, in
// one transaction: saved, its history and the audit log written.
func (s *Commerce) change(ctx context.Context, id int64, version int, fn func(*db.Tx, *commerce.Licence) (commerce.Event, error)) error {
	a := congthuong.ActorFrom(ctx)
	return s.WithTx(ctx, func(tx *db.Tx) error {
		w := &db.Where{}
		w.Add("id = ?", id)
		w.Scope(a, "unit_code", "province_code")
		cur, err := scanLicence(tx.QueryRowContext(ctx, `SELECT `+licenceColumns+` FROM licences`+w.SQL(), w.Args...))
		if errors.Is(err, sql.ErrNoRows) {
			return congthuong.Errorf(congthuong.ENOTFOUND, "commerce.no_licence", id)
		}
		if err != nil {
			return fmt.Errorf("commercedb: licence: %w", err)
		}
		if cur.Version != version {
			return congthuong.Errorf(congthuong.ECONFLICT, "commerce.changed_meanwhile")
		}
		before := auditView(cur)
		e, err := fn(tx, cur)
		if err != nil {
			return err
		}
		cur.Version++
		if _, err := tx.ExecContext(ctx, `UPDATE licences SET kind = $1, number = $2, holder_name = $3, holder_id = $4,
			holder_email = $5, holder_phone = $6, shop_name = $7, address = $8, unit_code = $9, province_code = $10, lon = $11,
			lat = $12, issuer_code = $13, issued_on = $14, valid_until = $15, conditions = $16, status = $17, search_text = $18,
			updated_at = $19, version = $20 WHERE id = $21`, cur.Kind, cur.Number, cur.HolderName, cur.HolderID, cur.HolderEmail,
			cur.HolderPhone, cur.ShopName, cur.Address, cur.UnitCode, cur.ProvinceCode, cur.Lon, cur.Lat, cur.IssuerCode,
			cur.IssuedOn, cur.ValidUntil, cur.Conditions, cur.Status, searchText(cur), tx.Now, cur.Version, cur.ID); err != nil {
			return fmt.Errorf("commercedb: save licence: %w", err)
		}
		cur.UpdatedAt = tx.Now
		if err := addEvent(ctx, tx, cur.ID, e); err != nil {
			return err
		}
		return tx.Audit(ctx, audit.Update, "licence", strconv.FormatInt(cur.ID, 10), cur.UnitCode, before, auditView(cur))
	})
}
