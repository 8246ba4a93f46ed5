package db

import (
	"context"
	"fmt"
)

// Scanner is a row to scan: *sql.Row or *sql.Rows.
type Scanner interface{ Scan(dest ...any) error }

// Collect runs query and scans every row with scan. It returns an empty
// slice, never nil, when no row matches, so that an API lists `[]`.
func Collect[T any](ctx context.Context, q Queryer, query string, args []any, scan func(Scanner) (T, error)) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Listing is one page of a list: the columns to read and the rows they
// come from (FROM and joins, without the word FROM), the filter, the
// order (an ORDER BY clause, from Page.OrderBy) and the page.
type Listing struct {
	Columns string
	From    string
	// CountFrom, when set, is what to count instead of From: the same rows
	// without the joins only the columns need.
	CountFrom string
	Where     *Where
	Order     string
	Page      Page
}

// List reads one page of a listing and how many rows the whole listing
// has, from the read pool: every list of the platform (units,
// enterprises, users, sites, procedures, dossiers, the audit log) the same
// way. what names the list in errors.
func List[T any](ctx context.Context, s *DB, what string, l Listing, scan func(Scanner) (T, error)) ([]T, int, error) {
	w := l.Where
	if w == nil {
		w = &Where{}
	}
	countFrom := l.CountFrom
	if countFrom == "" {
		countFrom = l.From
	}
	var total int
	if err := s.Read.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+countFrom+w.SQL(), w.Args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count %s: %w", what, err)
	}
	items, err := Collect(ctx, s.Read, `SELECT `+l.Columns+` FROM `+l.From+w.SQL()+l.Order+l.Page.LimitOffset(), w.Args, scan)
	if err != nil {
		return nil, 0, fmt.Errorf("list %s: %w", what, err)
	}
	return items, total, nil
}
