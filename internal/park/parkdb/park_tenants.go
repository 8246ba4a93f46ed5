package parkdb

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/db"
	"congthuong/internal/enterprise"
	"congthuong/internal/enterprise/enterprisedb"
	"congthuong/internal/park"
)

const tenantColumns = `t.id, p.code, t.tax_code, COALESCE(e.name, ''), t.project, t.sector, t.leased_m2, t.capital_vnd,
	t.capital_usd, t.jobs, t.status, t.registered_on, t.operating_on, t.demo, t.version, t.created_at, t.updated_at`

const tenantFrom = ` FROM park_tenants t JOIN parks p ON p.id = t.park_id LEFT JOIN enterprises e ON e.tax_code = t.tax_code`

func scanTenant(r db.Scanner) (*park.Tenant, error) {
	var t park.Tenant
	var usd sql.NullFloat64
	if err := r.Scan(&t.ID, &t.SiteCode, &t.TaxCode, &t.Enterprise, &t.Project, &t.Sector, &t.LeasedArea, &t.CapitalVND,
		&usd, &t.Jobs, &t.Status, &t.RegisteredOn, &t.OperatingOn, &t.Demo, &t.Version, &t.CreatedAt, &t.UpdatedAt); err != nil {
		return nil, err
	}
	t.CapitalUSD = db.NullFloat(usd)
	t.CreatedAt, t.UpdatedAt = t.CreatedAt.UTC(), t.UpdatedAt.UTC()
	return &t, nil
}

// Tenants lists a site's tenants, largest leased area first, if the actor
// may see the site. The public sees who leases what; capital and jobs are
// the staff's.
func (s *Parks) Tenants(ctx context.Context, siteCode string) ([]*park.Tenant, error) {
	site, err := s.FindPark(ctx, siteCode)
	if err != nil {
		return nil, err
	}
	rows, err := s.Read.QueryContext(ctx, `SELECT `+tenantColumns+tenantFrom+` WHERE t.park_id = $1
		ORDER BY t.leased_m2 DESC, t.id`, site.ID)
	if err != nil {
		return nil, fmt.Errorf("parkdb: tenants: %w", err)
	}
	defer rows.Close()
	a := congthuong.ActorFrom(ctx)
	out := []*park.Tenant{}
	for rows.Next() {
		t, err := scanTenant(rows)
		if err != nil {
			return nil, err
		}
		if !a.System && !a.IsStaff() {
			t.CapitalVND, t.CapitalUSD, t.Jobs = 0, nil, 0
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// EachTenant calls fn with every tenant of the sites matching f that the
// actor may see, by site code; for the public without capital and jobs.
func (s *Parks) EachTenant(ctx context.Context, f ParkFilter, fn func(*park.Tenant) error) error {
	a := congthuong.ActorFrom(ctx)
	w := parkWhere(a, f)
	rows, err := s.Read.QueryContext(ctx, `SELECT `+tenantColumns+tenantFrom+w.SQL()+` ORDER BY p.code, t.id`, w.Args...)
	if err != nil {
		return fmt.Errorf("parkdb: tenants: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		t, err := scanTenant(rows)
		if err != nil {
			return err
		}
		if !a.System && !a.IsStaff() {
			t.CapitalVND, t.CapitalUSD, t.Jobs = 0, nil, 0
		}
		if err := fn(t); err != nil {
			return err
		}
	}
	return rows.Err()
}

// SaveTenant adds a tenant to a site (ID 0) or replaces one, if
// t.Version is the stored version. The site must be in the actor's scope
// and the tenant an enterprise of the register; the site's leased land,
// tenants, jobs and capital are recomputed in the same transaction.
func (s *Parks) SaveTenant(ctx context.Context, t *park.Tenant) error {
	if err := db.RequireWriter(congthuong.ActorFrom(ctx)); err != nil {
		return err
	}
	t.Normalize()
	var v congthuong.Validation
	t.ValidateInto(&v, 0)
	if err := v.Err("park.tenant_has_invalid_fields"); err != nil {
		return err
	}
	return s.WithTx(ctx, func(tx *db.Tx) error { return saveTenant(ctx, tx, t) })
}

func saveTenant(ctx context.Context, tx *db.Tx, t *park.Tenant) error {
	site, err := tenantSite(ctx, tx, t.SiteCode)
	if err != nil {
		return err
	}
	if tc, err := enterprise.ParseTaxCode(t.TaxCode); err == nil {
		t.TaxCode = tc
	}
	if t.Enterprise, err = enterprisedb.NameOf(ctx, tx, t.TaxCode); err != nil {
		return err
	} else if t.Enterprise == "" {
		return congthuong.FieldErr(congthuong.EINVALID, "tax_code", "park.no_enterprise_tax_code_registered", t.TaxCode)
	}
	var before *park.Tenant
	t.UpdatedAt = tx.Now
	if t.ID == 0 {
		t.CreatedAt, t.Version = tx.Now, 1
		err = tx.QueryRowContext(ctx, `INSERT INTO park_tenants (park_id, tax_code, project, sector, leased_m2, capital_vnd,
			capital_usd, jobs, status, registered_on, operating_on, demo, version, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
			site.ID, t.TaxCode, t.Project, t.Sector, int64(t.LeasedArea), t.CapitalVND, t.CapitalUSD, t.Jobs, string(t.Status),
			t.RegisteredOn, t.OperatingOn, t.Demo, t.Version, t.CreatedAt, t.UpdatedAt).Scan(&t.ID)
	} else {
		if before, err = findTenant(ctx, tx, site.ID, t.ID); err != nil {
			return err
		}
		if t.Version != before.Version {
			return congthuong.FieldErr(congthuong.ECONFLICT, "version", "park.tenant_changed_since_version_now_reload", t.Version, before.Version)
		}
		t.CreatedAt, t.Demo, t.Version = before.CreatedAt, before.Demo, before.Version+1
		// Only over the version read: of two edits at once, the second
		// finds the row changed and is a conflict, not a lost update.
		var res sql.Result
		res, err = tx.ExecContext(ctx, `UPDATE park_tenants SET tax_code = $1, project = $2, sector = $3, leased_m2 = $4,
			capital_vnd = $5, capital_usd = $6, jobs = $7, status = $8, registered_on = $9, operating_on = $10, version = $11,
			updated_at = $12 WHERE id = $13 AND version = $14`, t.TaxCode, t.Project, t.Sector, int64(t.LeasedArea), t.CapitalVND, t.CapitalUSD,
			t.Jobs, string(t.Status), t.RegisteredOn, t.OperatingOn, t.Version, t.UpdatedAt, t.ID, before.Version)
		if n, _ := db.RowsAffected(res, err); err == nil && n != 1 {
			return congthuong.FieldErr(congthuong.ECONFLICT, "version", "park.tenant_changed_meanwhile_reload")
		}
	}
	if db.IsUniqueViolation(err) {
		return congthuong.FieldErr(congthuong.ECONFLICT, "project", "park.enterprise_already_has_project_here", t.TaxCode, strconv.Quote(t.Project))
	} else if err != nil {
		return fmt.Errorf("parkdb: save tenant: %w", err)
	}
	if err := recomputeSite(ctx, tx, site); err != nil {
		return err
	}
	action := "create"
	if before != nil {
		action = "update"
	}
	return tx.Audit(ctx, action, "park_tenant", site.Code+"/"+strconv.FormatInt(t.ID, 10), site.UnitCode, before, t)
}

// DeleteTenant removes a tenant from a site in the actor's scope.
func (s *Parks) DeleteTenant(ctx context.Context, siteCode string, id int64) error {
	if err := db.RequireWriter(congthuong.ActorFrom(ctx)); err != nil {
		return err
	}
	return s.WithTx(ctx, func(tx *db.Tx) error {
		site, err := tenantSite(ctx, tx, siteCode)
		if err != nil {
			return err
		}
		before, err := findTenant(ctx, tx, site.ID, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM park_tenants WHERE id = $1`, id); err != nil {
			return fmt.Errorf("parkdb: delete tenant: %w", err)
		}
		if err := recomputeSite(ctx, tx, site); err != nil {
			return err
		}
		return tx.Audit(ctx, audit.Delete, "park_tenant", site.Code+"/"+strconv.FormatInt(id, 10), site.UnitCode, before, nil)
	})
}

// tenantSite returns the site whose tenants the actor changes: one in its
// scope.
func tenantSite(ctx context.Context, tx *db.Tx, code string) (*park.Site, error) {
	site, err := findPark(ctx, tx, code)
	if err != nil {
		return nil, err
	}
	if !tx.Actor.System && !tx.Actor.InScope(site.UnitCode, site.ProvinceCode) {
		return nil, congthuong.Errorf(congthuong.EFORBIDDEN, "park.site_outside_your_scope", site.Code)
	}
	return site, nil
}

func findTenant(ctx context.Context, tx *db.Tx, siteID, id int64) (*park.Tenant, error) {
	t, err := scanTenant(tx.QueryRowContext(ctx, `SELECT `+tenantColumns+tenantFrom+` WHERE t.park_id = $1 AND t.id = $2`, siteID, id))
	if err != nil {
		return nil, db.NotFound(err, "park.no_tenant_this_site", id)
	}
	return t, nil
}

func hasTenants(ctx context.Context, tx *db.Tx, siteID int64) (bool, error) {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM park_tenants WHERE park_id = $1`, siteID).Scan(&n); err != nil {
		return false, fmt.Errorf("parkdb: tenants: %w", err)
	}
	return n > 0, nil
}

// recomputeSite sets a site's leased land, tenants, jobs and capital from
// its tenants that count, after a change to one of them (a site that never
// had a tenant keeps the leased land entered for it). The tenants may not
// lease more than the site's leasable land.
func recomputeSite(ctx context.Context, tx *db.Tx, site *park.Site) error {
	// Writers of one site's tenants take turns from here to their commit:
	// on PostgreSQL two transactions adding tenants at once would otherwise
	// each add up the tenants without the other's, and the last to write
	// would leave the site's totals short (and the leasable limit
	// unchecked). The sums below are read after the lock, so they see every
	// tenant committed before it; the leasable land is read again, in case
	// the site changed since it was read.
	var leasable int64
	if err := tx.QueryRowContext(ctx, `UPDATE parks SET updated_at = $1 WHERE id = $2 RETURNING leasable_m2`, tx.Now, site.ID).Scan(&leasable); err != nil {
		return fmt.Errorf("parkdb: lock site: %w", err)
	}
	site.LeasableArea = park.Area(leasable)
	var n, jobs int
	var leased, vnd int64
	var usd float64
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(CASE WHEN status <> 'stopped' THEN 1 END),
		COALESCE(SUM(CASE WHEN status <> 'stopped' THEN leased_m2 END), 0),
		COALESCE(SUM(CASE WHEN status <> 'stopped' THEN jobs END), 0),
		COALESCE(SUM(CASE WHEN status <> 'stopped' THEN capital_vnd END), 0),
		COALESCE(SUM(CASE WHEN status <> 'stopped' THEN capital_usd END), 0)
		FROM park_tenants WHERE park_id = $1`, site.ID).Scan(&n, &leased, &jobs, &vnd, &usd); err != nil {
		return fmt.Errorf("parkdb: recompute site: %w", err)
	}
	if park.Area(leased) > site.LeasableArea {
		return congthuong.FieldErr(congthuong.EINVALID, "leased_ha", "park.tenants_would_lease_ha_site_s_ha", park.Area(leased).Float(), site.LeasableArea.Float())
	}
	after := *site
	after.LeasedArea, after.Tenants, after.Jobs, after.CapitalVND, after.CapitalUSD, after.UpdatedAt = park.Area(leased), n, jobs, vnd, usd, tx.Now
	feature, err := after.Feature()
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE parks SET leased_m2 = $1, tenant_count = $2, jobs = $3, capital_vnd = $4,
		capital_usd = $5, updated_at = $6, feature = $7 WHERE id = $8`, leased, n, jobs, vnd, usd, tx.Now, string(feature), site.ID); err != nil {
		return fmt.Errorf("parkdb: recompute site: %w", err)
	}
	return tx.BumpVersion(ctx, parksVersionKey)
}
