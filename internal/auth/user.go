package auth

import (
	"net/mail"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"congthuong"
	"congthuong/internal/enterprise"
)

// User is an account. Its unit scope bounds what it sees.
type User struct {
	ID          int64  `json:"id"`
	Username    string `json:"username"`
	DisplayName string `json:"display_name"`
	// Title is the job title (chức danh): "Phó Giám đốc".
	Title              string          `json:"title,omitempty"`
	Email              string          `json:"email,omitempty"`
	Role               congthuong.Role `json:"role"`
	UnitCode           string          `json:"unit_code"`
	ProvinceCode       string          `json:"province_code,omitempty"`
	TaxCode            string          `json:"tax_code,omitempty"`
	Active             bool            `json:"active"`
	MustChangePassword bool            `json:"must_change_password"`
	Demo               bool            `json:"demo,omitempty"`
	CreatedAt          time.Time       `json:"created_at"`
	UpdatedAt          time.Time       `json:"updated_at"`
	LastLoginAt        *time.Time      `json:"last_login_at,omitempty"`
}

// Actor returns the actor the user acts as.
func (u *User) Actor() congthuong.Actor {
	return congthuong.Actor{UserID: u.ID, Username: u.Username, Role: u.Role, UnitCode: u.UnitCode,
		ProvinceCode: u.ProvinceCode, TaxCode: u.TaxCode}
}

var usernamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{2,63}$`)

// Normalize trims fields and lower-cases the user name.
func (u *User) Normalize() {
	u.Username = strings.ToLower(strings.TrimSpace(u.Username))
	u.DisplayName = strings.Join(strings.Fields(u.DisplayName), " ")
	u.Title = strings.Join(strings.Fields(u.Title), " ")
	u.Email = strings.TrimSpace(u.Email)
	u.UnitCode = strings.TrimSpace(u.UnitCode)
	if tc, err := enterprise.ParseTaxCode(u.TaxCode); err == nil {
		u.TaxCode = tc
	}
}

// Validate checks the fields that need no database.
func (u *User) Validate() error {
	var v congthuong.Validation
	if !usernamePattern.MatchString(u.Username) {
		v.Add("username", "auth.user_name_3_64_lower_case_letters_digits")
	}
	if n := utf8.RuneCountInString(u.DisplayName); n == 0 || n > 200 {
		v.Add("display_name", "auth.display_name_required_at_most_200")
	}
	if utf8.RuneCountInString(u.Title) > 100 {
		v.Add("title", "auth.title_at_most_100")
	}
	if u.Email != "" {
		if a, err := mail.ParseAddress(u.Email); err != nil || a.Address != u.Email {
			v.Add("email", "common.email_invalid")
		}
	}
	if !u.Role.Valid() {
		v.Add("role", "auth.role_must_admin_leader_officer_commune")
	}
	if u.UnitCode == "" {
		v.Add("unit_code", "auth.unit_scope_required")
	}
	switch {
	case u.Role == congthuong.RoleEnterprise:
		if _, err := enterprise.ParseTaxCode(u.TaxCode); err != nil {
			v.Add("tax_code", "auth.enterprise_user_needs_tax_code", congthuong.TextOf(err))
		}
	case u.TaxCode != "":
		v.Add("tax_code", "auth.only_enterprise_users_have_tax_code")
	}
	return v.Err("auth.user_has_invalid_fields")
}
