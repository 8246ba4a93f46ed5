package commercedb

import (
	"context"
	"fmt"

	"congthuong/internal/db"
	"congthuong/internal/unit"
)

// PlaceFilter selects markets or stores: of a commune or a province, of a
// kind (how a market trades, what a store is), by the words of Q.
type PlaceFilter struct {
	Q        string
	UnitCode string
	Province string
	Kind     string
	Page     db.Page
}

// listPlaces reads a page of a register of places (markets, stores), its
// kind in kindColumn; places are public, listed for anyone.
func listPlaces[T any](ctx context.Context, s *Commerce, table, columns, kindColumn string, f PlaceFilter, scan func(db.Scanner) (T, error)) ([]T, int, error) {
	w := &db.Where{}
	if f.UnitCode != "" {
		w.Add("unit_code = ?", f.UnitCode)
	}
	if f.Province != "" {
		w.Add("province_code = ?", f.Province)
	}
	if f.Kind != "" {
		w.Add(kindColumn+" = ?", f.Kind)
	}
	w.Words("search_text", unit.Fold(f.Q))
	items, total, err := db.List(ctx, s.DB, table, db.Listing{Columns: columns, From: table, Where: w,
		Order: " ORDER BY unit_code, name, id", Page: f.Page}, scan)
	if err != nil {
		return nil, 0, fmt.Errorf("commercedb: %w", err)
	}
	return items, total, nil
}

// eachPlace calls fn with every place of a province that list gives, a
// page at a time, for an export or a map.
func eachPlace[T any](ctx context.Context, list func(context.Context, PlaceFilter) ([]T, int, error), province string, fn func(T) error) error {
	return db.EachPage(func(pg db.Page) ([]T, error) {
		items, _, err := list(ctx, PlaceFilter{Province: province, Page: pg})
		return items, err
	}, fn)
}
