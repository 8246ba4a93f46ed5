// Package unit models Vietnam's administrative units: the country, its
// provinces and its communes (xã, phường, đặc khu). Units are effective-dated:
// a code names a unit only together with a date, because seven province codes
// were given to other provinces on 1 July 2025.
package unit

import (
	"strings"
	"time"

	"congthuong"
)

// Level is the tier of a unit.
type Level string

// Levels of the two-tier local government, plus the country.
const (
	Country  Level = "country"
	Province Level = "province"
	Commune  Level = "commune"
)

// Valid reports whether l is a known level.
func (l Level) Valid() bool { return l == Country || l == Province || l == Commune }

// ReformDate is the day the two-level local government started.
const ReformDate = "2025-07-01"

// Unit is one administrative unit during one validity interval.
type Unit struct {
	Code     string `json:"code"`
	Level    Level  `json:"level"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	FullName string `json:"full_name"`
	NameEN   string `json:"name_en,omitempty"`
	// ParentCode is the province of a commune, VN for a province.
	ParentCode string `json:"parent_code,omitempty"`
	// ValidFrom and ValidTo bound the interval, both days included; empty
	// means unbounded.
	ValidFrom string `json:"valid_from,omitempty"`
	ValidTo   string `json:"valid_to,omitempty"`
	// SuccessorCode is, for a province dissolved on 1 July 2025, the new
	// province it went into.
	SuccessorCode string `json:"successor_code,omitempty"`
	LegalBasis    string `json:"legal_basis,omitempty"`
}

// ValidOn reports whether u is in force on day (YYYY-MM-DD).
func (u Unit) ValidOn(day string) bool {
	return (u.ValidFrom == "" || u.ValidFrom <= day) && (u.ValidTo == "" || day <= u.ValidTo)
}

// ProvinceCode returns the province the unit belongs to (itself for a
// province, empty for the country).
func (u Unit) ProvinceCode() string {
	switch u.Level {
	case Province:
		return u.Code
	case Commune:
		return u.ParentCode
	}
	return ""
}

// Group is a named set of units used in statistics: a socio-economic region,
// or the 28 northern localities of the Ministry's conference.
type Group struct {
	Code    string   `json:"code"`
	NameVI  string   `json:"name_vi"`
	NameEN  string   `json:"name_en"`
	Members []Member `json:"members"`
}

// Member names a unit of a group by code and a day on which the code is valid.
type Member struct {
	UnitCode string `json:"unit_code"`
	ValidOn  string `json:"valid_on"`
}

// ParseDay checks that s is a calendar day written YYYY-MM-DD.
func ParseDay(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, congthuong.Errorf(congthuong.EINVALID, "unit.bad_day", s)
	}
	return t, nil
}

// Today returns the current day in Vietnam, where every validity date is set.
func Today(now time.Time) string {
	return now.In(congthuong.Location).Format(time.DateOnly)
}

// typesEN are the English of the unit types, as the Government's English
// texts write them.
var typesEN = map[string]string{"xã": "commune", "phường": "ward", "đặc khu": "special zone", "tỉnh": "province",
	"thành phố": "city"}

// Title is the unit's full name in both languages: "Phường Ba Đình",
// "Ba Đình Ward". A name stays as the register writes it.
func (u Unit) Title() congthuong.Name {
	en := u.FullName
	if t, ok := typesEN[u.Type]; ok {
		en = u.Name + " " + strings.ToUpper(t[:1]) + t[1:]
	}
	return congthuong.Name{VI: u.FullName, EN: en}
}

// TypeName is the unit's type in both languages.
func (u Unit) TypeName() congthuong.Name {
	if t, ok := typesEN[u.Type]; ok {
		return congthuong.Name{VI: u.Type, EN: t}
	}
	return congthuong.Name{VI: u.Type}
}
