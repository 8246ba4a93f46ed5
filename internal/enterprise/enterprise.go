package enterprise

import (
	"net/mail"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"congthuong"
)

// Enterprise is one taxpayer: a company, a branch (13-digit code), or a
// household business or individual (12-digit personal code).
type Enterprise struct {
	ID      int64  `json:"id"`
	TaxCode string `json:"tax_code"`
	Name    string `json:"name"`
	NameEN  string `json:"name_en,omitempty"`
	Address string `json:"address,omitempty"`
	// UnitCode is the commune (or province) of the address; ProvinceCode is
	// its province, kept with it so that scope checks are one comparison.
	UnitCode     string `json:"unit_code"`
	ProvinceCode string `json:"province_code"`
	VSICCode     string `json:"vsic_code,omitempty"`
	VSICVersion  string `json:"vsic_version,omitempty"`
	// Representative is the legal representative.
	Representative string    `json:"representative,omitempty"`
	Phone          string    `json:"phone,omitempty"`
	Email          string    `json:"email,omitempty"`
	Demo           bool      `json:"demo,omitempty"`
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// VSIC versions accepted for sector codes: Decision 27/2018/QĐ-TTg and
// Decision 36/2025/QĐ-TTg. The version is stored with every code because the
// two systems give different meanings to the same letters.
const (
	VSIC2018 = "2018"
	VSIC2025 = "2025"
)

var (
	vsicPattern  = regexp.MustCompile(`^[A-Z](\d{2}(\d(\d(\d)?)?)?)?$|^\d{2}(\d(\d(\d)?)?)?$`)
	phonePattern = regexp.MustCompile(`^\+?[0-9 .()-]{8,20}$`)
)

// Normalize trims the free-text fields and puts the tax code in canonical form
// where it parses, so that validation and storage see the same values.
func (e *Enterprise) Normalize() {
	if tc, err := ParseTaxCode(e.TaxCode); err == nil {
		e.TaxCode = tc
	}
	e.Name = strings.Join(strings.Fields(e.Name), " ")
	e.NameEN = strings.Join(strings.Fields(e.NameEN), " ")
	e.Address = strings.TrimSpace(e.Address)
	e.UnitCode = strings.TrimSpace(e.UnitCode)
	e.VSICCode = strings.ToUpper(strings.TrimSpace(e.VSICCode))
	e.VSICVersion = strings.TrimSpace(e.VSICVersion)
	if e.VSICCode != "" && e.VSICVersion == "" {
		e.VSICVersion = VSIC2025
	}
	e.Representative = strings.TrimSpace(e.Representative)
	e.Phone = strings.TrimSpace(e.Phone)
	e.Email = strings.TrimSpace(e.Email)
}

// Validate checks the fields that need no database. Whether the unit exists is
// the store's check.
func (e *Enterprise) Validate() error {
	var v congthuong.Validation
	e.ValidateInto(&v, 0)
	return v.Err("enterprise.enterprise_has_invalid_fields")
}

// ValidateInto adds e's problems to v, tagged with an import row when row > 0.
func (e *Enterprise) ValidateInto(v *congthuong.Validation, row int) {
	add := func(field, id string, args ...any) {
		if row > 0 {
			v.AddRow(row, field, id, args...)
		} else {
			v.Add(field, id, args...)
		}
	}
	if _, err := ParseTaxCode(e.TaxCode); err != nil {
		id, args := congthuong.MessageOf(err)
		add("tax_code", id, args...)
	}
	switch n := utf8.RuneCountInString(e.Name); {
	case n == 0:
		add("name", "enterprise.name_required")
	case n > 300:
		add("name", "enterprise.name_longer_than_300_characters")
	}
	if utf8.RuneCountInString(e.NameEN) > 300 {
		add("name_en", "enterprise.english_name_longer_than_300_characters")
	}
	if utf8.RuneCountInString(e.Address) > 500 {
		add("address", "enterprise.address_longer_than_500_characters")
	}
	if e.UnitCode == "" {
		add("unit_code", "enterprise.commune_province_address_required")
	}
	if e.VSICCode != "" {
		if !vsicPattern.MatchString(e.VSICCode) {
			add("vsic_code", "enterprise.vsic_code_section_letter_c_2_5_digits")
		}
		if e.VSICVersion != VSIC2018 && e.VSICVersion != VSIC2025 {
			add("vsic_version", "enterprise.vsic_version_must_2018_2025")
		}
	}
	if e.Phone != "" && !phonePattern.MatchString(e.Phone) {
		add("phone", "enterprise.phone_number_may_contain_digits_spaces")
	}
	if e.Email != "" {
		if a, err := mail.ParseAddress(e.Email); err != nil || a.Address != e.Email {
			add("email", "common.email_invalid")
		}
	}
	if utf8.RuneCountInString(e.Representative) > 200 {
		add("representative", "enterprise.representative_longer_than_200")
	}
}
