// Package enterprise models the enterprises every module refers to: one record
// per tax code (mã số thuế).
package enterprise

import (
	"strings"

	"congthuong"
)

// Tax-code weights for the check digit over digits 1–9 (python-stdnum
// stdnum/vn/mst.py; docs/DOMAIN.md §6).
var taxWeights = [9]int{31, 29, 23, 19, 17, 13, 7, 5, 3}

// Errors returned by ParseTaxCode; their messages are shown to users.
var (
	ErrTaxCodeEmpty    = congthuong.Errorf(congthuong.EINVALID, "enterprise.tax_code_required")
	ErrTaxCodeLength   = congthuong.Errorf(congthuong.EINVALID, "enterprise.tax_code_length")
	ErrTaxCodeDigits   = congthuong.Errorf(congthuong.EINVALID, "enterprise.tax_code_digits")
	ErrTaxCodeCheck    = congthuong.Errorf(congthuong.EINVALID, "enterprise.tax_code_check")
	ErrTaxCodeBranch   = congthuong.Errorf(congthuong.EINVALID, "enterprise.tax_code_branch")
	ErrTaxCodeSequence = congthuong.Errorf(congthuong.EINVALID, "enterprise.tax_code_sequence")
)

// ParseTaxCode validates a tax code and returns it in canonical form:
// 10 digits, 10 digits + "-" + 3 digits for a branch, or 12 digits for an
// individual's personal identification number. Spaces, dots and the branch
// hyphen are accepted on input.
func ParseTaxCode(s string) (string, error) {
	var digits []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits = append(digits, c)
		case c == ' ' || c == '.' || c == '-':
		default:
			return "", ErrTaxCodeDigits
		}
	}
	if len(digits) == 0 {
		return "", ErrTaxCodeEmpty
	}
	if strings.Count(s, "-") > 1 || (strings.Contains(s, "-") && len(digits) != 13) {
		return "", ErrTaxCodeDigits
	}
	switch len(digits) {
	case 12:
		return string(digits), nil
	case 10, 13:
	default:
		return "", ErrTaxCodeLength
	}
	if string(digits[2:9]) == "0000000" {
		return "", ErrTaxCodeSequence
	}
	if checkDigit(digits[:9]) != int(digits[9]-'0') {
		return "", ErrTaxCodeCheck
	}
	if len(digits) == 10 {
		return string(digits), nil
	}
	if string(digits[10:]) == "000" {
		return "", ErrTaxCodeBranch
	}
	return string(digits[:10]) + "-" + string(digits[10:]), nil
}

// checkDigit returns the check digit of the first nine digits, or -1 when no
// digit can complete them (the weighted sum is divisible by 11).
func checkDigit(d []byte) int {
	sum := 0
	for i, w := range taxWeights {
		sum += w * int(d[i]-'0')
	}
	r := sum % 11
	if r == 0 {
		return -1
	}
	return (10 - r) % 10
}

// WithCheckDigit completes nine digits with their check digit; ok is false
// when no digit can. It is used to make demo and test data.
func WithCheckDigit(nine string) (string, bool) {
	if len(nine) != 9 {
		return "", false
	}
	c := checkDigit([]byte(nine))
	if c < 0 {
		return "", false
	}
	return nine + string(rune('0'+c)), true
}

// ParentTaxCode returns the enterprise a branch belongs to, or "" for a
// code that is not a branch.
func ParentTaxCode(code string) string {
	if len(code) == 14 && code[10] == '-' {
		return code[:10]
	}
	return ""
}
