// Package enterprisedb keeps the enterprises in the database: one record per tax code in its
// unit scope, searched by the words of its name with each database's own
// full-text index, imported all or nothing and exported.
package enterprisedb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/db"
	"congthuong/internal/enterprise"
	"congthuong/internal/unit"
	"congthuong/internal/unit/unitdb"
)

// Enterprises is the enterprises' SQL.
type Enterprises struct {
	*db.DB
	units *unitdb.Units
}

// New returns the enterprises' store over d.
func New(d *db.DB, units *unitdb.Units) *Enterprises { return &Enterprises{DB: d, units: units} }

const enterpriseColumns = `id, tax_code, name, name_en, address, unit_code, province_code, vsic_code, vsic_version,
	representative, phone, email, demo, created_at, updated_at`

func scanEnterprise(sc db.Scanner) (*enterprise.Enterprise, error) {
	var e enterprise.Enterprise
	if err := sc.Scan(&e.ID, &e.TaxCode, &e.Name, &e.NameEN, &e.Address, &e.UnitCode, &e.ProvinceCode, &e.VSICCode,
		&e.VSICVersion, &e.Representative, &e.Phone, &e.Email, &e.Demo, &e.CreatedAt, &e.UpdatedAt); err != nil {
		return nil, err
	}
	e.CreatedAt, e.UpdatedAt = e.CreatedAt.UTC(), e.UpdatedAt.UTC()
	return &e, nil
}

// enterpriseWhere restricts enterprise rows to what the actor may read
// (staff their unit scope, an enterprise user its own record and branches)
// and, when unitFilter is set, to that commune or province.
func enterpriseWhere(actor congthuong.Actor, unitFilter string) (db.Where, error) {
	var w db.Where
	switch {
	case actor.System || actor.IsStaff():
		w.Scope(actor, "unit_code", "province_code")
	case actor.Role == congthuong.RoleEnterprise && actor.TaxCode != "":
		w.Add("(tax_code = ? OR tax_code LIKE ?)", actor.TaxCode, actor.TaxCode+"-%")
	case actor.Anonymous():
		return w, congthuong.Errorf(congthuong.EUNAUTHORIZED, "enterprise.log_see_enterprises")
	default:
		return w, congthuong.Errorf(congthuong.EFORBIDDEN, "enterprise.you_may_not_see_enterprises")
	}
	if unitFilter != "" {
		w.Add("(unit_code = ? OR province_code = ?)", unitFilter, unitFilter)
	}
	return w, nil
}

// EnterpriseFilter selects enterprises.
type EnterpriseFilter struct {
	Q        string // name without regard to case or diacritics, or tax-code prefix
	UnitCode string // a commune or province
	db.Page
}

var enterpriseSorts = map[string]string{"tax_code": "tax_code", "name": "search_name", "unit": "unit_code",
	"updated": "updated_at", "created": "created_at"}

// FindEnterprises lists the enterprises in the actor's scope matching f.
func (s *Enterprises) FindEnterprises(ctx context.Context, f EnterpriseFilter) ([]*enterprise.Enterprise, int, error) {
	q, err := s.enterpriseQuery(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	total := q.total
	if total < 0 {
		if err := s.Read.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+q.from, q.args...).Scan(&total); err != nil {
			return nil, 0, fmt.Errorf("enterprisedb: count enterprises: %w", err)
		}
	}
	out := []*enterprise.Enterprise{}
	err = s.eachEnterpriseRow(ctx, `SELECT `+enterpriseColumns+` FROM `+q.from+q.order+f.Page.LimitOffset(), q.args,
		func(e *enterprise.Enterprise) error {
			out = append(out, e)
			return nil
		})
	return out, total, err
}

// EachEnterprise calls fn for every enterprise in the actor's scope matching
// f, in f's order, streaming them from one query. Paging is ignored.
func (s *Enterprises) EachEnterprise(ctx context.Context, f EnterpriseFilter, fn func(*enterprise.Enterprise) error) error {
	q, err := s.enterpriseQuery(ctx, f)
	if err != nil {
		return err
	}
	return s.eachEnterpriseRow(ctx, `SELECT `+enterpriseColumns+` FROM `+q.from+q.order, q.args, fn)
}

func (s *Enterprises) eachEnterpriseRow(ctx context.Context, query string, args []any, fn func(*enterprise.Enterprise) error) error {
	rows, err := s.Read.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("enterprisedb: find enterprises: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanEnterprise(rows)
		if err != nil {
			return err
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return rows.Err()
}

// SearchLimit is the most matches a search returns; a search that reaches
// it should be narrowed.
const SearchLimit = 200

// maxSearchWords bounds the words of a query that filter, so that a pasted
// paragraph does not become a full-text query of a hundred terms.
const maxSearchWords = 6

// enterpriseQuery builds the FROM … WHERE and ORDER BY of an enterprise
// query for the actor in ctx. A search by words first finds the ids of its
// matches (at most SearchLimit) through the full-text index, and the query then
// reads those rows only: counting and sorting every match of a broad word
// ("thép") would read thousands of rows to show fifty. A plain list counts
// exactly.
func (s *Enterprises) enterpriseQuery(ctx context.Context, f EnterpriseFilter) (enterpriseSelect, error) {
	actor := congthuong.ActorFrom(ctx)
	w, err := enterpriseWhere(actor, f.UnitCode)
	if err != nil {
		return enterpriseSelect{}, err
	}
	order, err := f.Page.OrderBy(enterpriseSorts, "search_name", "id")
	if err != nil {
		return enterpriseSelect{}, err
	}
	q := strings.TrimSpace(f.Q)
	if q == "" {
		return enterpriseSelect{from: `enterprises` + w.SQL(), order: order, args: w.Args, total: -1}, nil
	}
	var ids []int64
	if digits := strings.NewReplacer(" ", "", "-", "", ".", "").Replace(q); isDigits(digits) {
		if len(digits) > 10 && len(digits) != 12 {
			digits = digits[:10] + "-" + digits[10:]
		}
		// A range, not LIKE: SQLite's LIKE cannot use the index.
		tc, _ := enterpriseWhere(actor, f.UnitCode)
		tc.Add("tax_code >= ? AND tax_code < ?", digits, digits+"~")
		ids, err = s.queryIDs(ctx, `SELECT id FROM enterprises`+tc.SQL()+limitSearch, tc.Args)
	} else if words := enterprise.SearchWords(q); len(words) > 0 {
		sw, _ := enterpriseWhere(actor, f.UnitCode) // w is extended below
		ids, err = s.searchWordIDs(ctx, sw, words)
	} else {
		// A query of legal forms only ("công ty") names nearly every record
		// and filters nothing, but stops at SearchLimit like every search.
		ids, err = s.queryIDs(ctx, `SELECT id FROM enterprises`+w.SQL()+limitSearch, w.Args)
	}
	if err != nil {
		return enterpriseSelect{}, err
	}
	// The ids come from the database as integers: writing them into the
	// query is safe, and spares a thousand placeholders. The scope stays on
	// this query too, so that no way of finding ids can widen it.
	var list strings.Builder
	list.WriteString("id IN (0")
	for _, id := range ids {
		list.WriteString(", ")
		list.WriteString(strconv.FormatInt(id, 10))
	}
	list.WriteString(")")
	w.Add(list.String())
	// The ids were found under the same conditions: they are the count.
	return enterpriseSelect{from: `enterprises` + w.SQL(), order: order, args: w.Args, total: len(ids)}, nil
}

// enterpriseSelect is an enterprise query: FROM … WHERE, ORDER BY, and the
// number of rows when already known (-1 otherwise).
type enterpriseSelect struct {
	from, order string
	args        []any
	total       int
}

var limitSearch = ` LIMIT ` + strconv.Itoa(SearchLimit)

func (s *Enterprises) queryIDs(ctx context.Context, query string, args []any) ([]int64, error) {
	rows, err := s.Read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("enterprisedb: search enterprises: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// searchWordIDs returns the ids of the first SearchLimit enterprises
// matching w having, for each query word, a word of the name that begins
// with it. The database's full-text index intersects the words; w's
// conditions name enterprises' columns, none of which enterprise_search has.
func (s *Enterprises) searchWordIDs(ctx context.Context, w db.Where, words []string) ([]int64, error) {
	words = words[:min(len(words), maxSearchWords)]
	w.Add(search(s.Dialect).match, search(s.Dialect).query(words))
	return s.queryIDs(ctx, `SELECT enterprises.id FROM `+search(s.Dialect).join+w.SQL()+limitSearch, w.Args)
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// FindEnterprise returns the enterprise with the tax code, if in scope.
func (s *Enterprises) FindEnterprise(ctx context.Context, taxCode string) (*enterprise.Enterprise, error) {
	return findEnterprise(ctx, s.Read, taxCode)
}

func findEnterprise(ctx context.Context, q db.Queryer, taxCode string) (*enterprise.Enterprise, error) {
	w, err := enterpriseWhere(congthuong.ActorFrom(ctx), "")
	if err != nil {
		return nil, err
	}
	if tc, err := enterprise.ParseTaxCode(taxCode); err == nil {
		taxCode = tc
	}
	w.Add("tax_code = ?", taxCode)
	e, err := scanEnterprise(q.QueryRowContext(ctx, `SELECT `+enterpriseColumns+` FROM enterprises`+w.SQL(), w.Args...))
	if err != nil {
		// Out of scope and absent look the same: existence is not disclosed.
		return nil, db.NotFound(err, "enterprise.no_enterprise_tax_code", taxCode)
	}
	return e, nil
}

// checkEnterpriseUnit resolves e's unit (valid today), sets its province and
// checks that it lies in the actor's scope.
func checkEnterpriseUnit(ctx context.Context, tx *db.Tx, e *enterprise.Enterprise) error {
	prov, err := unitdb.ProvinceToday(ctx, tx, e.UnitCode)
	if err != nil {
		return err
	}
	if e.UnitCode == congthuong.CountryCode {
		return &congthuong.Error{Code: congthuong.EINVALID, Message: "enterprise.unit_too_wide",
			Fields: []congthuong.FieldError{{Field: "unit_code", Message: "enterprise.give_commune_province_address_not"}}}
	}
	e.ProvinceCode = prov
	if !tx.Actor.InScope(e.UnitCode, prov) && !tx.Actor.System {
		return &congthuong.Error{Code: congthuong.EFORBIDDEN, Message: "enterprise.unit_outside_your_scope",
			Fields: []congthuong.FieldError{{Field: "unit_code", Message: "common.unit_outside_your_scope", Args: []any{e.UnitCode}}}}
	}
	return nil
}

// CreateEnterprise adds an enterprise in the actor's scope.
func (s *Enterprises) CreateEnterprise(ctx context.Context, e *enterprise.Enterprise) error {
	if err := db.RequireWriter(congthuong.ActorFrom(ctx)); err != nil {
		return err
	}
	e.Normalize()
	if err := e.Validate(); err != nil {
		return err
	}
	return s.WithTx(ctx, func(tx *db.Tx) error {
		if err := checkEnterpriseUnit(ctx, tx, e); err != nil {
			return err
		}
		return insertEnterprise(ctx, tx, e)
	})
}

func insertEnterprise(ctx context.Context, tx *db.Tx, e *enterprise.Enterprise) error {
	e.CreatedAt, e.UpdatedAt = tx.Now, tx.Now
	ins, err := tx.Stmt(ctx, `INSERT INTO enterprises (tax_code, name, name_en, address, unit_code, province_code,
		vsic_code, vsic_version, representative, phone, email, demo, search_name, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`)
	if err != nil {
		return fmt.Errorf("enterprisedb: create enterprise: %w", err)
	}
	err = ins.QueryRowContext(ctx, e.TaxCode, e.Name, e.NameEN, e.Address, e.UnitCode, e.ProvinceCode, e.VSICCode, e.VSICVersion,
		e.Representative, e.Phone, e.Email, e.Demo, unit.Fold(e.Name), e.CreatedAt, e.UpdatedAt).Scan(&e.ID)
	if db.IsUniqueViolation(err) {
		return &congthuong.Error{Code: congthuong.ECONFLICT, Message: "enterprise.tax_code_already_registered",
			Fields: []congthuong.FieldError{{Field: "tax_code", Message: "enterprise.enterprise_tax_code_already_exists", Args: []any{e.TaxCode}}}}
	} else if err != nil {
		return fmt.Errorf("enterprisedb: create enterprise: %w", err)
	}
	if err := indexEnterprises(ctx, tx, []*enterprise.Enterprise{e}); err != nil {
		return err
	}
	return tx.Audit(ctx, audit.Create, "enterprise", e.TaxCode, e.UnitCode, nil, e)
}

// UpdateEnterprise replaces the editable fields of the enterprise with the
// tax code by those of upd. The tax code itself never changes.
func (s *Enterprises) UpdateEnterprise(ctx context.Context, taxCode string, upd enterprise.Enterprise) (*enterprise.Enterprise, error) {
	if err := db.RequireWriter(congthuong.ActorFrom(ctx)); err != nil {
		return nil, err
	}
	var out *enterprise.Enterprise
	err := s.WithTx(ctx, func(tx *db.Tx) error {
		before, err := findEnterprise(ctx, tx, taxCode)
		if err != nil {
			return err
		}
		// Read again under the row's lock, so that the audit's "before" is
		// what this change replaced even when two edits meet.
		if _, err := tx.ExecContext(ctx, `UPDATE enterprises SET updated_at = updated_at WHERE id = $1`, before.ID); err != nil {
			return fmt.Errorf("enterprisedb: lock enterprise: %w", err)
		}
		if before, err = findEnterprise(ctx, tx, taxCode); err != nil {
			return err
		}
		e := upd
		e.ID, e.TaxCode, e.Demo, e.CreatedAt = before.ID, before.TaxCode, before.Demo, before.CreatedAt
		e.Normalize()
		if err := e.Validate(); err != nil {
			return err
		}
		if err := checkEnterpriseUnit(ctx, tx, &e); err != nil {
			return err
		}
		out = &e
		return updateEnterprise(ctx, tx, before, &e)
	})
	return out, err
}

func updateEnterprise(ctx context.Context, tx *db.Tx, before, e *enterprise.Enterprise) error {
	e.UpdatedAt = tx.Now
	if _, err := tx.ExecContext(ctx, `UPDATE enterprises SET name = $1, name_en = $2, address = $3, unit_code = $4,
		province_code = $5, vsic_code = $6, vsic_version = $7, representative = $8, phone = $9, email = $10,
		search_name = $11, updated_at = $12 WHERE id = $13`,
		e.Name, e.NameEN, e.Address, e.UnitCode, e.ProvinceCode, e.VSICCode, e.VSICVersion, e.Representative,
		e.Phone, e.Email, unit.Fold(e.Name), e.UpdatedAt, e.ID); err != nil {
		return fmt.Errorf("enterprisedb: update enterprise: %w", err)
	}
	if before.Name != e.Name || before.UnitCode != e.UnitCode || before.ProvinceCode != e.ProvinceCode {
		if err := unindexEnterprise(ctx, tx, e.ID); err != nil {
			return err
		}
		if err := indexEnterprises(ctx, tx, []*enterprise.Enterprise{e}); err != nil {
			return err
		}
	}
	return tx.Audit(ctx, audit.Update, "enterprise", e.TaxCode, e.UnitCode, before, e)
}

// DeleteEnterprise removes an enterprise in the actor's scope.
func (s *Enterprises) DeleteEnterprise(ctx context.Context, taxCode string) error {
	if err := db.RequireWriter(congthuong.ActorFrom(ctx)); err != nil {
		return err
	}
	return s.WithTx(ctx, func(tx *db.Tx) error {
		before, err := findEnterprise(ctx, tx, taxCode)
		if err != nil {
			return err
		}
		if err := unindexEnterprise(ctx, tx, before.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM enterprises WHERE id = $1`, before.ID); err != nil {
			return fmt.Errorf("enterprisedb: delete enterprise: %w", err)
		}
		return tx.Audit(ctx, audit.Delete, "enterprise", before.TaxCode, before.UnitCode, before, nil)
	})
}

// sameEnterprise reports whether an import row would change nothing.
func sameEnterprise(a, b *enterprise.Enterprise) bool {
	return a.Name == b.Name && a.NameEN == b.NameEN && a.Address == b.Address && a.UnitCode == b.UnitCode &&
		a.VSICCode == b.VSICCode && a.VSICVersion == b.VSICVersion && a.Representative == b.Representative &&
		a.Phone == b.Phone && a.Email == b.Email
}

// Names maps every registered tax code to its enterprise's name, through q.
func Names(ctx context.Context, q db.Queryer) (map[string]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT tax_code, name FROM enterprises`)
	if err != nil {
		return nil, fmt.Errorf("enterprisedb: enterprises: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var tc, name string
		if err := rows.Scan(&tc, &name); err != nil {
			return nil, err
		}
		out[tc] = name
	}
	return out, rows.Err()
}

// NameOf returns the name of the enterprise registered under taxCode, or ""
// when there is none, through q.
func NameOf(ctx context.Context, q db.Queryer, taxCode string) (string, error) {
	var name string
	err := q.QueryRowContext(ctx, `SELECT name FROM enterprises WHERE tax_code = $1`, taxCode).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	} else if err != nil {
		return "", fmt.Errorf("enterprisedb: enterprise %s: %w", taxCode, err)
	}
	return name, nil
}
