package commerce

import (
	"net/mail"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/enterprise"
)

// Statuses a licence is put in by a decision; expiry is read from its
// dates (Licence.StatusOn).
const (
	Active    = "active"
	Suspended = "suspended"
	Revoked   = "revoked"
	// Expired is never stored: a licence past its end is expired.
	Expired = "expired"
)

// Statuses lists what a register shows, in order.
var Statuses = []string{Active, Suspended, Revoked, Expired}

// Limits of what is typed, in characters.
const (
	MaxNumber     = 60
	MaxName       = 200
	MaxAddress    = 300
	MaxConditions = 2000
)

// Licence is one licence of the register: what it allows, to whom, where,
// by whom, from when to when, on what conditions, from which dossier.
type Licence struct {
	ID   int64  `json:"id"`
	Kind string `json:"kind"`
	// Number is the number and symbol the decision gives (12/GP-UBND).
	Number string `json:"number"`
	// HolderName is the enterprise, household business or person.
	HolderName string `json:"holder_name"`
	// HolderID is a tax code (10 or 13 digits) or, for a household or
	// a person, the 12-digit citizen identification number, which only
	// staff see.
	HolderID    string `json:"holder_id,omitempty"`
	HolderEmail string `json:"holder_email,omitempty"`
	HolderPhone string `json:"holder_phone,omitempty"`
	// ShopName is what the premises are called on their sign.
	ShopName string `json:"shop_name,omitempty"`
	Address  string `json:"address"`
	// UnitCode is the commune of the premises.
	UnitCode     string `json:"unit_code"`
	ProvinceCode string `json:"province_code"`
	// Lon and Lat place the premises on a map, when known.
	Lon *float64 `json:"lon,omitempty"`
	Lat *float64 `json:"lat,omitempty"`
	// IssuerCode is the unit that issued it: the commune, or the
	// province for the department.
	IssuerCode string `json:"issuer_code"`
	IssuedOn   string `json:"issued_on"`
	// ValidUntil is its last day; empty for a kind without end.
	ValidUntil string `json:"valid_until,omitempty"`
	// Conditions are what was checked at issue (selling area,
	// storage, supplier contracts …), as the decision lists them.
	Conditions string `json:"conditions,omitempty"`
	// DossierCode is the dossier it was born from, when online.
	DossierCode string    `json:"dossier_code,omitempty"`
	Status      string    `json:"status"`
	Demo        bool      `json:"demo,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
	Version     int       `json:"version"`
}

var (
	citizenID = regexp.MustCompile(`^\d{12}$`)
	dossierID = regexp.MustCompile(`^[A-Z0-9][A-Z0-9.-]{2,39}$`)
)

// Normalize trims what was typed and fills the end from the kind when
// it is left empty.
func (l *Licence) Normalize() {
	for _, p := range []*string{&l.Kind, &l.Number, &l.HolderName, &l.HolderID, &l.HolderEmail, &l.HolderPhone, &l.ShopName,
		&l.Address, &l.UnitCode, &l.IssuerCode, &l.IssuedOn, &l.ValidUntil, &l.DossierCode} {
		*p = strings.Join(strings.Fields(*p), " ")
	}
	l.Conditions = strings.TrimSpace(l.Conditions)
	l.HolderID = canonicalID(l.HolderID)
	l.DossierCode = strings.ToUpper(l.DossierCode)
	if l.Status == "" {
		l.Status = Active
	}
	if k, ok := FindKind(l.Kind); ok && l.ValidUntil == "" && k.ValidYears > 0 {
		if d, err := calendar.ParseDate(l.IssuedOn); err == nil {
			l.ValidUntil = EndOfTerm(d, k.ValidYears).String()
		}
	}
}

// EndOfTerm is the last day of a term of years starting on from: the day
// before the same date years later (a licence of 15/3/2026 for five years
// runs to 14/3/2031).
func EndOfTerm(from calendar.Date, years int) calendar.Date {
	t := time.Date(from.Year+years, time.Month(from.Month), from.Day, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
	return calendar.DateOf(t)
}

// Validate checks a licence, naming every wrong field; today bounds the
// day of issue.
func (l *Licence) Validate(today string) error {
	var v congthuong.Validation
	l.ValidateInto(&v, 0, today)
	return v.Err("commerce.invalid_licence")
}

// ValidateInto adds the licence's problems to v, on row when it is a row
// of an import.
func (l *Licence) ValidateInto(v *congthuong.Validation, row int, today string) {
	add := func(field, id string, args ...any) { v.AddRow(row, field, id, args...) }
	kind, ok := FindKind(l.Kind)
	if !ok {
		add("kind", "commerce.kind_unknown")
	}
	switch n := utf8.RuneCountInString(l.Number); {
	case n == 0:
		add("number", "commerce.number_required")
	case n > MaxNumber:
		add("number", "commerce.too_long", MaxNumber)
	}
	switch n := utf8.RuneCountInString(l.HolderName); {
	case n == 0:
		add("holder_name", "commerce.holder_required")
	case n > MaxName:
		add("holder_name", "commerce.too_long", MaxName)
	}
	if l.HolderID != "" && !citizenID.MatchString(l.HolderID) {
		if _, err := enterprise.ParseTaxCode(l.HolderID); err != nil {
			add("holder_id", "commerce.holder_id")
		}
	}
	if l.HolderEmail != "" {
		if a, err := mail.ParseAddress(l.HolderEmail); err != nil || a.Address != l.HolderEmail {
			add("holder_email", "commerce.email")
		}
	}
	if utf8.RuneCountInString(l.HolderPhone) > 20 {
		add("holder_phone", "commerce.too_long", 20)
	}
	if utf8.RuneCountInString(l.ShopName) > MaxName {
		add("shop_name", "commerce.too_long", MaxName)
	}
	switch n := utf8.RuneCountInString(l.Address); {
	case n == 0:
		add("address", "commerce.address_required")
	case n > MaxAddress:
		add("address", "commerce.too_long", MaxAddress)
	}
	if l.UnitCode == "" {
		add("unit_code", "commerce.unit_required")
	}
	if id := pointProblem(l.Lon, l.Lat); id != "" {
		add("lat", id)
	}
	issued, err := calendar.ParseDate(l.IssuedOn)
	switch {
	case l.IssuedOn == "":
		add("issued_on", "commerce.issued_required")
	case err != nil:
		add("issued_on", "commerce.date")
	case l.IssuedOn > today:
		add("issued_on", "commerce.issued_future")
	}
	if l.ValidUntil != "" {
		if _, err := calendar.ParseDate(l.ValidUntil); err != nil {
			add("valid_until", "commerce.date")
		} else if err == nil && l.IssuedOn != "" && l.ValidUntil < l.IssuedOn {
			add("valid_until", "commerce.ends_before_issue")
		} else if ok && kind.ValidYears > 0 && err == nil && l.ValidUntil > EndOfTerm(issued, kind.ValidYears).String() {
			add("valid_until", "commerce.longer_than_term", kind.ValidYears)
		}
	}
	if utf8.RuneCountInString(l.Conditions) > MaxConditions {
		add("conditions", "commerce.too_long", MaxConditions)
	}
	if l.DossierCode != "" && !dossierID.MatchString(l.DossierCode) {
		add("dossier_code", "commerce.dossier_code")
	}
	if l.Status != Active && l.Status != Suspended && l.Status != Revoked {
		add("status", "commerce.status")
	}
}

// StatusOn is the licence's status on day: a decision's (suspended,
// revoked), else expired after its last day, else active.
func (l *Licence) StatusOn(day string) string {
	if l.Status != Active {
		return l.Status
	}
	if l.ValidUntil != "" && l.ValidUntil < day {
		return Expired
	}
	return Active
}

// canonicalID writes a holder's identifier one way, whatever separators
// a list used: a citizen's number as its 12 digits, a tax code as
// enterprise.ParseTaxCode writes it; anything else as typed, for
// validation to name.
func canonicalID(s string) string {
	s = strings.TrimSpace(s)
	if citizenID.MatchString(digitsOf(s)) && !strings.Contains(s, "-") {
		return digitsOf(s)
	}
	if tc, err := enterprise.ParseTaxCode(s); err == nil {
		return tc
	}
	return strings.ReplaceAll(s, " ", "")
}

func digitsOf(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		if r == '.' || r == ' ' || r == '-' {
			return -1
		}
		return 'x'
	}, s)
}

// IsCitizenID says whether a holder's identifier is a citizen's
// identification number (12 digits), which only staff read.
func IsCitizenID(id string) bool { return citizenID.MatchString(digitsOf(id)) }

// PublicHolderID is the holder's identifier as the public may read it: a
// tax code, never a citizen's identification number.
func (l *Licence) PublicHolderID() string {
	if IsCitizenID(l.HolderID) {
		return ""
	}
	return l.HolderID
}
