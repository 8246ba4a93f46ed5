package commerce

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"congthuong"
	"congthuong/internal/enterprise"
)

// Business methods of a market (Decree 60/2024/NĐ-CP): wholesale (chợ
// đầu mối), everyday (chợ dân sinh), night, community and temporary.
var MarketMethods = []string{"wholesale", "everyday", "night", "community", "temporary"}

// Capital sources a market is built with.
var MarketCapital = []string{"state", "non_state", "mixed"}

// Who runs a market: an enterprise, a cooperative, or a market management
// board of the commune.
var MarketOperators = []string{"enterprise", "cooperative", "board"}

// Market classes by business points (Decree 60/2024/NĐ-CP, in force
// 1/8/2024): class 1 over 400 points in a permanent building, class 2
// from 200 to 400, class 3 under 200 [docs/COMMERCE.md, S70, S71].
const (
	Class1MinPoints = 401
	Class2MinPoints = 200
	// WholesaleMinLand is the market land a wholesale market needs,
	// without grounds, roads and parking, in square metres [S72, S74].
	WholesaleMinLand = 10_000
)

// Market is a market of a commune: how it trades, how big it is, who runs
// it and how, when it opens, and its certificates.
type Market struct {
	ID           int64  `json:"id"`
	Name         string `json:"name"`
	UnitCode     string `json:"unit_code"`
	ProvinceCode string `json:"province_code"`
	Address      string `json:"address"`
	// Rural is set for a market outside wards (a xã or special zone).
	Rural    bool     `json:"rural"`
	Lon      *float64 `json:"lon,omitempty"`
	Lat      *float64 `json:"lat,omitempty"`
	Method   string   `json:"method"`
	Capital  string   `json:"capital"`
	Operator string   `json:"operator"`
	// OperatorName and OperatorTaxCode name who runs it.
	OperatorName    string `json:"operator_name,omitempty"`
	OperatorTaxCode string `json:"operator_tax_code,omitempty"`
	// Permanent says the market is a permanent building (kiên cố).
	Permanent bool `json:"permanent"`
	// Points are its business points (điểm kinh doanh), Occupied those in
	// use.
	Points   int `json:"points"`
	Occupied int `json:"occupied"`
	// LandM2 and BusinessM2 are its land and the area of its business
	// points, in square metres.
	LandM2     int `json:"land_m2"`
	BusinessM2 int `json:"business_m2,omitempty"`
	// OpeningHours uses OpenStreetMap's opening_hours syntax.
	OpeningHours string `json:"opening_hours,omitempty"`
	// FireCert and FoodCert record the fire safety acceptance and the food
	// safety certificate, as their number and day.
	FireCert  string    `json:"fire_cert,omitempty"`
	FoodCert  string    `json:"food_cert,omitempty"`
	Demo      bool      `json:"demo,omitempty"`
	UpdatedAt time.Time `json:"updated_at"`
	Version   int       `json:"version"`
}

// Class is the market's class by its business points: 1, 2 or 3; a market
// of over 400 points outside a permanent building is class 2.
func (m *Market) Class() int {
	switch {
	case m.Points >= Class1MinPoints && m.Permanent:
		return 1
	case m.Points >= Class2MinPoints:
		return 2
	}
	return 3
}

// Warnings are what the law asks of the market that its record does not
// show: a wholesale market's land, occupied points beyond the points.
func (m *Market) Warnings() []string {
	var out []string
	if m.Method == "wholesale" && m.LandM2 < WholesaleMinLand {
		out = append(out, "commerce.market_wholesale_land")
	}
	if m.Method == "night" && m.OpeningHours == "" {
		out = append(out, "commerce.market_night_hours")
	}
	return out
}

// openingHours accepts the common forms of OpenStreetMap's opening_hours:
// rules of days, day ranges and times separated by semicolons
// ("Mo-Su 05:00-19:00; PH off", "18:00-06:00", "24/7").
var openingHours = regexp.MustCompile(`^(24/7|((Mo|Tu|We|Th|Fr|Sa|Su|PH)(-(Mo|Tu|We|Th|Fr|Sa|Su))?(,(Mo|Tu|We|Th|Fr|Sa|Su|PH)(-(Mo|Tu|We|Th|Fr|Sa|Su))?)* )?((\d\d:\d\d-\d\d:\d\d)(,\d\d:\d\d-\d\d:\d\d)*|off|closed)(; ?((Mo|Tu|We|Th|Fr|Sa|Su|PH)(-(Mo|Tu|We|Th|Fr|Sa|Su))?(,(Mo|Tu|We|Th|Fr|Sa|Su|PH)(-(Mo|Tu|We|Th|Fr|Sa|Su))?)* )?((\d\d:\d\d-\d\d:\d\d)(,\d\d:\d\d-\d\d:\d\d)*|off|closed))*)$`)

// Normalize trims what was typed.
func (m *Market) Normalize() {
	for _, s := range []*string{&m.Name, &m.UnitCode, &m.Address, &m.Method, &m.Capital, &m.Operator, &m.OperatorName,
		&m.OperatorTaxCode, &m.OpeningHours, &m.FireCert, &m.FoodCert} {
		*s = strings.Join(strings.Fields(*s), " ")
	}
}

// Validate checks a market, naming every wrong field.
func (m *Market) Validate() error {
	var v congthuong.Validation
	m.ValidateInto(&v, 0)
	return v.Err("commerce.invalid_market")
}

// ValidateInto adds the market's problems to v, on row for an import.
func (m *Market) ValidateInto(v *congthuong.Validation, row int) {
	add := func(field, id string, args ...any) { v.AddRow(row, field, id, args...) }
	switch n := utf8.RuneCountInString(m.Name); {
	case n == 0:
		add("name", "commerce.market_name_required")
	case n > MaxName:
		add("name", "commerce.too_long", MaxName)
	}
	if m.UnitCode == "" {
		add("unit_code", "commerce.unit_required")
	}
	if utf8.RuneCountInString(m.Address) > MaxAddress {
		add("address", "commerce.too_long", MaxAddress)
	}
	if !slices.Contains(MarketMethods, m.Method) {
		add("method", "commerce.market_method")
	}
	if !slices.Contains(MarketCapital, m.Capital) {
		add("capital", "commerce.market_capital")
	}
	if !slices.Contains(MarketOperators, m.Operator) {
		add("operator", "commerce.market_operator")
	}
	if m.OperatorTaxCode != "" {
		if _, err := enterprise.ParseTaxCode(m.OperatorTaxCode); err != nil {
			add("operator_tax_code", "commerce.promo_tax_code")
		}
	}
	if m.Points < 0 || m.Points > 100_000 {
		add("points", "commerce.market_points")
	}
	if m.Occupied < 0 || m.Occupied > m.Points {
		add("occupied", "commerce.market_occupied")
	}
	if m.LandM2 < 0 || m.BusinessM2 < 0 || m.LandM2 > 10_000_000 {
		add("land_m2", "commerce.market_area")
	}
	if m.BusinessM2 > 0 && m.LandM2 > 0 && m.BusinessM2 > m.LandM2 {
		add("business_m2", "commerce.market_business_area")
	}
	if m.OpeningHours != "" && !openingHours.MatchString(m.OpeningHours) {
		add("opening_hours", "commerce.market_hours")
	}
	if id := pointProblem(m.Lon, m.Lat); id != "" {
		add("lat", id)
	}
	for _, c := range []struct{ field, v string }{{"fire_cert", m.FireCert}, {"food_cert", m.FoodCert}, {"operator_name", m.OperatorName}} {
		if utf8.RuneCountInString(c.v) > MaxName {
			add(c.field, "commerce.too_long", MaxName)
		}
	}
}

// OSMTags are the market's OpenStreetMap tags, so that the register and
// the map can exchange it: amenity=marketplace with its name, opening
// hours, operator and address.
func (m *Market) OSMTags() map[string]string {
	tags := map[string]string{"amenity": "marketplace", "name": m.Name}
	if m.OpeningHours != "" {
		tags["opening_hours"] = m.OpeningHours
	}
	if m.OperatorName != "" {
		tags["operator"] = m.OperatorName
	}
	if m.Address != "" {
		tags["addr:full"] = m.Address
	}
	return tags
}
