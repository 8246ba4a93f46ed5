// Package unitdb keeps the administrative units in the database: loading the
// reference data, finding units by code and day or by name, the groups, and
// an index of every row held in memory, since the reference data changes
// only when it is loaded.
package unitdb

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/db"
	"congthuong/internal/unit"
)

// Units is the administrative units' SQL.
type Units struct {
	*db.DB
	cache cache
}

// New returns the units' store over d.
func New(d *db.DB) *Units { return &Units{DB: d} }

// cache keeps every unit row in memory: the reference data changes only
// when it is loaded (at first start), and work over thousands of units
// would otherwise read them all on every request.
type cache struct {
	mu sync.Mutex
	ix *unit.Index
}

// Index returns every unit row, indexed; read once and kept.
func (s *Units) Index(ctx context.Context) (*unit.Index, error) {
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	if s.cache.ix != nil {
		return s.cache.ix, nil
	}
	all, err := db.Collect(ctx, s.Read, `SELECT `+unitColumns+` FROM units ORDER BY level DESC, code`, nil, scanUnit)
	if err != nil {
		return nil, fmt.Errorf("unitdb: units: %w", err)
	}
	ix := unit.NewIndex(all)
	if len(all) > 0 { // an empty table is not kept: the units may be loading
		s.cache.ix = ix
	}
	return ix, nil
}

func (s *Units) reset() {
	s.cache.mu.Lock()
	s.cache.ix = nil
	s.cache.mu.Unlock()
}

const unitColumns = `code, level, name, type, full_name, name_en, parent_code, valid_from, valid_to, successor_code, legal_basis`

func scanUnit(sc db.Scanner) (unit.Unit, error) {
	var u unit.Unit
	var level string
	err := sc.Scan(&u.Code, &level, &u.Name, &u.Type, &u.FullName, &u.NameEN, &u.ParentCode,
		db.DayCol{S: &u.ValidFrom}, db.DayCol{S: &u.ValidTo}, &u.SuccessorCode, &u.LegalBasis)
	u.Level = unit.Level(level)
	return u, err
}

// LoadUnits writes the reference units and groups when the units table is
// empty, and reports whether it did. It runs on first start.
func (s *Units) LoadUnits(ctx context.Context, ref *unit.Reference) (bool, error) {
	defer s.reset()
	loaded := false
	err := s.WithTx(ctx, func(tx *db.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM units`).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO units (`+unitColumns+`, search_name)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, u := range ref.Units {
			if _, err := stmt.ExecContext(ctx, u.Code, string(u.Level), u.Name, u.Type, u.FullName, u.NameEN,
				u.ParentCode, db.DayArg(u.ValidFrom), db.DayArg(u.ValidTo), u.SuccessorCode, u.LegalBasis,
				unit.Fold(u.FullName)); err != nil {
				return fmt.Errorf("unit %s from %s: %w", u.Code, u.ValidFrom, err)
			}
		}
		for _, g := range ref.Groups {
			if _, err := tx.ExecContext(ctx, `INSERT INTO unit_groups (code, name_vi, name_en) VALUES ($1, $2, $3)`,
				g.Code, g.NameVI, g.NameEN); err != nil {
				return err
			}
			for _, m := range g.Members {
				res, err := tx.ExecContext(ctx, `INSERT INTO unit_group_members (group_code, unit_id)
					SELECT $1, id FROM units WHERE code = $2 AND level = 'province'
					AND (valid_from IS NULL OR valid_from <= $3) AND (valid_to IS NULL OR valid_to >= $3)`,
					g.Code, m.UnitCode, m.ValidOn)
				if err != nil {
					return err
				}
				if n, _ := res.RowsAffected(); n != 1 {
					return fmt.Errorf("group %s: unit %s on %s matches %d units", g.Code, m.UnitCode, m.ValidOn, n)
				}
			}
		}
		loaded = true
		return tx.Audit(ctx, audit.Load, "units", "reference", "", nil,
			map[string]int{"units": len(ref.Units), "groups": len(ref.Groups)})
	})
	if err != nil {
		return false, fmt.Errorf("unitdb: load units: %w", err)
	}
	return loaded, nil
}

// UnitFilter selects units. Units are public; no scope applies.
type UnitFilter struct {
	Q       string     // name, without regard to case or diacritics, or a code
	Level   unit.Level // empty: all levels
	Parent  string     // province code (communes) or VN (provinces)
	ValidOn string     // YYYY-MM-DD; required
	db.Page
}

var unitSorts = map[string]string{"code": "code", "name": "search_name", "level": "level"}

// FindUnits lists the units valid on f.ValidOn that match f.
func (s *Units) FindUnits(ctx context.Context, f UnitFilter) ([]unit.Unit, int, error) {
	var v congthuong.Validation
	if _, err := unit.ParseDay(f.ValidOn); err != nil {
		v.AddErr("valid_on", err)
	}
	if f.Level != "" && !f.Level.Valid() {
		v.Add("level", "unit.level_must_country_province_commune")
	}
	if err := v.Err("unit.invalid_unit_filter"); err != nil {
		return nil, 0, err
	}
	order, err := f.Page.OrderBy(unitSorts, "level DESC, code", "valid_from")
	if err != nil {
		return nil, 0, err
	}
	var w db.Where
	w.Add("(valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?)", f.ValidOn, f.ValidOn)
	if f.Level != "" {
		w.Add("level = ?", string(f.Level))
	}
	if f.Parent != "" {
		w.Add("parent_code = ?", f.Parent)
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		w.Add(`(search_name LIKE ? ESCAPE '\' OR code = ?)`, db.LikePattern(unit.Fold(q)), q)
	}
	return db.List(ctx, s.DB, "units", db.Listing{Columns: unitColumns, From: "units", Where: &w, Order: order, Page: f.Page}, scanUnit)
}

// FindUnit returns the unit with code valid on day (YYYY-MM-DD).
func (s *Units) FindUnit(ctx context.Context, code, day string) (unit.Unit, error) {
	return Find(ctx, s.Read, code, day)
}

// Find is FindUnit through q: a pool or a transaction.
func Find(ctx context.Context, q db.Queryer, code, day string) (unit.Unit, error) {
	if _, err := unit.ParseDay(day); err != nil {
		return unit.Unit{}, &congthuong.Error{Code: congthuong.EINVALID, Message: "unit.invalid_date",
			Fields: []congthuong.FieldError{{Field: "valid_on", Message: "unit.bad_day", Args: []any{day}}}}
	}
	u, err := scanUnit(q.QueryRowContext(ctx, `SELECT `+unitColumns+` FROM units
		WHERE code = $1 AND (valid_from IS NULL OR valid_from <= $2) AND (valid_to IS NULL OR valid_to >= $2)`, code, day))
	if err != nil {
		return unit.Unit{}, db.NotFound(err, "unit.no_unit_code", code, day)
	}
	return u, nil
}

// UnitHistory returns every interval of the unit with code, oldest first: a
// reused code shows both of its meanings.
func (s *Units) UnitHistory(ctx context.Context, code string) ([]unit.Unit, error) {
	history, err := db.Collect(ctx, s.Read, `SELECT `+unitColumns+` FROM units WHERE code = $1
		ORDER BY COALESCE(valid_from, '0001-01-01')`, []any{code}, scanUnit)
	if err != nil {
		return nil, fmt.Errorf("unitdb: unit history: %w", err)
	}
	return history, nil
}

// FindGroups returns the unit groups with their members.
func (s *Units) FindGroups(ctx context.Context) ([]unit.Group, error) {
	rows, err := s.Read.QueryContext(ctx, `SELECT g.code, g.name_vi, g.name_en, u.code, COALESCE(u.valid_to, u.valid_from)
		FROM unit_groups g JOIN unit_group_members m ON m.group_code = g.code JOIN units u ON u.id = m.unit_id
		ORDER BY g.code, u.code`)
	if err != nil {
		return nil, fmt.Errorf("unitdb: find groups: %w", err)
	}
	defer rows.Close()
	var out []unit.Group
	for rows.Next() {
		var g unit.Group
		var m unit.Member
		if err := rows.Scan(&g.Code, &g.NameVI, &g.NameEN, &m.UnitCode, db.DayCol{S: &m.ValidOn}); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].Code != g.Code {
			out = append(out, g)
		}
		out[len(out)-1].Members = append(out[len(out)-1].Members, m)
	}
	return out, rows.Err()
}

// ProvinceOf returns the province of the unit code names on day, through
// q; a code of no unit in force then is the caller's mistake, named on the
// field unit_code.
func ProvinceOf(ctx context.Context, q db.Queryer, code, day string) (string, error) {
	u, err := Find(ctx, q, code, day)
	if congthuong.ErrorCode(err) == congthuong.ENOTFOUND {
		return "", &congthuong.Error{Code: congthuong.EINVALID, Message: "unit.unknown_unit",
			Fields: []congthuong.FieldError{{Field: "unit_code", Message: "common.no_administrative_unit_code_force_today", Args: []any{code}}}}
	} else if err != nil {
		return "", err
	}
	return u.ProvinceCode(), nil
}

// ProvincesInForce maps the code of every unit in force on day to its province.
func (s *Units) ProvincesInForce(ctx context.Context, day string) (map[string]string, error) {
	rows, err := s.Read.QueryContext(ctx, `SELECT code, level, parent_code FROM units
		WHERE (valid_from IS NULL OR valid_from <= $1) AND (valid_to IS NULL OR valid_to >= $1)`, day)
	if err != nil {
		return nil, fmt.Errorf("unitdb: units in force: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var u unit.Unit
		var level string
		if err := rows.Scan(&u.Code, &level, &u.ParentCode); err != nil {
			return nil, err
		}
		u.Level = unit.Level(level)
		out[u.Code] = u.ProvinceCode()
	}
	return out, rows.Err()
}

// GroupMembers returns the units of a group, by code.
func (s *Units) GroupMembers(ctx context.Context, group string) ([]unit.Unit, error) {
	members, err := db.Collect(ctx, s.Read, `SELECT `+db.Prefixed("u.", unitColumns)+` FROM unit_group_members m
		JOIN units u ON u.id = m.unit_id WHERE m.group_code = $1 ORDER BY u.code`, []any{group}, scanUnit)
	if err != nil {
		return nil, fmt.Errorf("unitdb: group members: %w", err)
	}
	return members, nil
}

// ProvinceToday checks that code names a unit valid today and returns its
// province ("" for the country).
func ProvinceToday(ctx context.Context, tx *db.Tx, code string) (string, error) {
	return ProvinceOf(ctx, tx, code, unit.Today(tx.Now))
}
