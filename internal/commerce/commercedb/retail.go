package commercedb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/commerce"
	"congthuong/internal/db"
	"congthuong/internal/tabular"
	"congthuong/internal/unit"
)

const retailColumns = `id, name, kind, assortment, chain, unit_code, province_code, address, lon, lat, area_m2, items, operator_name,
	operator_tax_code, demo, updated_at, version`

func scanRetail(sc db.Scanner) (*commerce.RetailStore, error) {
	var s commerce.RetailStore
	var lon, lat sql.NullFloat64
	if err := sc.Scan(&s.ID, &s.Name, &s.Kind, &s.Assortment, &s.Chain, &s.UnitCode, &s.ProvinceCode, &s.Address, &lon, &lat, &s.AreaM2,
		&s.Items, &s.OperatorName, &s.OperatorTaxCode, &s.Demo, &s.UpdatedAt, &s.Version); err != nil {
		return nil, err
	}
	if lon.Valid && lat.Valid {
		s.Lon, s.Lat = &lon.Float64, &lat.Float64
	}
	s.UpdatedAt = s.UpdatedAt.UTC()
	return &s, nil
}

// SaveRetailStore records a store (r.ID 0) or changes one at its version:
// a commune's staff in their commune, the department's in its province.
func (s *Commerce) SaveRetailStore(ctx context.Context, r *commerce.RetailStore) error {
	a := congthuong.ActorFrom(ctx)
	if err := db.RequireWriter(a); err != nil {
		return err
	}
	r.Normalize()
	if err := r.Validate(); err != nil {
		return err
	}
	var v congthuong.Validation
	if err := s.placeStore(ctx, r, &v, unit.Today(s.NowUTC())); err != nil {
		return err
	}
	if err := v.Err("commerce.invalid_retail"); err != nil {
		return err
	}
	search := storeSearch(r)
	return s.WithTx(ctx, func(tx *db.Tx) error {
		view := storeView(r)
		if r.ID == 0 {
			return insertStore(ctx, tx, r)
		}
		w := &db.Where{}
		w.Add("id = ?", r.ID)
		w.Scope(a, "unit_code", "province_code")
		cur, err := scanRetail(tx.QueryRowContext(ctx, `SELECT `+retailColumns+` FROM retail_stores`+w.SQL(), w.Args...))
		if errors.Is(err, sql.ErrNoRows) {
			return congthuong.Errorf(congthuong.ENOTFOUND, "commerce.no_retail", r.ID)
		}
		if err != nil {
			return fmt.Errorf("commercedb: store: %w", err)
		}
		if cur.Version != r.Version {
			return congthuong.Errorf(congthuong.ECONFLICT, "commerce.changed_meanwhile")
		}
		r.Version, r.UpdatedAt, r.Demo = cur.Version+1, tx.Now, cur.Demo
		if _, err := tx.ExecContext(ctx, `UPDATE retail_stores SET name = $1, kind = $2, assortment = $3, chain = $4, unit_code = $5,
			province_code = $6, address = $7, lon = $8, lat = $9, area_m2 = $10, items = $11, operator_name = $12, operator_tax_code = $13,
			search_text = $14, updated_at = $15, version = $16 WHERE id = $17`, r.Name, r.Kind, r.Assortment, r.Chain, r.UnitCode,
			r.ProvinceCode, r.Address, r.Lon, r.Lat, r.AreaM2, r.Items, r.OperatorName, r.OperatorTaxCode, search, tx.Now, r.Version,
			r.ID); err != nil {
			return fmt.Errorf("commercedb: save store: %w", err)
		}
		return tx.Audit(ctx, audit.Update, "retail_store", strconv.FormatInt(r.ID, 10), r.UnitCode,
			map[string]any{"name": cur.Name, "kind": cur.Kind, "area_m2": cur.AreaM2, "items": cur.Items}, view)
	})
}

// placeStore checks the store's commune and that the actor may keep it:
// a commune's staff their commune's stores, the department's staff their
// province's.
func (s *Commerce) placeStore(ctx context.Context, r *commerce.RetailStore, v *congthuong.Validation, today string) error {
	u, ok, err := s.commune(ctx, r.UnitCode, v, 0, today)
	if err != nil || !ok {
		return err
	}
	r.ProvinceCode = u.ProvinceCode()
	if !keeps(congthuong.ActorFrom(ctx), u) {
		v.Add("unit_code", "commerce.outside_scope")
	}
	return nil
}

func storeSearch(r *commerce.RetailStore) string {
	return unit.Fold(r.Name + " " + r.Chain + " " + r.Address + " " + r.OperatorName)
}

func storeView(r *commerce.RetailStore) map[string]any {
	return map[string]any{"name": r.Name, "kind": r.Kind, "unit": r.UnitCode, "area_m2": r.AreaM2, "items": r.Items}
}

// insertStore writes a new store at version 1, audited; only the platform
// marks demo data.
func insertStore(ctx context.Context, tx *db.Tx, r *commerce.RetailStore) error {
	r.Version, r.UpdatedAt = 1, tx.Now
	if err := tx.QueryRowContext(ctx, `INSERT INTO retail_stores (name, kind, assortment, chain, unit_code, province_code, address,
		lon, lat, area_m2, items, operator_name, operator_tax_code, search_text, demo, updated_at, version) VALUES ($1, $2, $3, $4,
		$5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 1) RETURNING id`, r.Name, r.Kind, r.Assortment, r.Chain, r.UnitCode,
		r.ProvinceCode, r.Address, r.Lon, r.Lat, r.AreaM2, r.Items, r.OperatorName, r.OperatorTaxCode, storeSearch(r),
		r.Demo && congthuong.ActorFrom(ctx).System, tx.Now).Scan(&r.ID); err != nil {
		return fmt.Errorf("commercedb: create store: %w", err)
	}
	return tx.Audit(ctx, audit.Create, "retail_store", strconv.FormatInt(r.ID, 10), r.UnitCode, nil, storeView(r))
}

// ImportRetailStores records the stores of a commune's or the
// department's list, all or nothing (importPlaces): every row checked as
// SaveRetailStore checks one.
func (s *Commerce) ImportRetailStores(ctx context.Context, src tabular.Source[commerce.RetailRow], dryRun bool) (db.ImportResult, error) {
	return importPlaces(ctx, s, src, dryRun, placeImport[commerce.RetailRow, commerce.RetailStore]{
		kind: "stores", table: "retail_stores", noRows: commerce.ErrNoRetailRows, inFile: "commerce.store_in_file", recorded: "commerce.store_recorded",
		read: func(r commerce.RetailRow) (int, commerce.RetailStore, []congthuong.FieldError) {
			return r.Line, r.Store, r.Problems
		},
		check: func(st *commerce.RetailStore, v *congthuong.Validation, line int, today string) error {
			st.Normalize()
			st.ValidateInto(v, line)
			return s.placeStore(ctx, st, v, today)
		},
		key:    func(st *commerce.RetailStore) (string, string) { return st.UnitCode, st.Name },
		insert: func(tx *db.Tx, st *commerce.RetailStore) error { return insertStore(ctx, tx, st) },
	})
}

// EachRetailStore calls fn with every store of a province, for an export.
func (s *Commerce) EachRetailStore(ctx context.Context, province string, fn func(*commerce.RetailStore) error) error {
	return eachPlace(ctx, s.ListRetailStores, province, fn)
}

// FindRetailStore reads a store; stores are public places.
func (s *Commerce) FindRetailStore(ctx context.Context, id int64) (*commerce.RetailStore, error) {
	r, err := scanRetail(s.Read.QueryRowContext(ctx, `SELECT `+retailColumns+` FROM retail_stores WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congthuong.Errorf(congthuong.ENOTFOUND, "commerce.no_retail", id)
	}
	if err != nil {
		return nil, fmt.Errorf("commercedb: store: %w", err)
	}
	return r, nil
}

// ListRetailStores reads a page of a province's (or a commune's) stores
// (PlaceFilter's Kind is the store's kind), for anyone.
func (s *Commerce) ListRetailStores(ctx context.Context, f PlaceFilter) ([]*commerce.RetailStore, int, error) {
	return listPlaces(ctx, s, "retail_stores", retailColumns, "kind", f, scanRetail)
}
