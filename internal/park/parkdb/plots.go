package parkdb

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/db"
	"congthuong/internal/park"
)

// Plots reads a site's plots, as whoever may see the site: its code,
// area, status, tenant and outline, in the order of their codes.
func (s *Parks) Plots(ctx context.Context, code string) ([]park.Plot, error) {
	site, err := findPark(ctx, s.Read, code)
	if err != nil {
		return nil, err
	}
	return sitePlots(ctx, s.Read, site.ID)
}

func sitePlots(ctx context.Context, q db.Queryer, siteID int64) ([]park.Plot, error) {
	rows, err := q.QueryContext(ctx, `SELECT pl.code, pl.area_m2, pl.status, pl.tax_code, COALESCE(e.name, ''), pl.geometry
		FROM park_plots pl LEFT JOIN enterprises e ON e.tax_code = pl.tax_code WHERE pl.park_id = $1 ORDER BY pl.code`, siteID)
	if err != nil {
		return nil, fmt.Errorf("parkdb: plots: %w", err)
	}
	defer rows.Close()
	out := []park.Plot{}
	for rows.Next() {
		var p park.Plot
		var geom string
		if err := rows.Scan(&p.Code, &p.Area, &p.Status, &p.TaxCode, &p.Tenant, &geom); err != nil {
			return nil, err
		}
		p.Geometry = &park.Geometry{}
		if err := json.Unmarshal([]byte(geom), p.Geometry); err != nil {
			return nil, fmt.Errorf("parkdb: plot %s: %w", p.Code, err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// ReplacePlots replaces a site's plots with those of an import, all or
// nothing: staff of the site's unit or province only, the plots' land
// within the site's leasable land, each leased plot's tenant a tenant of
// the site.
func (s *Parks) ReplacePlots(ctx context.Context, code string, plots []park.Plot) error {
	return s.writePlots(ctx, code, func(context.Context, *db.Tx, int64) ([]park.Plot, error) { return plots, nil })
}

// UpdatePlots applies a plots sheet to the plots on a site's plan (see
// park.ApplyPlotChanges), under the rules of ReplacePlots.
func (s *Parks) UpdatePlots(ctx context.Context, code string, changes []park.PlotChange) error {
	return s.writePlots(ctx, code, func(ctx context.Context, tx *db.Tx, siteID int64) ([]park.Plot, error) {
		current, err := sitePlots(ctx, tx, siteID)
		if err != nil {
			return nil, err
		}
		// Named here by the sheet's rows; writePlots would name the plan's.
		tenants, err := siteTenantCodes(ctx, tx, siteID)
		if err != nil {
			return nil, err
		}
		var v congthuong.Validation
		for _, c := range changes {
			if c.TaxCode != "" && !tenants[c.TaxCode] {
				v.AddRow(c.Row, "tenant_tax_code", "park.plot_not_tenant", c.TaxCode)
			}
		}
		if err := v.Err("common.file_has_invalid_rows_nothing_was"); err != nil {
			return nil, err
		}
		return park.ApplyPlotChanges(current, changes)
	})
}

// writePlots replaces a site's plots with those plan gives, read in the
// same transaction.
func (s *Parks) writePlots(ctx context.Context, code string, plan func(context.Context, *db.Tx, int64) ([]park.Plot, error)) error {
	a := congthuong.ActorFrom(ctx)
	if err := db.RequireWriter(a); err != nil {
		return err
	}
	return s.WithTx(ctx, func(tx *db.Tx) error {
		site, err := findPark(ctx, tx, code)
		if err != nil {
			return err
		}
		if !a.System && (!a.IsStaff() || !a.InScope(site.UnitCode, site.ProvinceCode)) {
			return congthuong.Errorf(congthuong.EFORBIDDEN, "park.site_outside_your_scope", site.Code)
		}
		plots, err := plan(ctx, tx, site.ID)
		if err != nil {
			return err
		}
		tenants, err := siteTenantCodes(ctx, tx, site.ID)
		if err != nil {
			return err
		}
		var v congthuong.Validation
		for i, p := range plots {
			if p.TaxCode != "" && !tenants[p.TaxCode] {
				v.AddRow(i+2, "tenant_tax_code", "park.plot_not_tenant", p.TaxCode)
			}
		}
		if err := v.Err("common.file_has_invalid_rows_nothing_was"); err != nil {
			return err
		}
		if sum := park.SummarizePlots(plots); site.LeasableArea > 0 && sum.Area > site.LeasableArea {
			return congthuong.FieldErr(congthuong.EINVALID, "area_ha", "park.plots_exceed_leasable", sum.Area.Hectares(), site.LeasableArea.Hectares())
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM park_plots WHERE park_id = $1`, site.ID); err != nil {
			return fmt.Errorf("parkdb: replace plots: %w", err)
		}
		for _, p := range plots {
			geom, err := json.Marshal(p.Geometry)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO park_plots (park_id, code, area_m2, status, tax_code, geometry, updated_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7)`, site.ID, p.Code, int64(p.Area), p.Status, p.TaxCode, string(geom), tx.Now); err != nil {
				return fmt.Errorf("parkdb: plot %s: %w", p.Code, err)
			}
		}
		if err := tx.BumpVersion(ctx, parksVersionKey); err != nil {
			return err
		}
		sum := park.SummarizePlots(plots)
		return tx.Audit(ctx, audit.Update, "park", site.Code, site.UnitCode, nil,
			map[string]string{"plots": strconv.Itoa(sum.Count), "vacant": strconv.Itoa(sum.Vacant)})
	})
}

// siteTenantCodes are the tax codes of a site's tenants.
func siteTenantCodes(ctx context.Context, q db.Queryer, siteID int64) (map[string]bool, error) {
	rows, err := q.QueryContext(ctx, `SELECT tax_code FROM park_tenants WHERE park_id = $1`, siteID)
	if err != nil {
		return nil, fmt.Errorf("parkdb: plots' tenants: %w", err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var tax string
		if err := rows.Scan(&tax); err != nil {
			return nil, err
		}
		out[tax] = true
	}
	return out, rows.Err()
}
