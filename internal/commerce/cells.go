package commerce

import (
	"regexp"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/tabular"
	"congthuong/internal/unit"
)

// cells reads one row of a register's list by column name, gathering the
// row's problems: a value in a commune's words turned into its code, a
// count written with separators, a point.
type cells struct {
	cols     map[string]int
	row      tabular.Row
	words    map[string]map[string]string
	problems []congthuong.FieldError
}

func (c *cells) get(name string) string {
	if i, ok := c.cols[name]; ok {
		return strings.TrimSpace(c.row.Cell(i))
	}
	return ""
}

func (c *cells) bad(field, id string) {
	c.problems = append(c.problems, congthuong.FieldError{Row: c.row.Line, Field: field, Message: id})
}

// word is a coded column's value: its code, or the code of the words a
// commune writes for it.
func (c *cells) word(col string) string {
	v := c.get(col)
	if w, ok := c.words[col][unit.Fold(v)]; ok {
		return w
	}
	return strings.ToLower(v)
}

// grouped is a whole number with or without separators between its
// thousands (8000, 8.000, 8,000, 8 000), never a decimal (120,5).
var grouped = regexp.MustCompile(`^\d{1,3}([., ]\d{3})*$|^\d+$`)

// count reads a whole number written with or without separators between
// its thousands into to; a decimal is refused, not read as a larger whole.
func (c *cells) count(col string, to *int) {
	v := c.get(col)
	if v == "" {
		return
	}
	if !grouped.MatchString(v) {
		c.bad(col, "commerce.market_number")
		return
	}
	n, err := strconv.Atoi(strings.NewReplacer(".", "", ",", "", " ", "").Replace(v))
	if err != nil {
		c.bad(col, "commerce.market_number")
		return
	}
	*to = n
}

// point reads the lon and lat columns.
func (c *cells) point() (lon, lat *float64) {
	lon, lat, ok := ParsePoint(c.get("lon"), c.get("lat"))
	if !ok {
		c.bad("lat", "commerce.both_lon_lat")
	}
	return lon, lat
}

// formatPoint writes a point for a list, or two empty cells.
func formatPoint(lon, lat *float64) (string, string) {
	if lon == nil || lat == nil {
		return "", ""
	}
	return strconv.FormatFloat(*lon, 'f', -1, 64), strconv.FormatFloat(*lat, 'f', -1, 64)
}
