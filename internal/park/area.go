package park

import (
	"strconv"
	"strings"

	"congthuong"
)

// Area is a land area in square metres. Registers give hectares with up to
// four decimals (1 ha = 10,000 m²), so whole square metres hold every one
// of them exactly: 742.5 ha stays 742.5 ha through any sum.
type Area int64

// SquareMetresPerHectare converts hectares to Area.
const SquareMetresPerHectare = 10_000

// maxArea bounds an area: 1,000,000 ha, far above any park.
const maxArea = Area(1_000_000 * SquareMetresPerHectare)

// ParseHectares reads an area in hectares: "742.5" or "742,5" (decimal
// comma); with two kinds of separator the last is the decimal mark and the
// others group thousands ("1.234,5", "1,234.5"). A single separator is
// always the decimal mark: "11.208" is eleven hectares, as a spreadsheet
// cell means it, never 11,208.
func ParseHectares(s string) (Area, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if s == "" {
		return 0, congthuong.Errorf(congthuong.EINVALID, "park.area_required")
	}
	whole, frac := s, ""
	seps := strings.Count(s, ".") + strings.Count(s, ",")
	switch {
	case seps == 1:
		i := strings.IndexAny(s, ".,")
		whole, frac = s[:i], s[i+1:]
	case seps > 1:
		// 1.234,5 or 1,234.5: the last separator is the decimal mark,
		// the others group thousands and must all be the other sign.
		i := strings.LastIndexAny(s, ".,")
		mark, group := s[i], byte('.')
		if mark == '.' {
			group = ','
		}
		if strings.IndexByte(s[:i], mark) >= 0 {
			return 0, congthuong.Errorf(congthuong.EINVALID, "park.not_area", s)
		}
		whole, frac = strings.ReplaceAll(s[:i], string(group), ""), s[i+1:]
	}
	if whole == "" || len(frac) > 4 || !digits(whole) || !digits(frac) {
		if len(frac) > 4 && digits(frac) {
			return 0, congthuong.Errorf(congthuong.EINVALID, "park.area_decimals", s)
		}
		return 0, congthuong.Errorf(congthuong.EINVALID, "park.not_area", s)
	}
	if len(whole) > 7 {
		return 0, congthuong.Errorf(congthuong.EINVALID, "park.area_too_large", s)
	}
	n, _ := strconv.ParseInt(whole, 10, 64)
	f, _ := strconv.ParseInt((frac + "0000")[:4], 10, 64)
	a := Area(n*SquareMetresPerHectare + f)
	if a > maxArea {
		return 0, congthuong.Errorf(congthuong.EINVALID, "park.area_too_large", s)
	}
	return a, nil
}

func digits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Hectares writes the area in hectares with as many decimals as it needs:
// "742.5", "11208", "0.0001".
func (a Area) Hectares() string {
	neg := a < 0
	if neg {
		a = -a
	}
	s := strconv.FormatInt(int64(a/SquareMetresPerHectare), 10)
	if f := int64(a % SquareMetresPerHectare); f != 0 {
		s += "." + strings.TrimRight(strconv.FormatInt(f+SquareMetresPerHectare, 10)[1:], "0")
	}
	if neg {
		s = "-" + s
	}
	return s
}

// Float returns the area in hectares as a float, for display and charts
// only: sums are made on Area.
func (a Area) Float() float64 { return float64(a) / SquareMetresPerHectare }

// MarshalJSON writes hectares as a JSON number with its exact decimals.
func (a Area) MarshalJSON() ([]byte, error) { return []byte(a.Hectares()), nil }

// UnmarshalJSON reads hectares from a JSON number or string.
func (a *Area) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "null" {
		*a = 0
		return nil
	}
	v, err := ParseHectares(s)
	if err != nil {
		return err
	}
	*a = v
	return nil
}
