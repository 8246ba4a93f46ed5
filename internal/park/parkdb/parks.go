// Package parkdb keeps the industrial parks and clusters in the database: the registry
// with each site's GeoJSON feature kept beside it, tenants and the totals
// they make, photos and documents, imports, and the half-yearly reports,
// whose approved figures it publishes to the statistics.
package parkdb

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/db"
	"congthuong/internal/enterprise"
	"congthuong/internal/enterprise/enterprisedb"
	"congthuong/internal/park"
	"congthuong/internal/stats/statsdb"
	"congthuong/internal/unit"
	"congthuong/internal/unit/unitdb"
	"congthuong/internal/vsic"
)

// Parks is the parks' and clusters' SQL.
type Parks struct {
	*db.DB
	units *unitdb.Units
	stats *statsdb.Stats
}

// New returns the parks' store over d; approved reports are published to
// stats.
func New(d *db.DB, units *unitdb.Units, stats *statsdb.Stats) *Parks {
	return &Parks{DB: d, units: units, stats: stats}
}

// parksVersionKey is a setting bumped with every change of a site, a
// tenant, a plot or a site's file, in the same transaction, so that every process can tell its
// cached public answers are stale.
const parksVersionKey = "parks_version"

// ParksVersion returns the registry's version: it changes with every
// change of a site or a tenant.
func (s *Parks) ParksVersion(ctx context.Context) (string, error) {
	return s.Setting(ctx, parksVersionKey)
}

// ParkFilter selects industrial parks and clusters.
type ParkFilter struct {
	Kind     park.Kind
	Type     park.Type
	Status   park.Status
	Province string
	UnitCode string
	// Q matches the name without regard to case or diacritics, or the code.
	Q string
	// MinFree keeps sites with at least this much leasable land not leased.
	MinFree park.Area
	// Sector keeps sites whose priority sectors include this VSIC code.
	Sector string
	// Wastewater keeps sites whose central plant operates.
	Wastewater bool
	// MaxPortKm, MaxAirportKm and MaxHighwayKm keep sites at most this far
	// from a seaport, an airport, a highway.
	MaxPortKm, MaxAirportKm, MaxHighwayKm *float64
	// MaxRentUSD keeps sites whose lowest rent is at most this (US$/m²).
	MaxRentUSD *float64
	db.Page
}

var parkSorts = map[string]string{"code": "p.code", "name": "p.search_name", "province": "p.province_code",
	"planned": "p.planned_m2", "free": "(p.leasable_m2 - p.leased_m2)", "port": "p.port_km", "updated": "p.updated_at"}

const parkColumns = `p.id, p.code, p.kind, p.type, p.name_vi, p.name_en, p.unit_code, p.province_code, p.craft_village,
	p.mountainous, p.status, p.decision, p.expansions, p.planned_m2, p.industrial_m2, p.leasable_m2, p.leased_m2,
	p.investor_tax_code, COALESCE(e.name, ''), p.infrastructure, p.wastewater_m3_per_day, p.wastewater_operating,
	p.eco_status, p.contact, p.sectors, p.port_km, p.airport_km, p.highway_km, p.rent_min_usd, p.rent_max_usd,
	p.geometry, p.tenant_count, p.jobs, p.capital_vnd, p.capital_usd, p.published, p.demo, p.version, p.created_at, p.updated_at`

const parkFrom = ` FROM parks p LEFT JOIN enterprises e ON e.tax_code = p.investor_tax_code`

// parkWhere restricts sites to what the actor may see: the public sees
// published sites; staff also see the unpublished ones in their scope.
func parkWhere(a congthuong.Actor, f ParkFilter) db.Where {
	var w db.Where
	switch {
	case a.System || a.UnitCode == congthuong.CountryCode && a.IsStaff():
	case a.IsStaff() && a.UnitCode != "":
		w.Add("(p.published = ? OR p.unit_code = ? OR p.province_code = ?)", true, a.UnitCode, a.UnitCode)
	default:
		w.Add("p.published = ?", true)
	}
	if f.Kind != "" {
		w.Add("p.kind = ?", string(f.Kind))
	}
	if f.Type != "" {
		w.Add("p.type = ?", string(f.Type))
	}
	if f.Status != "" {
		w.Add("p.status = ?", string(f.Status))
	}
	if f.Province != "" {
		w.Add("p.province_code = ?", f.Province)
	}
	if f.UnitCode != "" {
		w.Add("p.unit_code = ?", f.UnitCode)
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		w.Add(`(p.search_name LIKE ? ESCAPE '\' OR p.code = ?)`, db.LikePattern(unit.Fold(q)), strings.ToUpper(q))
	}
	if f.MinFree > 0 {
		w.Add("p.leasable_m2 - p.leased_m2 >= ?", int64(f.MinFree))
	}
	if s := strings.ToUpper(strings.TrimSpace(f.Sector)); s != "" {
		// A division finds its classes too (C25 finds C2592); less than a
		// division finds only itself.
		pattern := db.LikePattern("," + s + ",")
		if _, ok := vsic.Lookup(s); ok && len(s) >= 3 {
			pattern = db.LikePattern("," + s)
		}
		w.Add(`p.sectors LIKE ? ESCAPE '\'`, pattern)
	}
	if f.Wastewater {
		w.Add("p.wastewater_operating = ?", true)
	}
	for col, max := range map[string]*float64{"p.port_km": f.MaxPortKm, "p.airport_km": f.MaxAirportKm,
		"p.highway_km": f.MaxHighwayKm, "p.rent_min_usd": f.MaxRentUSD} {
		if max != nil {
			w.Add(col+" <= ?", *max)
		}
	}
	return w
}

// FindParks lists the sites matching f that the actor may see, with the
// number of all matches.
func (s *Parks) FindParks(ctx context.Context, f ParkFilter) ([]*park.Site, int, error) {
	w := parkWhere(congthuong.ActorFrom(ctx), f)
	order, err := f.Page.OrderBy(parkSorts, "p.kind DESC, p.province_code, p.code", "p.id")
	if err != nil {
		return nil, 0, err
	}
	var total int
	if err := s.Read.QueryRowContext(ctx, `SELECT COUNT(*) FROM parks p`+w.SQL(), w.Args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("parkdb: count parks: %w", err)
	}
	out := []*park.Site{}
	err = s.eachParkRow(ctx, `SELECT `+parkColumns+parkFrom+w.SQL()+order+f.Page.LimitOffset(), w.Args, func(p *park.Site) error {
		out = append(out, p)
		return nil
	})
	return out, total, err
}

// EachParkFeature calls fn with the GeoJSON feature of every site
// matching f that the actor may see and that has a geometry, in f's
// order, as stored with the site; paging is ignored.
func (s *Parks) EachParkFeature(ctx context.Context, f ParkFilter, fn func(feature []byte) error) error {
	w := parkWhere(congthuong.ActorFrom(ctx), f)
	w.Add("p.feature <> ?", "")
	order, err := f.Page.OrderBy(parkSorts, "p.kind DESC, p.province_code, p.code", "p.id")
	if err != nil {
		return err
	}
	rows, err := s.Read.QueryContext(ctx, `SELECT p.feature FROM parks p`+w.SQL()+order, w.Args...)
	if err != nil {
		return fmt.Errorf("parkdb: park features: %w", err)
	}
	defer rows.Close()
	var feature sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&feature); err != nil {
			return err
		}
		if err := fn(feature); err != nil {
			return err
		}
	}
	return rows.Err()
}

// RebuildFeatures writes every site's feature again; the migration
// that adds the column runs it.
func RebuildFeatures(ctx context.Context, q db.Execer) error {
	sites, err := allSites(ctx, q)
	if err != nil {
		return err
	}
	for _, p := range sites {
		feature, err := p.Feature()
		if err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, `UPDATE parks SET feature = $1 WHERE id = $2`, string(feature), p.ID); err != nil {
			return fmt.Errorf("parkdb: park features: %w", err)
		}
	}
	return nil
}

// EachPark calls fn for every site matching f that the actor may see, in
// f's order, from one query; paging is ignored.
func (s *Parks) EachPark(ctx context.Context, f ParkFilter, fn func(*park.Site) error) error {
	w := parkWhere(congthuong.ActorFrom(ctx), f)
	order, err := f.Page.OrderBy(parkSorts, "p.kind DESC, p.province_code, p.code", "p.id")
	if err != nil {
		return err
	}
	return s.eachParkRow(ctx, `SELECT `+parkColumns+parkFrom+w.SQL()+order, w.Args, fn)
}

func (s *Parks) eachParkRow(ctx context.Context, query string, args []any, fn func(*park.Site) error) error {
	rows, err := s.Read.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("parkdb: find parks: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		p, err := scanPark(rows)
		if err != nil {
			return err
		}
		if err := fn(p); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ParkTotals counts sites and adds up their areas, exactly.
type ParkTotals struct {
	Kind        park.Kind `json:"kind"`
	Count       int       `json:"count"`
	PlannedArea park.Area `json:"planned_ha"`
	Leasable    park.Area `json:"leasable_ha"`
	Leased      park.Area `json:"leased_ha"`
}

// SumParks returns the totals by kind (parks, then clusters) of the sites
// matching f that the actor may see: "40 industrial parks, 11,208 ha".
func (s *Parks) SumParks(ctx context.Context, f ParkFilter) ([]ParkTotals, error) {
	w := parkWhere(congthuong.ActorFrom(ctx), f)
	rows, err := s.Read.QueryContext(ctx, `SELECT p.kind, COUNT(*), SUM(p.planned_m2), SUM(p.leasable_m2), SUM(p.leased_m2)
		FROM parks p`+w.SQL()+` GROUP BY p.kind ORDER BY p.kind DESC`, w.Args...)
	if err != nil {
		return nil, fmt.Errorf("parkdb: sum parks: %w", err)
	}
	defer rows.Close()
	out := []ParkTotals{}
	for rows.Next() {
		var t ParkTotals
		if err := rows.Scan(&t.Kind, &t.Count, &t.PlannedArea, &t.Leasable, &t.Leased); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// ParkGroupTotals are the totals of one province or commune.
type ParkGroupTotals struct {
	UnitCode string `json:"unit_code"`
	ParkTotals
}

// SummarizeParks returns the totals of the sites matching f by province
// (by "province") or by commune (by "unit"), and by kind.
func (s *Parks) SummarizeParks(ctx context.Context, f ParkFilter, by string) ([]ParkGroupTotals, error) {
	col := map[string]string{"province": "p.province_code", "unit": "p.unit_code"}[by]
	if col == "" {
		return nil, congthuong.FieldErr(congthuong.EINVALID, "by", "park.by_province_unit")
	}
	w := parkWhere(congthuong.ActorFrom(ctx), f)
	rows, err := s.Read.QueryContext(ctx, `SELECT `+col+`, p.kind, COUNT(*), SUM(p.planned_m2), SUM(p.leasable_m2), SUM(p.leased_m2)
		FROM parks p`+w.SQL()+` GROUP BY `+col+`, p.kind ORDER BY `+col+`, p.kind DESC`, w.Args...)
	if err != nil {
		return nil, fmt.Errorf("parkdb: summarize parks: %w", err)
	}
	defer rows.Close()
	out := []ParkGroupTotals{}
	for rows.Next() {
		var t ParkGroupTotals
		if err := rows.Scan(&t.UnitCode, &t.Kind, &t.Count, &t.PlannedArea, &t.Leasable, &t.Leased); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// FindPark returns the site with the code, if the actor may see it.
func (s *Parks) FindPark(ctx context.Context, code string) (*park.Site, error) {
	return findPark(ctx, s.Read, code)
}

func findPark(ctx context.Context, q db.Queryer, code string) (*park.Site, error) {
	w := parkWhere(congthuong.ActorFrom(ctx), ParkFilter{})
	code = strings.ToUpper(strings.TrimSpace(code))
	w.Add("p.code = ?", code)
	p, err := scanPark(q.QueryRowContext(ctx, `SELECT `+parkColumns+parkFrom+w.SQL(), w.Args...))
	if err != nil {
		// Unpublished and absent look the same to those who may not see it.
		return nil, db.NotFound(err, "park.no_industrial_park_cluster_code", code)
	}
	return p, nil
}

func scanPark(r db.Scanner) (*park.Site, error) {
	var p park.Site
	var decision, expansions, infra, contact, sectors string
	var geometry sql.NullString
	var port, airport, highway, rentMin, rentMax sql.NullFloat64
	if err := r.Scan(&p.ID, &p.Code, &p.Kind, &p.Type, &p.NameVI, &p.NameEN, &p.UnitCode, &p.ProvinceCode, &p.CraftVillage,
		&p.Mountainous, &p.Status, &decision, &expansions, &p.PlannedArea, &p.IndustrialLand, &p.LeasableArea, &p.LeasedArea,
		&p.InvestorTaxCode, &p.InvestorName, &infra, &p.WastewaterCapacity, &p.WastewaterOperating,
		&p.Eco, &contact, &sectors, &port, &airport, &highway, &rentMin, &rentMax,
		&geometry, &p.Tenants, &p.Jobs, &p.CapitalVND, &p.CapitalUSD, &p.Published, &p.Demo, &p.Version, &p.CreatedAt, &p.UpdatedAt); err != nil {
		return nil, err
	}
	for _, doc := range []struct {
		text string
		into any
	}{{decision, &p.Decision}, {expansions, &p.Expansions}, {infra, &p.Infrastructure}, {contact, &p.Contact}} {
		if err := json.Unmarshal([]byte(doc.text), doc.into); err != nil {
			return nil, fmt.Errorf("parkdb: park %s: %w", p.Code, err)
		}
	}
	if s := strings.Trim(sectors, ","); s != "" {
		p.Sectors = strings.Split(s, ",")
	}
	p.PortKm, p.AirportKm, p.HighwayKm = db.NullFloat(port), db.NullFloat(airport), db.NullFloat(highway)
	p.RentMinUSD, p.RentMaxUSD = db.NullFloat(rentMin), db.NullFloat(rentMax)
	if geometry.Valid {
		var g park.Geometry
		if err := json.Unmarshal([]byte(geometry.String), &g); err != nil {
			return nil, fmt.Errorf("parkdb: park %s geometry: %w", p.Code, err)
		}
		p.Geometry = &g
	}
	p.CreatedAt, p.UpdatedAt = p.CreatedAt.UTC(), p.UpdatedAt.UTC()
	return &p, nil
}

// checkPark validates p and what needs the database: its unit (in force
// today, in the actor's scope; sets the province) and its investor (an
// enterprise of the register).
func checkPark(ctx context.Context, tx *db.Tx, p *park.Site) error {
	c := siteChecker{q: tx, actor: tx.Actor, today: unit.Today(tx.Now)}
	var v congthuong.Validation
	forbidden, err := c.check(ctx, p, &v, 0)
	if err != nil {
		return err
	}
	if forbidden != "" {
		return congthuong.FieldErr(congthuong.EFORBIDDEN, "unit_code", "common.unit_outside_your_scope", forbidden)
	}
	return v.Err("park.site_has_invalid_fields")
}

// siteChecker checks sites against the database, keeping what it looked
// up for the next site of an import.
type siteChecker struct {
	q          db.Queryer
	actor      congthuong.Actor
	today      string
	provinceOf map[string]string // units in force today → province; nil: one query a site
	investors  map[string]string // tax code → name, as looked up
}

// check normalizes and validates p, adding its problems to v (with the
// row, in an import); the code of a unit outside the actor's scope is also
// returned, so that a single save can answer 403.
func (c *siteChecker) check(ctx context.Context, p *park.Site, v *congthuong.Validation, row int) (forbidden string, err error) {
	add := func(field, id string, args ...any) {
		if row > 0 {
			v.AddRow(row, field, id, args...)
		} else {
			v.Add(field, id, args...)
		}
	}
	p.Normalize()
	p.ValidateInto(v, row)
	if p.UnitCode == congthuong.CountryCode {
		add("unit_code", "park.give_commune_province_site_not_country")
	} else if p.UnitCode != "" {
		prov, ok := "", false
		if c.provinceOf != nil {
			prov, ok = c.provinceOf[p.UnitCode]
		} else if pr, err := unitdb.ProvinceOf(ctx, c.q, p.UnitCode, c.today); err == nil {
			prov, ok = pr, true
		} else if congthuong.ErrorCode(err) != congthuong.EINVALID {
			return "", err
		}
		switch {
		case !ok:
			add("unit_code", "common.no_administrative_unit_code_force_today", p.UnitCode)
		case !c.actor.System && !c.actor.InScope(p.UnitCode, prov):
			forbidden = p.UnitCode
			add("unit_code", "common.unit_outside_your_scope", forbidden)
		default:
			p.ProvinceCode = prov
		}
	}
	p.InvestorName = ""
	if p.InvestorTaxCode != "" {
		if tc, err := enterprise.ParseTaxCode(p.InvestorTaxCode); err == nil {
			p.InvestorTaxCode = tc
		}
		name, known := c.investors[p.InvestorTaxCode]
		if !known {
			var err error
			if name, err = enterprisedb.NameOf(ctx, c.q, p.InvestorTaxCode); err != nil {
				return "", err
			}
			if c.investors == nil {
				c.investors = map[string]string{}
			}
			c.investors[p.InvestorTaxCode] = name
		}
		if name == "" {
			add("investor_tax_code", "park.no_enterprise_tax_code_registered", p.InvestorTaxCode)
		}
		p.InvestorName = name
	}
	return forbidden, nil
}

// CreatePark adds a site in the actor's scope.
func (s *Parks) CreatePark(ctx context.Context, p *park.Site) error {
	if err := db.RequireWriter(congthuong.ActorFrom(ctx)); err != nil {
		return err
	}
	return s.WithTx(ctx, func(tx *db.Tx) error {
		if err := checkPark(ctx, tx, p); err != nil {
			return err
		}
		return insertPark(ctx, tx, p)
	})
}

// parkValues are the stored columns of p after code, in parkWriteColumns
// order.
const parkWriteColumns = `kind, type, name_vi, name_en, search_name, unit_code, province_code, craft_village, mountainous,
	status, decision, expansions, planned_m2, industrial_m2, leasable_m2, leased_m2, investor_tax_code, infrastructure,
	wastewater_m3_per_day, wastewater_operating, eco_status, contact, sectors, port_km, airport_km, highway_km,
	rent_min_usd, rent_max_usd, geometry, lon, lat, published, feature`

func parkValues(p *park.Site) ([]any, error) {
	docs := make([]string, 4)
	for i, doc := range []any{p.Decision, nonNil(p.Expansions), p.Infrastructure, p.Contact} {
		b, err := json.Marshal(doc)
		if err != nil {
			return nil, err
		}
		docs[i] = string(b)
	}
	sectors := ""
	if len(p.Sectors) > 0 {
		sectors = "," + strings.Join(p.Sectors, ",") + ","
	}
	feature, err := p.Feature()
	if err != nil {
		return nil, err
	}
	var geometry, lon, lat any
	if p.Geometry != nil {
		g, err := p.Geometry.Compact()
		if err != nil {
			return nil, err
		}
		x, y, err := p.Geometry.Centre()
		if err != nil {
			return nil, err
		}
		geometry, lon, lat = g, x, y
	}
	return []any{string(p.Kind), string(p.Type), p.NameVI, p.NameEN, unit.Fold(p.NameVI + " " + p.NameEN), p.UnitCode, p.ProvinceCode,
		p.CraftVillage, p.Mountainous, string(p.Status), docs[0], docs[1], int64(p.PlannedArea), int64(p.IndustrialLand),
		int64(p.LeasableArea), int64(p.LeasedArea), p.InvestorTaxCode, docs[2], p.WastewaterCapacity, p.WastewaterOperating,
		string(p.Eco), docs[3], sectors, p.PortKm, p.AirportKm, p.HighwayKm, p.RentMinUSD, p.RentMaxUSD,
		geometry, lon, lat, p.Published, string(feature)}, nil
}

func nonNil(d []park.Decision) []park.Decision {
	if d == nil {
		return []park.Decision{}
	}
	return d
}

func insertPark(ctx context.Context, tx *db.Tx, p *park.Site) error {
	p.CreatedAt, p.UpdatedAt, p.Version = tx.Now, tx.Now, 1
	vals, err := parkValues(p)
	if err != nil {
		return err
	}
	n := len(vals)
	args := append([]any{p.Code}, vals...)
	args = append(args, p.Demo, p.Version, p.CreatedAt, p.UpdatedAt)
	err = tx.QueryRowContext(ctx, `INSERT INTO parks (code, `+parkWriteColumns+`, demo, version, created_at, updated_at)
		VALUES `+tx.DB.Dialect.Values(1, n+5)+` RETURNING id`, args...).Scan(&p.ID)
	if db.IsUniqueViolation(err) {
		return congthuong.FieldErr(congthuong.ECONFLICT, "code", "park.site_code_already_exists", p.Code)
	} else if err != nil {
		return fmt.Errorf("parkdb: create park: %w", err)
	}
	if err := tx.BumpVersion(ctx, parksVersionKey); err != nil {
		return err
	}
	return tx.Audit(ctx, audit.Create, "park", p.Code, p.UnitCode, nil, p)
}

// UpdatePark replaces the site with the code by upd, if upd.Version is the
// stored version (someone else's edit in between is a conflict, not lost).
// The code, the demo mark and the creation time never change.
func (s *Parks) UpdatePark(ctx context.Context, code string, upd park.Site) (*park.Site, error) {
	if err := db.RequireWriter(congthuong.ActorFrom(ctx)); err != nil {
		return nil, err
	}
	var out *park.Site
	err := s.WithTx(ctx, func(tx *db.Tx) error {
		before, err := findPark(ctx, tx, code)
		if err != nil {
			return err
		}
		// Read again under the site's lock (recomputeSite): what a tenant
		// change committed meanwhile, the tenants' totals among it, is kept,
		// and of two edits at once the second sees the first's version.
		if err := lockSite(ctx, tx, before.ID); err != nil {
			return err
		}
		if before, err = findPark(ctx, tx, code); err != nil {
			return err
		}
		if !tx.Actor.System && !tx.Actor.InScope(before.UnitCode, before.ProvinceCode) {
			return congthuong.Errorf(congthuong.EFORBIDDEN, "park.site_outside_your_scope", before.Code)
		}
		if upd.Version != before.Version {
			return congthuong.FieldErr(congthuong.ECONFLICT, "version", "park.site_changed_since_version_now_reload", upd.Version, before.Version)
		}
		p := upd
		p.ID, p.Code, p.Demo, p.CreatedAt = before.ID, before.Code, before.Demo, before.CreatedAt
		p.Tenants, p.Jobs, p.CapitalVND, p.CapitalUSD = before.Tenants, before.Jobs, before.CapitalVND, before.CapitalUSD
		if has, err := hasTenants(ctx, tx, before.ID); err != nil {
			return err
		} else if has {
			p.LeasedArea = before.LeasedArea // the tenants' sum
		}
		if err := checkPark(ctx, tx, &p); err != nil {
			return err
		}
		out = &p
		return updatePark(ctx, tx, before, &p)
	})
	return out, err
}

// lockSite makes the writers of a site, its tenants and its reports take
// turns until this transaction ends (a row lock on PostgreSQL; SQLite has
// one writer already).
func lockSite(ctx context.Context, tx *db.Tx, id int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE parks SET updated_at = updated_at WHERE id = $1`, id); err != nil {
		return fmt.Errorf("parkdb: lock site: %w", err)
	}
	return nil
}

// updatePark writes p over before, a new version, audited.
func updatePark(ctx context.Context, tx *db.Tx, before, p *park.Site) error {
	p.UpdatedAt, p.Version = tx.Now, before.Version+1
	vals, err := parkValues(p)
	if err != nil {
		return err
	}
	cols := db.SplitColumns(parkWriteColumns)
	set := make([]string, len(cols))
	for i, c := range cols {
		set[i] = fmt.Sprintf("%s = $%d", c, i+1)
	}
	n := len(vals)
	args := append(vals, p.Version, p.UpdatedAt, p.ID)
	if _, err := tx.ExecContext(ctx, `UPDATE parks SET `+strings.Join(set, ", ")+fmt.Sprintf(`, version = $%d, updated_at = $%d WHERE id = $%d`,
		n+1, n+2, n+3), args...); err != nil {
		return fmt.Errorf("parkdb: update park: %w", err)
	}
	if err := tx.BumpVersion(ctx, parksVersionKey); err != nil {
		return err
	}
	return tx.Audit(ctx, audit.Update, "park", p.Code, p.UnitCode, before, p)
}

// ParkHistory returns the audit entries of a site, newest first: who
// changed what, and when.
func (s *Parks) ParkHistory(ctx context.Context, code string) ([]audit.Entry, error) {
	p, err := s.FindPark(ctx, code)
	if err != nil {
		return nil, err
	}
	a := congthuong.ActorFrom(ctx)
	if !a.System && !a.IsStaff() {
		return nil, congthuong.Errorf(congthuong.EFORBIDDEN, "park.only_staff_see_site_s_history")
	}
	entries, _, err := s.FindAuditEntries(congthuong.NewContext(ctx, congthuong.System()),
		db.AuditFilter{Entity: "park", EntityID: p.Code, Page: db.Page{Limit: db.MaxLimit}})
	return entries, err
}
