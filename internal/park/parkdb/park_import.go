package parkdb

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/db"
	"congthuong/internal/enterprise"
	"congthuong/internal/enterprise/enterprisedb"
	"congthuong/internal/park"
	"congthuong/internal/tabular"
	"congthuong/internal/unit"
)

// Limits of the park imports.
const (
	MaxSiteRows   = 50_000
	MaxTenantRows = 500_000
)

// ImportParks creates or updates the sites of an import (a sheet or a
// GeoJSON file), all or nothing (runImport): while the file is read each
// row is checked (fields, the law's hard limits, code repeated in the file,
// unit in force today and in the actor's scope, investor registered); then,
// in one transaction, an existing site must be in the actor's scope too. If
// anything is wrong every problem is returned and nothing is written. A row
// equal to its site changes nothing. A sheet row whose point is the centre
// of the site's polygon keeps the polygon.
func (s *Parks) ImportParks(ctx context.Context, src tabular.Source[park.ImportRow], dryRun bool) (db.ImportResult, error) {
	res := db.ImportResult{DryRun: dryRun}
	actor := congthuong.ActorFrom(ctx)
	today := unit.Today(s.NowUTC())
	provinceOf, err := s.units.ProvincesInForce(ctx, today)
	if err != nil {
		return res, err
	}
	c := siteChecker{q: s.Read, actor: actor, today: today, provinceOf: provinceOf}
	seen := map[string]int{}
	type row struct {
		line     int
		site     *park.Site
		hasPoint bool
	}
	var rows []row
	// review reads the stored sites and checks that those the file changes
	// are in the actor's scope.
	review := func(q db.Queryer, p *db.ImportProblems) (map[string]*park.Site, error) {
		existing, err := sitesByCode(ctx, q)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			if before := existing[r.site.Code]; before != nil && !actor.System && !actor.InScope(before.UnitCode, before.ProvinceCode) {
				p.Invalid.AddRow(r.line, "code", "park.site_outside_your_scope", r.site.Code)
			}
		}
		return existing, nil
	}
	err = db.RunImport(ctx, s.DB, src, dryRun, &res.Rows, db.Importer[park.ImportRow, map[string]*park.Site]{
		Kind:    "sites",
		MaxRows: MaxSiteRows,
		NoRows:  park.ErrNoSiteRows,
		Check: func(r park.ImportRow, v *congthuong.Validation) error {
			for _, f := range r.Problems {
				v.AddRow(f.Row, f.Field, f.Message, f.Args...)
			}
			p := r.Site
			if _, err := c.check(ctx, &p, v, r.Line); err != nil {
				return err
			}
			if first, dup := seen[p.Code]; dup && p.Code != "" {
				v.AddRow(r.Line, "code", "park.site_already_row", p.Code, first)
				return nil
			}
			seen[p.Code] = r.Line
			rows = append(rows, row{r.Line, &p, r.HasPoint})
			return nil
		},
		Review: review,
		Write: func(tx *db.Tx, existing map[string]*park.Site) error {
			withTenants, err := sitesWithTenants(ctx, tx)
			if err != nil {
				return err
			}
			for _, r := range rows {
				p, before := r.site, existing[r.site.Code]
				if before == nil {
					continue
				}
				p.ID, p.Demo, p.CreatedAt, p.Version = before.ID, before.Demo, before.CreatedAt, before.Version
				p.Tenants, p.Jobs, p.CapitalVND, p.CapitalUSD = before.Tenants, before.Jobs, before.CapitalVND, before.CapitalUSD
				if withTenants[before.ID] {
					p.LeasedArea = before.LeasedArea // the tenants' sum
				}
				if r.hasPoint && park.SameCentre(before.Geometry, p.Geometry) {
					p.Geometry = before.Geometry
				}
			}
			for _, r := range rows {
				before := existing[r.site.Code]
				var err error
				switch {
				case before == nil:
					res.Created++
					err = insertPark(ctx, tx, r.site)
				case sameSite(before, r.site):
					res.Unchanged++
				default:
					res.Updated++
					err = updatePark(ctx, tx, before, r.site)
				}
				if err != nil {
					return err
				}
			}
			return nil
		},
	})
	return res, err
}

// sitesByCode reads every site, whatever its publication and scope (the
// import checks the scope of each row).
func sitesByCode(ctx context.Context, q db.Queryer) (map[string]*park.Site, error) {
	all, err := allSites(ctx, q)
	out := make(map[string]*park.Site, len(all))
	for _, p := range all {
		out[p.Code] = p
	}
	return out, err
}

// allSites reads every site, whatever its publication and scope.
func allSites(ctx context.Context, q db.Queryer) ([]*park.Site, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+parkColumns+parkFrom)
	if err != nil {
		return nil, fmt.Errorf("parkdb: sites: %w", err)
	}
	defer rows.Close()
	var out []*park.Site
	for rows.Next() {
		p, err := scanPark(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// sameSite reports whether an import row would change nothing.
func sameSite(a, b *park.Site) bool {
	va, err1 := parkValues(a)
	vb, err2 := parkValues(b)
	// The last value is the feature, which also holds the version and times.
	return err1 == nil && err2 == nil && reflect.DeepEqual(va[:len(va)-1], vb[:len(vb)-1])
}

func sitesWithTenants(ctx context.Context, tx *db.Tx) (map[int64]bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT park_id FROM park_tenants`)
	if err != nil {
		return nil, fmt.Errorf("parkdb: sites with tenants: %w", err)
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// ImportTenants creates or updates the tenants of an import, all or
// nothing (runImport): while the file is read each row is checked (fields,
// the same project of the same enterprise not repeated); then, in one
// transaction, the site must be known and in the actor's scope, the
// enterprise registered, and every site's tenants together may not lease
// more than its leasable land. A tenant is known by its site, tax code and
// project; a row equal to it changes nothing. The sites' leased land,
// tenants, jobs and capital are recomputed in the same transaction.
func (s *Parks) ImportTenants(ctx context.Context, src tabular.Source[park.TenantRow], dryRun bool) (db.ImportResult, error) {
	res := db.ImportResult{DryRun: dryRun}
	actor := congthuong.ActorFrom(ctx)
	type fileKey struct{ site, taxCode, project string }
	seen := map[fileKey]int{}
	type row struct {
		line int
		t    park.Tenant
	}
	var rows []row
	// review reads the stored sites and enterprises and checks that each
	// row's site exists and is in the actor's scope and its enterprise is
	// registered; it names each tenant's enterprise.
	review := func(q db.Queryer, p *db.ImportProblems) (map[string]*park.Site, error) {
		sites, err := sitesByCode(ctx, q)
		if err != nil {
			return nil, err
		}
		names, err := enterprisedb.Names(ctx, q)
		if err != nil {
			return nil, err
		}
		for i := range rows {
			line, t := rows[i].line, &rows[i].t
			site := sites[t.SiteCode]
			switch {
			case site == nil:
				p.Invalid.AddRow(line, "site_code", "park.no_industrial_park_cluster_code", t.SiteCode)
				continue
			case !actor.System && !actor.InScope(site.UnitCode, site.ProvinceCode):
				p.Invalid.AddRow(line, "site_code", "park.site_outside_your_scope", site.Code)
				continue
			}
			if t.TaxCode != "" {
				if name, ok := names[t.TaxCode]; ok {
					t.Enterprise = name
				} else {
					p.Invalid.AddRow(line, "tax_code", "park.no_enterprise_tax_code_registered", t.TaxCode)
				}
			}
		}
		return sites, nil
	}
	err := db.RunImport(ctx, s.DB, src, dryRun, &res.Rows, db.Importer[park.TenantRow, map[string]*park.Site]{
		Kind:    "tenants",
		MaxRows: MaxTenantRows,
		NoRows:  park.ErrNoTenantRows,
		Check: func(r park.TenantRow, v *congthuong.Validation) error {
			for _, f := range r.Problems {
				v.AddRow(f.Row, f.Field, f.Message, f.Args...)
			}
			t := r.Tenant
			t.Normalize()
			t.ValidateInto(v, r.Line)
			if tc, err := enterprise.ParseTaxCode(t.TaxCode); err == nil {
				t.TaxCode = tc
			}
			key := fileKey{t.SiteCode, t.TaxCode, t.Project}
			if first, dup := seen[key]; dup {
				v.AddRow(r.Line, "project", "park.project_already_row", t.Project, t.TaxCode, t.SiteCode, first)
				return nil
			}
			seen[key] = r.Line
			rows = append(rows, row{r.Line, t})
			return nil
		},
		Review: review,
		Write: func(tx *db.Tx, sites map[string]*park.Site) error {
			type tenantKey struct {
				site          int64
				taxCode, name string
			}
			existing := map[tenantKey]*park.Tenant{}
			if err := eachTenantRow(ctx, tx, func(siteID int64, t *park.Tenant) {
				existing[tenantKey{siteID, t.TaxCode, t.Project}] = t
			}); err != nil {
				return err
			}
			firstRow := map[int64]int{} // site → its first row, for the site's problems
			var created []tenantInsert
			var updated []*park.Tenant
			touched := map[int64]*park.Site{}
			for i := range rows {
				line, t := rows[i].line, &rows[i].t
				site := sites[t.SiteCode]
				if _, ok := firstRow[site.ID]; !ok {
					firstRow[site.ID] = line
				}
				before := existing[tenantKey{site.ID, t.TaxCode, t.Project}]
				if before == nil {
					res.Created++
					created = append(created, tenantInsert{site.ID, *t})
					touched[site.ID] = site
					continue
				}
				t.ID, t.Demo, t.CreatedAt, t.Version = before.ID, before.Demo, before.CreatedAt, before.Version
				if sameTenant(before, t) {
					res.Unchanged++
					continue
				}
				res.Updated++
				t.Version++
				updated = append(updated, t)
				touched[site.ID] = site
			}
			if err := writeTenants(ctx, tx, created, updated); err != nil {
				return err
			}
			if err := recomputeSites(ctx, tx, touched, firstRow); err != nil {
				return err
			}
			if res.Created+res.Updated == 0 {
				return nil
			}
			if err := tx.BumpVersion(ctx, parksVersionKey); err != nil {
				return err
			}
			return tx.Audit(ctx, audit.Import, "park_tenant", strconv.Itoa(res.Rows)+" rows", tx.Actor.UnitCode, nil, res)
		},
	})
	return res, err
}

func sameTenant(a, b *park.Tenant) bool {
	usd := func(p *float64) float64 {
		if p == nil {
			return -1
		}
		return *p
	}
	return a.Sector == b.Sector && a.LeasedArea == b.LeasedArea && a.CapitalVND == b.CapitalVND &&
		usd(a.CapitalUSD) == usd(b.CapitalUSD) && a.Jobs == b.Jobs && a.Status == b.Status &&
		a.RegisteredOn == b.RegisteredOn && a.OperatingOn == b.OperatingOn
}

type tenantInsert struct {
	site int64
	t    park.Tenant
}

// scanPrefix scans leading columns into dest before the rest.
type scanPrefix struct {
	r    interface{ Scan(...any) error }
	dest *int64
}

func (s scanPrefix) Scan(dest ...any) error { return s.r.Scan(append([]any{s.dest}, dest...)...) }

var tenantWriteColumns = []string{"park_id", "tax_code", "project", "sector", "leased_m2", "capital_vnd", "capital_usd", "jobs",
	"status", "registered_on", "operating_on", "demo", "version", "created_at", "updated_at"}

// writeTenants writes new tenants in bulk (InsertRows) and changed ones
// one by one.
func writeTenants(ctx context.Context, tx *db.Tx, created []tenantInsert, updated []*park.Tenant) error {
	record := func(dst []any, x *tenantInsert) []any {
		t := &x.t
		return append(dst, x.site, t.TaxCode, t.Project, t.Sector, int64(t.LeasedArea), t.CapitalVND, t.CapitalUSD, t.Jobs,
			string(t.Status), t.RegisteredOn, t.OperatingOn, t.Demo, 1, tx.Now, tx.Now)
	}
	row := make([]any, 0, len(tenantWriteColumns))
	err := tx.InsertRows(ctx, "park_tenants", tenantWriteColumns, func(yield func([]any) bool) {
		for i := range created {
			if !yield(record(row[:0], &created[i])) {
				return
			}
		}
	})
	if err != nil {
		return fmt.Errorf("parkdb: import tenants: %w", err)
	}
	for _, t := range updated {
		if _, err := tx.ExecContext(ctx, `UPDATE park_tenants SET sector = $1, leased_m2 = $2, capital_vnd = $3, capital_usd = $4,
			jobs = $5, status = $6, registered_on = $7, operating_on = $8, version = $9, updated_at = $10 WHERE id = $11`,
			t.Sector, int64(t.LeasedArea), t.CapitalVND, t.CapitalUSD, t.Jobs, string(t.Status), t.RegisteredOn, t.OperatingOn,
			t.Version, tx.Now, t.ID); err != nil {
			return fmt.Errorf("parkdb: import tenants: %w", err)
		}
	}
	return nil
}

// recomputeSites is recomputeSite for every site an import touched, and
// reports each site whose tenants would lease more than its leasable land
// on the site's first row.
func recomputeSites(ctx context.Context, tx *db.Tx, sites map[int64]*park.Site, firstRow map[int64]int) error {
	var v congthuong.Validation
	// In one order, so that two imports locking the same sites
	// (recomputeSite) cannot deadlock.
	for _, id := range slices.Sorted(maps.Keys(sites)) {
		site := sites[id]
		err := recomputeSite(ctx, tx, site)
		if fields := congthuong.ErrorFields(err); len(fields) == 1 && fields[0].Field == "leased_ha" {
			v.AddRow(firstRow[id], "leased_ha", "park.site", site.Code, congthuong.Text{ID: fields[0].Message, Args: fields[0].Args})
		} else if err != nil {
			return err
		}
	}
	return v.Err("common.file_has_invalid_rows_nothing_was")
}
