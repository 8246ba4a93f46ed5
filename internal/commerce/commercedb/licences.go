// Package commercedb keeps the commune-level trade registers: the
// licences, their history and the reminders sent before they expire.
package commercedb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/commerce"
	"congthuong/internal/db"
	"congthuong/internal/procedure/proceduredb"
	"congthuong/internal/stats/statsdb"
	"congthuong/internal/unit"
	"congthuong/internal/unit/unitdb"
)

// Commerce is the trade registers' SQL.
type Commerce struct {
	*db.DB
	units    *unitdb.Units
	dossiers *proceduredb.Procedures
	stats    *statsdb.Stats
	// SiteURL is the platform's public address, for the links in e-mails.
	SiteURL string
}

// New returns the trade registers over d.
func New(d *db.DB, units *unitdb.Units, dossiers *proceduredb.Procedures, stats *statsdb.Stats) *Commerce {
	return &Commerce{DB: d, units: units, dossiers: dossiers, stats: stats}
}

const licenceColumns = `id, kind, number, holder_name, holder_id, holder_email, holder_phone, shop_name, address, unit_code,
	province_code, lon, lat, issuer_code, issued_on, valid_until, conditions, dossier_code, status, demo, created_at, updated_at, version`

func scanLicence(sc db.Scanner) (*commerce.Licence, error) {
	var l commerce.Licence
	var lon, lat sql.NullFloat64
	if err := sc.Scan(&l.ID, &l.Kind, &l.Number, &l.HolderName, &l.HolderID, &l.HolderEmail, &l.HolderPhone, &l.ShopName,
		&l.Address, &l.UnitCode, &l.ProvinceCode, &lon, &lat, &l.IssuerCode, &l.IssuedOn, &l.ValidUntil, &l.Conditions,
		&l.DossierCode, &l.Status, &l.Demo, &l.CreatedAt, &l.UpdatedAt, &l.Version); err != nil {
		return nil, err
	}
	if lon.Valid && lat.Valid {
		l.Lon, l.Lat = &lon.Float64, &lat.Float64
	}
	l.CreatedAt, l.UpdatedAt = l.CreatedAt.UTC(), l.UpdatedAt.UTC()
	return &l, nil
}

// ForPublic keeps of a licence what the public may read: what it allows,
// to whom (a tax code, never a citizen's number), where, from when to
// when, and its status; never the holder's contact, the conditions or
// the dossier.
func ForPublic(l *commerce.Licence) *commerce.Licence {
	p := *l
	p.HolderID = l.PublicHolderID()
	p.HolderEmail, p.HolderPhone, p.Conditions, p.DossierCode = "", "", "", ""
	return &p
}

// searchText is what the register's and the public's words search: a
// tax code, never a citizen's number, which the public could otherwise
// probe.
func searchText(l *commerce.Licence) string {
	words := []string{l.Number, l.HolderName, l.ShopName, l.Address}
	if !commerce.IsCitizenID(l.HolderID) {
		words = append(words, l.HolderID)
	}
	return unit.Fold(strings.Join(words, " "))
}

// FindLicence reads a licence in the actor's scope; the public reads it
// as ForPublic does.
func (s *Commerce) FindLicence(ctx context.Context, id int64) (*commerce.Licence, error) {
	a := congthuong.ActorFrom(ctx)
	w := &db.Where{}
	w.Add("id = ?", id)
	if a.IsStaff() || a.System {
		w.Scope(a, "unit_code", "province_code")
	}
	l, err := scanLicence(s.Read.QueryRowContext(ctx, `SELECT `+licenceColumns+` FROM licences`+w.SQL(), w.Args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congthuong.Errorf(congthuong.ENOTFOUND, "commerce.no_licence", id)
	}
	if err != nil {
		return nil, fmt.Errorf("commercedb: licence: %w", err)
	}
	if !a.IsStaff() && !a.System {
		return ForPublic(l), nil
	}
	return l, nil
}

// Filter selects licences. Status is one of commerce.Statuses, read on
// Today; ExpiringDays keeps those in force whose end falls within that
// many days of Today.
type Filter struct {
	Q            string
	Kind         string
	Status       string
	UnitCode     string
	ExpiringDays int
	Today        string
	Page         db.Page
}

// ListLicences reads a page of the register in the actor's scope (staff),
// and how many match; the public looks licences up by words or by
// commune only (Lookup).
func (s *Commerce) ListLicences(ctx context.Context, f Filter) ([]*commerce.Licence, int, error) {
	a := congthuong.ActorFrom(ctx)
	if !a.IsStaff() && !a.System {
		if a.Anonymous() {
			return nil, 0, congthuong.Errorf(congthuong.EUNAUTHORIZED, "common.log_first")
		}
		return nil, 0, congthuong.Errorf(congthuong.EFORBIDDEN, "commerce.staff_only")
	}
	w := &db.Where{}
	w.Scope(a, "unit_code", "province_code")
	filterWhere(w, f)
	return s.list(ctx, w, f.Page, false)
}

// Lookup answers the public's question "is this shop licensed?": licences
// matching the words of q (number, holder, shop, address, tax code) or in
// a commune, as ForPublic shows them. Without words or commune it finds
// nothing, so the register is not listed whole.
func (s *Commerce) Lookup(ctx context.Context, f Filter) ([]*commerce.Licence, int, error) {
	if strings.TrimSpace(f.Q) == "" && f.UnitCode == "" {
		return []*commerce.Licence{}, 0, nil
	}
	w := &db.Where{}
	f.ExpiringDays = 0
	filterWhere(w, f)
	return s.list(ctx, w, f.Page, true)
}

func filterWhere(w *db.Where, f Filter) {
	if _, ok := commerce.FindKind(f.Kind); ok {
		w.Add("kind = ?", f.Kind)
	}
	if f.UnitCode != "" {
		w.Add("unit_code = ?", f.UnitCode)
	}
	switch f.Status {
	case commerce.Active:
		w.Add("status = ? AND (valid_until = '' OR valid_until >= ?)", commerce.Active, f.Today)
	case commerce.Expired:
		w.Add("status = ? AND valid_until <> '' AND valid_until < ?", commerce.Active, f.Today)
	case commerce.Suspended, commerce.Revoked:
		w.Add("status = ?", f.Status)
	}
	if f.ExpiringDays > 0 {
		if d, err := dateAfter(f.Today, f.ExpiringDays); err == nil {
			w.Add("status = ? AND valid_until <> '' AND valid_until >= ? AND valid_until <= ?", commerce.Active, f.Today, d)
		}
	}
	w.Words("search_text", unit.Fold(f.Q))
}

// LicenceSorts are the orders a register may be read in.
var LicenceSorts = []string{"valid_until", "-valid_until", "issued_on", "-issued_on", "holder_name", "number"}

func (s *Commerce) list(ctx context.Context, w *db.Where, page db.Page, public bool) ([]*commerce.Licence, int, error) {
	order := " ORDER BY valid_until = '', valid_until, id"
	if i := slices.Index(LicenceSorts, page.Sort); i >= 0 {
		col, dir := strings.TrimPrefix(page.Sort, "-"), " ASC"
		if strings.HasPrefix(page.Sort, "-") {
			dir = " DESC"
		}
		order = " ORDER BY " + col + dir + ", id"
	}
	items, total, err := db.List(ctx, s.DB, "licences", db.Listing{Columns: licenceColumns, From: "licences", Where: w,
		Order: order, Page: page}, func(sc db.Scanner) (*commerce.Licence, error) {
		l, err := scanLicence(sc)
		if err == nil && public {
			l = ForPublic(l)
		}
		return l, err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("commercedb: %w", err)
	}
	return items, total, nil
}

// LicenceEvents reads a licence's history, oldest first, in the actor's
// scope.
func (s *Commerce) LicenceEvents(ctx context.Context, id int64) ([]commerce.Event, error) {
	if _, err := s.FindLicence(ctx, id); err != nil {
		return nil, err
	}
	out, err := db.Collect(ctx, s.Read, `SELECT id, action, on_day, decision, note, valid_until, actor, at FROM licence_events
		WHERE licence_id = $1 ORDER BY id`, []any{id}, func(sc db.Scanner) (commerce.Event, error) {
		var e commerce.Event
		err := sc.Scan(&e.ID, &e.Action, &e.On, &e.Decision, &e.Note, &e.ValidUntil, &e.Actor, &e.At)
		e.At = e.At.UTC()
		return e, err
	})
	if err != nil {
		return nil, fmt.Errorf("commercedb: history: %w", err)
	}
	if !congthuong.ActorFrom(ctx).IsStaff() {
		for i := range out {
			out[i].Actor, out[i].Note = "", ""
		}
	}
	return out, nil
}

// EachLicence calls fn with every licence of the register in the actor's
// scope that f selects, in the register's order, for an export.
func (s *Commerce) EachLicence(ctx context.Context, f Filter, fn func(*commerce.Licence) error) error {
	a := congthuong.ActorFrom(ctx)
	if !a.IsStaff() && !a.System {
		return congthuong.Errorf(congthuong.EFORBIDDEN, "commerce.staff_only")
	}
	w := &db.Where{}
	w.Scope(a, "unit_code", "province_code")
	filterWhere(w, f)
	rows, err := s.Read.QueryContext(ctx, `SELECT `+licenceColumns+` FROM licences`+w.SQL()+` ORDER BY unit_code, kind, id`, w.Args...)
	if err != nil {
		return fmt.Errorf("commercedb: export: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		l, err := scanLicence(rows)
		if err != nil {
			return err
		}
		if err := fn(l); err != nil {
			return err
		}
	}
	return rows.Err()
}

// MaxPoints bounds the licensed premises one map draws.
const MaxPoints = 5000

// LicensedPremises are the licences in force in a commune that have a
// place on the map, as the public may read them: the public's map of
// where alcohol and tobacco may be sold.
func (s *Commerce) LicensedPremises(ctx context.Context, unitCode, today string) ([]*commerce.Licence, error) {
	out, err := db.Collect(ctx, s.Read, `SELECT `+licenceColumns+` FROM licences WHERE unit_code = $1 AND status = $2
		AND (valid_until = '' OR valid_until >= $3) AND lon IS NOT NULL AND lat IS NOT NULL ORDER BY id LIMIT `+strconv.Itoa(MaxPoints),
		[]any{unitCode, commerce.Active, today}, func(sc db.Scanner) (*commerce.Licence, error) {
			l, err := scanLicence(sc)
			if err != nil {
				return nil, err
			}
			return ForPublic(l), nil
		})
	if err != nil {
		return nil, fmt.Errorf("commercedb: premises: %w", err)
	}
	return out, nil
}

// SummaryRow counts a commune's licences of one kind: in force, expired,
// and suspended or revoked.
type SummaryRow struct {
	UnitCode string
	Kind     string
	InForce  int
	Expired  int
	Stopped  int
}

// Summary counts the register in the actor's scope by commune and kind on
// today: how the communes' registers roll up to the department's.
func (s *Commerce) Summary(ctx context.Context, today string) ([]SummaryRow, error) {
	a := congthuong.ActorFrom(ctx)
	if !a.IsStaff() && !a.System {
		return nil, congthuong.Errorf(congthuong.EFORBIDDEN, "commerce.staff_only")
	}
	w := db.WhereAfter(commerce.Active, today)
	w.Scope(a, "unit_code", "province_code")
	out, err := db.Collect(ctx, s.Read, `SELECT unit_code, kind,
		SUM(CASE WHEN status = $1 AND (valid_until = '' OR valid_until >= $2) THEN 1 ELSE 0 END),
		SUM(CASE WHEN status = $1 AND valid_until <> '' AND valid_until < $2 THEN 1 ELSE 0 END),
		SUM(CASE WHEN status <> $1 THEN 1 ELSE 0 END)
		FROM licences`+w.SQL()+` GROUP BY unit_code, kind ORDER BY unit_code, kind`, w.Args, func(sc db.Scanner) (SummaryRow, error) {
		var r SummaryRow
		return r, sc.Scan(&r.UnitCode, &r.Kind, &r.InForce, &r.Expired, &r.Stopped)
	})
	if err != nil {
		return nil, fmt.Errorf("commercedb: summary: %w", err)
	}
	return out, nil
}

// CurrentVersion is a record's version now ("licence", "market", "store"
// or "promotion"), for a form sent again after a change meanwhile; read as
// the record's page reads it, so only by whoever may read the record.
func (s *Commerce) CurrentVersion(ctx context.Context, record string, id int64) (int, error) {
	switch record {
	case "licence":
		l, err := s.FindLicence(ctx, id)
		if err != nil {
			return 0, err
		}
		return l.Version, nil
	case "market":
		m, err := s.FindMarket(ctx, id)
		if err != nil {
			return 0, err
		}
		return m.Version, nil
	case "store":
		st, err := s.FindRetailStore(ctx, id)
		if err != nil {
			return 0, err
		}
		return st.Version, nil
	case "promotion":
		p, err := s.FindPromotion(ctx, id)
		if err != nil {
			return 0, err
		}
		return p.Version, nil
	}
	return 0, fmt.Errorf("commercedb: no record %q", record)
}
