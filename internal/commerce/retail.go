package commerce

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"congthuong"
	"congthuong/internal/enterprise"
)

// Kinds of store of the retail network: supermarkets, shopping centres
// and convenience stores (cửa hàng tiện lợi).
var RetailKinds = []string{"supermarket", "shopping_centre", "convenience"}

// A supermarket sells a general assortment (tổng hợp) or a specialised
// one (chuyên doanh).
var RetailAssortments = []string{"general", "specialised"}

// retail_classes.csv holds the schemes that class stores, as data: each
// row a kind (and assortment), a class and the least sales area and
// number of items it needs, under a scheme in force or proposed, with its
// reference and whether the figures are verified in the text.
//
//go:embed retail_classes.csv
var retailClassesTable []byte

// RetailClassRule is one class of one scheme.
type RetailClassRule struct {
	Scheme, Kind, Assortment string
	Class                    int
	MinAreaM2, MinItems      int
	Reference                string
	InForce, Verified        bool
}

var loadRetailClasses = sync.OnceValue(func() []RetailClassRule {
	rows, err := csv.NewReader(bytes.NewReader(retailClassesTable)).ReadAll()
	if err != nil {
		panic("commerce: retail_classes.csv: " + err.Error())
	}
	var out []RetailClassRule
	for _, r := range rows[1:] {
		class, e1 := strconv.Atoi(r[3])
		area, e2 := strconv.Atoi(r[4])
		items, e3 := strconv.Atoi(r[5])
		if e1 != nil || e2 != nil || e3 != nil {
			panic("commerce: retail_classes.csv: " + strings.Join(r, ","))
		}
		out = append(out, RetailClassRule{Scheme: r[0], Kind: r[1], Assortment: r[2], Class: class, MinAreaM2: area, MinItems: items,
			Reference: r[6], InForce: r[7] == "yes", Verified: r[8] == "yes"})
	}
	return out
})

// RetailSchemes lists the schemes, the one in force first.
func RetailSchemes() []string {
	var out []string
	for _, r := range loadRetailClasses() {
		if !slices.Contains(out, r.Scheme) {
			out = append(out, r.Scheme)
		}
	}
	slices.SortStableFunc(out, func(a, b string) int {
		return boolRank(schemeInForce(b)) - boolRank(schemeInForce(a))
	})
	return out
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

func schemeInForce(scheme string) bool {
	for _, r := range loadRetailClasses() {
		if r.Scheme == scheme {
			return r.InForce
		}
	}
	return false
}

// SchemeInForce is the scheme that classes stores today.
func SchemeInForce() string { return RetailSchemes()[0] }

// RetailStore is a store of the retail network.
type RetailStore struct {
	ID           int64    `json:"id"`
	Name         string   `json:"name"`
	Kind         string   `json:"kind"`
	Assortment   string   `json:"assortment"`
	Chain        string   `json:"chain,omitempty"`
	UnitCode     string   `json:"unit_code"`
	ProvinceCode string   `json:"province_code"`
	Address      string   `json:"address"`
	Lon          *float64 `json:"lon,omitempty"`
	Lat          *float64 `json:"lat,omitempty"`
	// AreaM2 is the sales area, Items the number of items on sale.
	AreaM2          int       `json:"area_m2"`
	Items           int       `json:"items"`
	OperatorName    string    `json:"operator_name,omitempty"`
	OperatorTaxCode string    `json:"operator_tax_code,omitempty"`
	Demo            bool      `json:"demo,omitempty"`
	UpdatedAt       time.Time `json:"updated_at"`
	Version         int       `json:"version"`
}

// ClassUnder is the store's class under a scheme: the best class whose
// least area and items it reaches, or 0 when it reaches none (the scheme
// does not class it).
func (s *RetailStore) ClassUnder(scheme string) int {
	best := 0
	for _, r := range loadRetailClasses() {
		if r.Scheme != scheme || r.Kind != s.Kind || (r.Assortment != "any" && r.Assortment != s.Assortment) {
			continue
		}
		if s.AreaM2 >= r.MinAreaM2 && s.Items >= r.MinItems && (best == 0 || r.Class < best) {
			best = r.Class
		}
	}
	return best
}

// Normalize trims what was typed.
func (s *RetailStore) Normalize() {
	for _, p := range []*string{&s.Name, &s.Kind, &s.Assortment, &s.Chain, &s.UnitCode, &s.Address, &s.OperatorName, &s.OperatorTaxCode} {
		*p = strings.Join(strings.Fields(*p), " ")
	}
	if s.Kind != "supermarket" {
		s.Assortment = "general"
	}
}

// Validate checks a store, naming every wrong field.
func (s *RetailStore) Validate() error {
	var v congthuong.Validation
	s.ValidateInto(&v, 0)
	return v.Err("commerce.invalid_retail")
}

// ValidateInto adds the store's problems to v, on row for an import.
func (s *RetailStore) ValidateInto(v *congthuong.Validation, row int) {
	add := func(field, id string, args ...any) { v.AddRow(row, field, id, args...) }
	switch n := utf8.RuneCountInString(s.Name); {
	case n == 0:
		add("name", "commerce.retail_name_required")
	case n > MaxName:
		add("name", "commerce.too_long", MaxName)
	}
	if !slices.Contains(RetailKinds, s.Kind) {
		add("kind", "commerce.retail_kind")
	}
	if !slices.Contains(RetailAssortments, s.Assortment) {
		add("assortment", "commerce.retail_assortment")
	}
	if s.UnitCode == "" {
		add("unit_code", "commerce.unit_required")
	}
	if s.AreaM2 < 0 || s.AreaM2 > 10_000_000 {
		add("area_m2", "commerce.market_area")
	}
	if s.Items < 0 || s.Items > 10_000_000 {
		add("items", "commerce.market_number")
	}
	if s.OperatorTaxCode != "" {
		if _, err := enterprise.ParseTaxCode(s.OperatorTaxCode); err != nil {
			add("operator_tax_code", "commerce.promo_tax_code")
		}
	}
	for _, c := range []struct{ field, v string }{{"chain", s.Chain}, {"operator_name", s.OperatorName}, {"address", s.Address}} {
		if utf8.RuneCountInString(c.v) > MaxAddress {
			add(c.field, "commerce.too_long", MaxAddress)
		}
	}
	if id := pointProblem(s.Lon, s.Lat); id != "" {
		add("lat", id)
	}
}

// OSMTags are the store's OpenStreetMap tags: shop=supermarket, shop=mall
// or shop=convenience, with its name, brand and operator.
func (s *RetailStore) OSMTags() map[string]string {
	shop := map[string]string{"supermarket": "supermarket", "shopping_centre": "mall", "convenience": "convenience"}[s.Kind]
	tags := map[string]string{"shop": shop, "name": s.Name}
	if s.Chain != "" {
		tags["brand"] = s.Chain
	}
	if s.OperatorName != "" {
		tags["operator"] = s.OperatorName
	}
	if s.Address != "" {
		tags["addr:full"] = s.Address
	}
	return tags
}
