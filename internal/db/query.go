package db

import (
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"
	"time"

	"congthuong"
)

// where builds a WHERE clause from conditions written with ? and numbers the
// placeholders $1, $2 … in order, the form both databases accept.
type Where struct {
	conds []string
	// Args are the values of the placeholders, in order.
	Args []any
}

// WhereAfter is a filter for a query whose first arguments (args, $1 to
// $n) come before it: its conditions number theirs from $n+1, and its Args
// are all of them.
func WhereAfter(args ...any) *Where { return &Where{Args: args} }

func (w *Where) Add(cond string, args ...any) {
	var b strings.Builder
	for _, r := range cond {
		if r == '?' {
			w.Args = append(w.Args, args[0])
			args = args[1:]
			b.WriteString("$" + strconv.Itoa(len(w.Args)))
			continue
		}
		b.WriteRune(r)
	}
	w.conds = append(w.conds, b.String())
}

// MaxSearchWords bounds the words one search matches, each a LIKE.
const MaxSearchWords = 6

// Words keeps rows whose col contains every one of the words of q (at
// most MaxSearchWords), as the search columns store them: q is folded the
// way col was (unit.Fold) by the caller.
func (w *Where) Words(col, q string) {
	for i, word := range strings.Fields(q) {
		if i == MaxSearchWords {
			break
		}
		w.Add(col+` LIKE ? ESCAPE '\'`, LikePattern(word))
	}
}

// in adds "col IN (…)" for values, which must not be empty.
func (w *Where) In(col string, values []string) {
	args := make([]any, len(values))
	for i, v := range values {
		args[i] = v
	}
	w.Add(col+" IN ("+strings.Repeat("?, ", len(values)-1)+"?)", args...)
}

func (w *Where) SQL() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// scope restricts rows to the actor's unit scope: a commune officer sees
// rows of that commune, a province officer those of the province and its
// communes, a country-wide actor everything, and nobody else nothing.
func (w *Where) Scope(actor congthuong.Actor, unitCol, provinceCol string) {
	switch {
	case actor.System || actor.UnitCode == congthuong.CountryCode:
	case actor.UnitCode == "":
		w.Add("1 = 0")
	default:
		w.Add("("+unitCol+" = ? OR "+provinceCol+" = ?)", actor.UnitCode, actor.UnitCode)
	}
}

// likePattern returns a LIKE pattern for "contains s", with LIKE's own
// wildcards escaped (use with ESCAPE '\').
func LikePattern(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(s) + "%"
}

// Page is the common paging of every list.
type Page struct {
	Limit  int
	Offset int
	// Sort is a field name, with a leading "-" for descending order.
	Sort string
}

// Paging limits.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
)

func (p Page) Bounds() (limit, offset int) {
	limit, offset = p.Limit, p.Offset
	if limit <= 0 {
		limit = DefaultLimit
	}
	if limit > MaxLimit {
		limit = MaxLimit
	}
	if offset < 0 {
		offset = 0
	}
	return limit, offset
}

// orderBy maps p.Sort through the allowed fields (API name → SQL column) and
// returns an ORDER BY clause with a unique tie-breaker, or an EINVALID error
// naming the allowed fields.
func (p Page) OrderBy(allowed map[string]string, def, tiebreak string) (string, error) {
	field, desc := p.Sort, false
	if strings.HasPrefix(field, "-") {
		field, desc = field[1:], true
	}
	if field == "" {
		return " ORDER BY " + def + ", " + tiebreak, nil
	}
	col, ok := allowed[field]
	if !ok {
		names := make([]string, 0, len(allowed))
		for k := range allowed {
			names = append(names, k)
		}
		slices.Sort(names)
		return "", &congthuong.Error{Code: congthuong.EINVALID, Message: "db.cannot_sort_by", Args: []any{field},
			Fields: []congthuong.FieldError{{Field: "sort", Message: "db.sort_by_one", Args: []any{strings.Join(names, ", ")}}}}
	}
	dir := " ASC"
	if desc {
		dir = " DESC"
	}
	return " ORDER BY " + col + dir + ", " + tiebreak, nil
}

func (p Page) LimitOffset() string {
	limit, offset := p.Bounds()
	return " LIMIT " + strconv.Itoa(limit) + " OFFSET " + strconv.Itoa(offset)
}

func SplitColumns(columns string) []string {
	var out []string
	for _, c := range strings.Split(columns, ",") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// values returns the VALUES list of a multi-row insert: n rows of k
// placeholders, bound in order.
func (d Dialect) Values(n, k int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for j := 0; j < k; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			if d.anonymousParams {
				b.WriteByte('?')
			} else {
				b.WriteString("$" + strconv.Itoa(i*k+j+1))
			}
		}
		b.WriteByte(')')
	}
	return b.String()
}

// prefixed qualifies each column of a list with a table alias.
func Prefixed(alias, columns string) string {
	var out []byte
	for i, col := range SplitColumns(columns) {
		if i > 0 {
			out = append(out, ", "...)
		}
		out = append(out, alias...)
		out = append(out, col...)
	}
	return string(out)
}

// rowsAffected is res.RowsAffected, or 0 when the statement failed.
func RowsAffected(res sql.Result, err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// queryer reads: a pool, a *Tx, or the *sql.Tx of a migration.
type Queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// execer runs statements: a *Tx, or the *sql.Tx of a migration.
type Execer interface {
	Queryer
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// nullTime and utcPtr read an optional time as UTC, nil when NULL.
func NullTime(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	u := t.Time.UTC()
	return &u
}

func UTCPtr(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	u := t.Time.UTC()
	return &u
}

// nullFloat reads an optional number.
func NullFloat(f sql.NullFloat64) *float64 {
	if !f.Valid {
		return nil
	}
	return &f.Float64
}

// EachPage calls list with successive pages of MaxLimit rows, and fn with
// each row, until a page comes back short: every row of a listing that
// pages, for an export.
func EachPage[T any](list func(Page) ([]T, error), fn func(T) error) error {
	for offset := 0; ; offset += MaxLimit {
		items, err := list(Page{Limit: MaxLimit, Offset: offset})
		if err != nil {
			return err
		}
		for _, it := range items {
			if err := fn(it); err != nil {
				return err
			}
		}
		if len(items) < MaxLimit {
			return nil
		}
	}
}
