// Package park holds the registry of industrial parks (khu công nghiệp,
// KCN) and industrial clusters (cụm công nghiệp, CCN): what a site is, the
// checks the law sets on it, and its geometry. It knows no SQL and no HTTP.
package park

import (
	"net/mail"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"congthuong"
)

// Kind tells a park from a cluster: different laws (Decree 35/2022/NĐ-CP
// for parks, Decree 32/2024/NĐ-CP for clusters) and different managers.
type Kind string

// Kinds.
const (
	Park    Kind = "park"
	Cluster Kind = "cluster"
)

// Type is a park's type under Decree 35/2022/NĐ-CP; clusters are general.
type Type string

// Types.
const (
	General            Type = "general"
	ExportProcessing   Type = "export_processing"
	SupportingIndustry Type = "supporting_industry"
	Specialised        Type = "specialised"
	HighTech           Type = "high_tech"
	EcoIndustrial      Type = "eco_industrial"
)

// Types lists the types in the order forms show them.
var Types = []Type{General, ExportProcessing, SupportingIndustry, Specialised, HighTech, EcoIndustrial}

// Status is where a site is in its life.
type Status string

// Statuses.
const (
	Planned           Status = "planned"
	Established       Status = "established"
	UnderConstruction Status = "under_construction"
	Operating         Status = "operating"
)

// Statuses lists the statuses in life order.
var Statuses = []Status{Planned, Established, UnderConstruction, Operating}

// EcoStatus is a park's standing as an eco-industrial park.
type EcoStatus string

// Eco-industrial standings: none, being converted, recognised.
const (
	EcoNone       EcoStatus = ""
	EcoConverting EcoStatus = "converting"
	EcoRecognised EcoStatus = "recognised"
)

// Infra is the state of one kind of infrastructure.
type Infra string

// Infrastructure states.
const (
	InfraNone     Infra = ""
	InfraPartial  Infra = "partial"
	InfraComplete Infra = "complete"
)

// Decision is a legal decision about a site: its establishment or an
// expansion.
type Decision struct {
	Number string `json:"number"`
	Date   string `json:"date"` // YYYY-MM-DD
	Body   string `json:"body,omitempty"`
}

// Infrastructure is the state of a site's roads, power, water and
// drainage.
type Infrastructure struct {
	Roads    Infra `json:"roads,omitempty"`
	Power    Infra `json:"power,omitempty"`
	Water    Infra `json:"water,omitempty"`
	Drainage Infra `json:"drainage,omitempty"`
}

// Contact is who answers an investor's questions.
type Contact struct {
	Name    string `json:"name,omitempty"`
	Phone   string `json:"phone,omitempty"`
	Email   string `json:"email,omitempty"`
	Website string `json:"website,omitempty"`
}

// Site is an industrial park or cluster.
type Site struct {
	ID     int64  `json:"id"`
	Code   string `json:"code"`
	Kind   Kind   `json:"kind"`
	Type   Type   `json:"type"`
	NameVI string `json:"name_vi"`
	NameEN string `json:"name_en,omitempty"`
	// UnitCode is the commune (or province) the site lies in, as in force
	// today; ProvinceCode its province, for scope checks and filters.
	UnitCode     string `json:"unit_code"`
	ProvinceCode string `json:"province_code"`
	// CraftVillage marks a craft-village cluster, Mountainous a site in a
	// mountainous commune: both allow a cluster from 5 ha.
	CraftVillage bool       `json:"craft_village,omitempty"`
	Mountainous  bool       `json:"mountainous,omitempty"`
	Status       Status     `json:"status"`
	Decision     Decision   `json:"decision"`
	Expansions   []Decision `json:"expansions,omitempty"`
	// Areas: planned (the whole site), industrial land, leasable, leased.
	PlannedArea    Area `json:"planned_ha"`
	IndustrialLand Area `json:"industrial_land_ha"`
	LeasableArea   Area `json:"leasable_ha"`
	LeasedArea     Area `json:"leased_ha"`
	// InvestorTaxCode is the infrastructure investor's, an enterprise of
	// the register; InvestorName is filled from it when read.
	InvestorTaxCode string         `json:"investor_tax_code,omitempty"`
	InvestorName    string         `json:"investor_name,omitempty"`
	Infrastructure  Infrastructure `json:"infrastructure"`
	// WastewaterCapacity is the central plant's capacity in m³ a day, 0
	// when there is none.
	WastewaterCapacity  int       `json:"wastewater_m3_per_day,omitempty"`
	WastewaterOperating bool      `json:"wastewater_operating,omitempty"`
	Eco                 EcoStatus `json:"eco_status,omitempty"`
	Contact             Contact   `json:"contact"`
	// Sectors are the priority sectors, as VSIC codes.
	Sectors []string `json:"sectors,omitempty"`
	// Distances in km to the nearest seaport, airport and highway; nil
	// when not known.
	PortKm    *float64 `json:"port_km,omitempty"`
	AirportKm *float64 `json:"airport_km,omitempty"`
	HighwayKm *float64 `json:"highway_km,omitempty"`
	// Land rent in US$ per m² for the lease term, lowest and highest.
	RentMinUSD *float64  `json:"rent_min_usd,omitempty"`
	RentMaxUSD *float64  `json:"rent_max_usd,omitempty"`
	Geometry   *Geometry `json:"geometry,omitempty"`
	// Tenants is the number of tenants that count (not stopped), Jobs and
	// Capital their sums: recomputed from the tenants, never entered.
	Tenants    int     `json:"tenants"`
	Jobs       int     `json:"jobs"`
	CapitalVND int64   `json:"capital_vnd"`
	CapitalUSD float64 `json:"capital_usd"`
	// Published sites are on the public pages.
	Published bool      `json:"published"`
	Demo      bool      `json:"demo,omitempty"`
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Name is the site's name in both languages.
func (s *Site) Name() congthuong.Name { return congthuong.Name{VI: s.NameVI, EN: s.NameEN} }

// FreeArea is the leasable land not yet leased.
func (s *Site) FreeArea() Area {
	if s.LeasedArea >= s.LeasableArea {
		return 0
	}
	return s.LeasableArea - s.LeasedArea
}

// Occupancy returns the leased share of the leasable land in percent;
// none when nothing is leasable yet.
func (s *Site) Occupancy() (float64, bool) {
	if s.LeasableArea <= 0 {
		return 0, false
	}
	return float64(s.LeasedArea) * 100 / float64(s.LeasableArea), true
}

// OccupancySource says where a site's leased land comes from: "tenants"
// when tenants are recorded (the land is their sum, never entered), else
// "reported" when the site reports leased land without any tenant
// recorded, else "" when nothing is leased.
func (s *Site) OccupancySource() string {
	switch {
	case s.Tenants > 0:
		return "tenants"
	case s.LeasedArea > 0:
		return "reported"
	}
	return ""
}

var (
	codePattern  = regexp.MustCompile(`^[A-Z0-9][A-Z0-9_-]{1,31}$`)
	datePattern  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	phonePattern = regexp.MustCompile(`^\+?[0-9 .()-]{8,20}$`)
	vsicPattern  = regexp.MustCompile(`^[A-Z]?\d{2,5}$|^[A-Z]$`)
)

// Normalize trims free text and puts codes in canonical form, so that
// validation and storage see the same values.
func (s *Site) Normalize() {
	fold := func(t string) string { return strings.Join(strings.Fields(t), " ") }
	s.Code = strings.ToUpper(strings.TrimSpace(s.Code))
	s.NameVI, s.NameEN = fold(s.NameVI), fold(s.NameEN)
	s.UnitCode = strings.TrimSpace(s.UnitCode)
	s.InvestorTaxCode = strings.TrimSpace(s.InvestorTaxCode)
	s.Decision.Number, s.Decision.Body = fold(s.Decision.Number), fold(s.Decision.Body)
	for i := range s.Expansions {
		s.Expansions[i].Number, s.Expansions[i].Body = fold(s.Expansions[i].Number), fold(s.Expansions[i].Body)
	}
	s.Contact.Name, s.Contact.Phone = fold(s.Contact.Name), strings.TrimSpace(s.Contact.Phone)
	s.Contact.Email, s.Contact.Website = strings.TrimSpace(s.Contact.Email), strings.TrimSpace(s.Contact.Website)
	for i, v := range s.Sectors {
		s.Sectors[i] = strings.ToUpper(strings.TrimSpace(v))
	}
	if s.Kind == Cluster && s.Type == "" {
		s.Type = General
	}
}

// Validate checks what needs no database: whether the unit and the
// investor exist is the store's check.
func (s *Site) Validate() error {
	var v congthuong.Validation
	s.ValidateInto(&v, 0)
	return v.Err("park.site_has_invalid_fields")
}

// ValidateInto adds s's problems to v, tagged with an import row when
// row > 0.
func (s *Site) ValidateInto(v *congthuong.Validation, row int) {
	add := func(field, id string, args ...any) {
		if row > 0 {
			v.AddRow(row, field, id, args...)
		} else {
			v.Add(field, id, args...)
		}
	}
	if !codePattern.MatchString(s.Code) {
		add("code", "park.code_2_32_letters_digits_e_g_kcn_dinhvu")
	}
	switch s.Kind {
	case Park:
		if !oneOf(s.Type, Types) {
			add("type", "park.type_one_general_export_processing")
		}
	case Cluster:
		if s.Type != General {
			add("type", "park.cluster_general_park_types_industrial")
		}
	default:
		add("kind", "park.kind_park_cluster_2")
	}
	if s.CraftVillage && s.Kind != Cluster {
		add("craft_village", "park.only_cluster_craft_village_cluster")
	}
	switch n := utf8.RuneCountInString(s.NameVI); {
	case n == 0:
		add("name_vi", "park.vietnamese_name_required")
	case n > 200:
		add("name_vi", "park.name_longer_than_200_characters")
	}
	if utf8.RuneCountInString(s.NameEN) > 200 {
		add("name_en", "park.name_longer_than_200_characters")
	}
	if s.UnitCode == "" {
		add("unit_code", "park.commune_province_required")
	}
	if !oneOf(s.Status, Statuses) {
		add("status", "park.status_one_planned_established_under")
	}
	if s.Decision.Date != "" && !validDate(s.Decision.Date) {
		add("decision.date", "common.write_date_as_yyyy_mm_dd")
	}
	if s.Status != Planned && s.Decision.Number == "" {
		add("decision.number", "park.site_that_not_only_planned_has")
	}
	for i, d := range s.Expansions {
		if d.Number == "" || !validDate(d.Date) {
			add("expansions", "park.expansion_needs_decision_number_date", strconv.Itoa(i+1))
		}
	}
	areas := []struct {
		field string
		a     Area
	}{{"planned_ha", s.PlannedArea}, {"industrial_land_ha", s.IndustrialLand}, {"leasable_ha", s.LeasableArea}, {"leased_ha", s.LeasedArea}}
	for _, x := range areas {
		if x.a < 0 || x.a > maxArea {
			add(x.field, "park.area_from_0_1_000_000_ha")
		}
	}
	if s.PlannedArea <= 0 {
		add("planned_ha", "park.planned_area_required")
	}
	if s.PlannedArea > 0 && s.IndustrialLand > s.PlannedArea {
		add("industrial_land_ha", "park.industrial_land_ha_more_than_planned", s.IndustrialLand.Float(), s.PlannedArea.Float())
	}
	if s.PlannedArea > 0 && s.LeasableArea > s.PlannedArea {
		add("leasable_ha", "park.leasable_land_ha_more_than_planned_area", s.LeasableArea.Float(), s.PlannedArea.Float())
	}
	if s.LeasedArea > s.LeasableArea {
		add("leased_ha", "park.leased_land_ha_more_than_leasable_land", s.LeasedArea.Float(), s.LeasableArea.Float())
	}
	infra := map[string]Infra{"infrastructure.roads": s.Infrastructure.Roads, "infrastructure.power": s.Infrastructure.Power,
		"infrastructure.water": s.Infrastructure.Water, "infrastructure.drainage": s.Infrastructure.Drainage}
	for field, x := range infra {
		if x != InfraNone && x != InfraPartial && x != InfraComplete {
			add(field, "park.state_empty_partial_complete")
		}
	}
	if s.WastewaterCapacity < 0 || s.WastewaterCapacity > 1_000_000 {
		add("wastewater_m3_per_day", "park.capacity_from_0_1_000_000_m_day")
	}
	if s.WastewaterOperating && s.WastewaterCapacity == 0 {
		add("wastewater_operating", "park.plant_that_operates_has_capacity")
	}
	if s.Eco != EcoNone && s.Eco != EcoConverting && s.Eco != EcoRecognised {
		add("eco_status", "park.eco_industrial_status_empty_converting")
	}
	if s.Eco != EcoNone && s.Kind != Park {
		add("eco_status", "park.only_industrial_park_becomes_eco")
	}
	if s.Contact.Phone != "" && !phonePattern.MatchString(s.Contact.Phone) {
		add("contact.phone", "park.not_phone_number")
	}
	if s.Contact.Email != "" {
		if _, err := mail.ParseAddress(s.Contact.Email); err != nil {
			add("contact.email", "park.not_e_mail_address")
		}
	}
	if w := s.Contact.Website; w != "" && !strings.HasPrefix(w, "https://") && !strings.HasPrefix(w, "http://") {
		add("contact.website", "park.website_starts_https")
	}
	for _, c := range s.Sectors {
		if !vsicPattern.MatchString(c) {
			add("sectors", "park.not_vsic_code", c)
		}
	}
	for field, km := range map[string]*float64{"port_km": s.PortKm, "airport_km": s.AirportKm, "highway_km": s.HighwayKm} {
		if km != nil && (*km < 0 || *km > 2000) {
			add(field, "park.distance_from_0_2_000_km")
		}
	}
	for field, r := range map[string]*float64{"rent_min_usd": s.RentMinUSD, "rent_max_usd": s.RentMaxUSD} {
		if r != nil && (*r < 0 || *r > 10_000) {
			add(field, "park.rent_from_0_10_000_us_per_m")
		}
	}
	if s.RentMinUSD != nil && s.RentMaxUSD != nil && *s.RentMinUSD > *s.RentMaxUSD {
		add("rent_max_usd", "park.highest_rent_below_lowest")
	}
	if s.Geometry != nil {
		if err := s.Geometry.Validate(); err != nil {
			id, args := congthuong.MessageOf(err)
			add("geometry", id, args...)
		}
	}
}

func oneOf[T comparable](x T, list []T) bool {
	for _, y := range list {
		if x == y {
			return true
		}
	}
	return false
}

func validDate(s string) bool {
	if !datePattern.MatchString(s) {
		return false
	}
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}
