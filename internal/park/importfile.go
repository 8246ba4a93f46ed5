package park

import (
	"io"
	"math"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/tabular"
)

// SiteColumns are the columns of a site import and export (CSV or XLSX),
// in order. A sheet gives a site's location as a point (lon, lat);
// polygons travel as GeoJSON.
var SiteColumns = []string{"code", "kind", "type", "name_vi", "name_en", "unit_code", "status", "craft_village",
	"mountainous", "decision_number", "decision_date", "decision_body", "expansions", "planned_ha", "industrial_land_ha", "leasable_ha",
	"leased_ha", "investor_tax_code", "roads", "power", "water", "drainage", "wastewater_m3_per_day", "wastewater_operating", "eco_status", "sectors", "port_km",
	"airport_km", "highway_km", "rent_min_usd", "rent_max_usd", "contact_name", "contact_phone", "contact_email",
	"website", "lon", "lat", "published"}

var siteRequired = []string{"code", "kind", "name_vi", "unit_code", "status", "planned_ha"}

// siteAliases accepts the Vietnamese headings of the department's lists.
var siteAliases = map[string]string{
	"mã":                       "code",
	"mã khu/cụm":               "code",
	"loại":                     "kind",
	"loại hình":                "type",
	"tên":                      "name_vi",
	"tên khu/cụm":              "name_vi",
	"tên tiếng anh":            "name_en",
	"mã xã":                    "unit_code",
	"mã đơn vị hành chính":     "unit_code",
	"tình trạng":               "status",
	"cụm làng nghề":            "craft_village",
	"xã miền núi":              "mountainous",
	"số quyết định":            "decision_number",
	"ngày quyết định":          "decision_date",
	"cơ quan quyết định":       "decision_body",
	"diện tích quy hoạch (ha)": "planned_ha",
	"diện tích đất công nghiệp (ha)":      "industrial_land_ha",
	"diện tích có thể cho thuê (ha)":      "leasable_ha",
	"diện tích đã cho thuê (ha)":          "leased_ha",
	"mst chủ đầu tư hạ tầng":              "investor_tax_code",
	"công suất xử lý nước thải (m3/ngày)": "wastewater_m3_per_day",
	"trạm xử lý nước thải hoạt động":      "wastewater_operating",
	"ngành ưu tiên":                       "sectors",
	"khoảng cách đến cảng (km)":           "port_km",
	"kinh độ":                             "lon",
	"vĩ độ":                               "lat",
	"công khai":                           "published",
}

// ImportRow is a site read from a file, with its line number and what
// could not be read from its cells.
type ImportRow struct {
	Line     int
	Site     Site
	Problems []congthuong.FieldError
	// HasPoint is set when the row gives lon and lat.
	HasPoint bool
}

// ErrNoSiteRows reports a site file with a header and nothing under it.
var ErrNoSiteRows = &congthuong.Error{Code: congthuong.EINVALID, Message: "common.nothing_import",
	Fields: []congthuong.FieldError{{Row: 2, Field: "code", Message: "common.file_has_header_but_no_data_rows"}}}

// ReadSites reads a site import (CSV or XLSX) as it is parsed. A wrong
// header, an unreadable file or a file without data rows is yielded as a
// validation error naming the row and column.
func ReadSites(r io.Reader) tabular.Source[ImportRow] {
	return tabular.FileSource(r, ErrNoSiteRows, func(header []string) (func(tabular.Row) ImportRow, error) {
		cols, err := tabular.CheckHeader(header, siteAliases, SiteColumns, siteRequired)
		if err != nil {
			return nil, err
		}
		return func(row tabular.Row) ImportRow { return siteFromRow(cols, row) }, nil
	})
}

// cells reads the typed values of a row (or a form), noting what cannot
// be read.
type cells struct {
	get      func(name string) string
	line     int
	problems []congthuong.FieldError
}

func rowCells(cols map[string]int, row tabular.Row) *cells {
	return &cells{line: row.Line, get: func(name string) string {
		i, ok := cols[name]
		if !ok {
			return ""
		}
		return row.Cell(i)
	}}
}

func (c *cells) text(name string) string { return strings.TrimSpace(c.get(name)) }

func (c *cells) bad(name, id string, args ...any) {
	c.problems = append(c.problems, congthuong.FieldError{Row: c.line, Field: name, Message: id, Args: args})
}

func (c *cells) area(name string) Area {
	s := c.text(name)
	if s == "" {
		return 0
	}
	a, err := ParseHectares(s)
	if err != nil {
		id, args := congthuong.MessageOf(err)
		c.bad(name, id, args...)
	}
	return a
}

func (c *cells) number(name string) *float64 {
	s := strings.ReplaceAll(c.text(name), ",", ".")
	if s == "" {
		return nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		c.bad(name, "park.not_number", strconv.Quote(s))
		return nil
	}
	return &f
}

func (c *cells) integer(name string) int64 {
	s := strings.NewReplacer(" ", "", ".", "", ",", "").Replace(c.text(name))
	if s == "" {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		c.bad(name, "park.not_whole_number", strconv.Quote(c.text(name)))
	}
	return n
}

func (c *cells) boolean(name string) bool {
	switch strings.ToLower(c.text(name)) {
	case "", "0", "false", "no", "không", "k":
		return false
	case "1", "true", "yes", "có", "x":
		return true
	}
	c.bad(name, "park.write_1_0_c_kh_ng")
	return false
}

func siteFromRow(cols map[string]int, row tabular.Row) ImportRow {
	return siteFromCells(rowCells(cols, row))
}

// SiteFromValues reads a site from named values in the columns of
// SiteColumns (a form); problems have no row.
func SiteFromValues(get func(name string) string) ImportRow {
	return siteFromCells(&cells{get: get})
}

func siteFromCells(c *cells) ImportRow {
	s := Site{Code: c.text("code"), Kind: Kind(strings.ToLower(c.text("kind"))), Type: Type(strings.ToLower(c.text("type"))),
		NameVI: c.text("name_vi"), NameEN: c.text("name_en"), UnitCode: c.text("unit_code"),
		Status: Status(strings.ToLower(c.text("status"))), CraftVillage: c.boolean("craft_village"), Mountainous: c.boolean("mountainous"),
		Decision:    Decision{Number: c.text("decision_number"), Date: c.text("decision_date"), Body: c.text("decision_body")},
		PlannedArea: c.area("planned_ha"), IndustrialLand: c.area("industrial_land_ha"), LeasableArea: c.area("leasable_ha"),
		LeasedArea: c.area("leased_ha"), InvestorTaxCode: c.text("investor_tax_code"),
		WastewaterCapacity: int(c.integer("wastewater_m3_per_day")), WastewaterOperating: c.boolean("wastewater_operating"),
		Eco: EcoStatus(strings.ToLower(c.text("eco_status"))), PortKm: c.number("port_km"), AirportKm: c.number("airport_km"),
		HighwayKm: c.number("highway_km"), RentMinUSD: c.number("rent_min_usd"), RentMaxUSD: c.number("rent_max_usd"),
		Contact:   Contact{Name: c.text("contact_name"), Phone: c.text("contact_phone"), Email: c.text("contact_email"), Website: c.text("website")},
		Published: c.boolean("published")}
	if s.Type == "" {
		s.Type = General
	}
	s.Infrastructure = Infrastructure{Roads: Infra(strings.ToLower(c.text("roads"))), Power: Infra(strings.ToLower(c.text("power"))),
		Water: Infra(strings.ToLower(c.text("water"))), Drainage: Infra(strings.ToLower(c.text("drainage")))}
	for _, part := range strings.Split(c.text("expansions"), ";") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		d := Decision{Number: part}
		if i := strings.LastIndexByte(part, ' '); i > 0 && validDate(part[i+1:]) {
			d.Number, d.Date = strings.TrimSpace(part[:i]), part[i+1:]
		}
		s.Expansions = append(s.Expansions, d)
	}
	s.Sectors = strings.FieldsFunc(c.text("sectors"), func(r rune) bool { return r == ' ' || r == ',' || r == ';' })
	out := ImportRow{Line: c.line}
	lon, lat := c.number("lon"), c.number("lat")
	switch {
	case lon != nil && lat != nil:
		s.Geometry = PointGeometry(*lon, *lat)
		out.HasPoint = true
	case lon != nil || lat != nil:
		c.bad("lat", "park.give_both_lon_lat_neither")
	}
	out.Site, out.Problems = s, c.problems
	return out
}

// PointGeometry is a GeoJSON point.
func PointGeometry(lon, lat float64) *Geometry {
	return &Geometry{Type: "Point", Coordinates: []byte("[" + strconv.FormatFloat(lon, 'f', -1, 64) + "," +
		strconv.FormatFloat(lat, 'f', -1, 64) + "]")}
}

// SiteRecord returns a site in the columns of SiteColumns, so that an
// export imports back unchanged.
func SiteRecord(s *Site) []string {
	f := func(p *float64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(*p, 'f', -1, 64)
	}
	b := func(x bool) string {
		if x {
			return "1"
		}
		return "0"
	}
	lon, lat := "", ""
	if s.Geometry != nil {
		if x, y, err := s.Geometry.Centre(); err == nil {
			lon, lat = strconv.FormatFloat(round6(x), 'f', -1, 64), strconv.FormatFloat(round6(y), 'f', -1, 64)
		}
	}
	var exp []string
	for _, d := range s.Expansions {
		exp = append(exp, strings.TrimSpace(d.Number+" "+d.Date))
	}
	in := s.Infrastructure
	return []string{s.Code, string(s.Kind), string(s.Type), s.NameVI, s.NameEN, s.UnitCode, string(s.Status), b(s.CraftVillage),
		b(s.Mountainous), s.Decision.Number, s.Decision.Date, s.Decision.Body, strings.Join(exp, "; "), s.PlannedArea.Hectares(),
		s.IndustrialLand.Hectares(), s.LeasableArea.Hectares(), s.LeasedArea.Hectares(), s.InvestorTaxCode,
		string(in.Roads), string(in.Power), string(in.Water), string(in.Drainage), strconv.Itoa(s.WastewaterCapacity),
		b(s.WastewaterOperating), string(s.Eco), strings.Join(s.Sectors, " "), f(s.PortKm), f(s.AirportKm), f(s.HighwayKm),
		f(s.RentMinUSD), f(s.RentMaxUSD), s.Contact.Name, s.Contact.Phone, s.Contact.Email, s.Contact.Website, lon, lat, b(s.Published)}
}

func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// SameCentre reports whether a point read from a sheet is where g is
// pinned: an exported polygon imported back keeps its polygon.
func SameCentre(g, point *Geometry) bool {
	if g == nil || point == nil {
		return false
	}
	x1, y1, err1 := g.Centre()
	x2, y2, err2 := point.Centre()
	return err1 == nil && err2 == nil && round6(x1) == round6(x2) && round6(y1) == round6(y2)
}

// TenantColumns are the columns of a tenant import and export.
var TenantColumns = []string{"site_code", "tax_code", "project", "sector", "leased_ha", "capital_vnd", "capital_usd", "jobs",
	"status", "registered_on", "operating_on"}

var tenantRequired = []string{"site_code", "tax_code", "project"}

var tenantAliases = map[string]string{
	"mã khu/cụm":            "site_code",
	"mã số thuế":            "tax_code",
	"mst":                   "tax_code",
	"dự án":                 "project",
	"tên dự án":             "project",
	"ngành":                 "sector",
	"diện tích thuê (ha)":   "leased_ha",
	"vốn đăng ký (đồng)":    "capital_vnd",
	"vốn đăng ký (usd)":     "capital_usd",
	"lao động":              "jobs",
	"số lao động":           "jobs",
	"tình trạng":            "status",
	"ngày đăng ký":          "registered_on",
	"ngày đi vào hoạt động": "operating_on",
}

// TenantRow is a tenant read from a file.
type TenantRow struct {
	Line     int
	Tenant   Tenant
	Problems []congthuong.FieldError
}

// ErrNoTenantRows reports a tenant file with a header and nothing under it.
var ErrNoTenantRows = &congthuong.Error{Code: congthuong.EINVALID, Message: "common.nothing_import",
	Fields: []congthuong.FieldError{{Row: 2, Field: "site_code", Message: "common.file_has_header_but_no_data_rows"}}}

// ReadTenants reads a tenant import (CSV or XLSX) as it is parsed.
func ReadTenants(r io.Reader) tabular.Source[TenantRow] {
	return tabular.FileSource(r, ErrNoTenantRows, func(header []string) (func(tabular.Row) TenantRow, error) {
		cols, err := tabular.CheckHeader(header, tenantAliases, TenantColumns, tenantRequired)
		if err != nil {
			return nil, err
		}
		return func(row tabular.Row) TenantRow {
			c := rowCells(cols, row)
			t := Tenant{SiteCode: c.text("site_code"), TaxCode: c.text("tax_code"), Project: c.text("project"),
				Sector: c.text("sector"), LeasedArea: c.area("leased_ha"), CapitalVND: c.integer("capital_vnd"),
				CapitalUSD: c.number("capital_usd"), Jobs: int(c.integer("jobs")), Status: TenantStatus(strings.ToLower(c.text("status"))),
				RegisteredOn: c.text("registered_on"), OperatingOn: c.text("operating_on")}
			return TenantRow{Line: row.Line, Tenant: t, Problems: c.problems}
		}, nil
	})
}

// TenantRecord returns a tenant in the columns of TenantColumns.
func TenantRecord(t *Tenant) []string {
	usd := ""
	if t.CapitalUSD != nil {
		usd = strconv.FormatFloat(*t.CapitalUSD, 'f', -1, 64)
	}
	return []string{t.SiteCode, t.TaxCode, t.Project, t.Sector, t.LeasedArea.Hectares(), strconv.FormatInt(t.CapitalVND, 10), usd,
		strconv.Itoa(t.Jobs), string(t.Status), t.RegisteredOn, t.OperatingOn}
}
