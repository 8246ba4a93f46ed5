package commerce

import (
	"math"
	"strconv"
	"strings"
)

// ParsePoint reads a place as typed in a form or a list: longitude and
// latitude in decimal degrees (a decimal comma allowed). Both empty is no
// place; ok is false when one is missing or is not a number.
func ParsePoint(lon, lat string) (x, y *float64, ok bool) {
	lon, lat = strings.TrimSpace(lon), strings.TrimSpace(lat)
	if lon == "" && lat == "" {
		return nil, nil, true
	}
	a, err1 := strconv.ParseFloat(strings.ReplaceAll(lon, ",", "."), 64)
	b, err2 := strconv.ParseFloat(strings.ReplaceAll(lat, ",", "."), 64)
	if err1 != nil || err2 != nil || math.IsNaN(a) || math.IsNaN(b) {
		return nil, nil, false
	}
	return &a, &b, true
}

// pointProblem is what is wrong with a stored place, as a message ID:
// one coordinate without the other, or a point outside Viet Nam's land
// and islands (longitude 100–120, latitude 5–25), which is mostly swapped
// coordinates; "" when it is right or absent.
func pointProblem(lon, lat *float64) string {
	switch {
	case (lon == nil) != (lat == nil):
		return "commerce.both_lon_lat"
	case lon == nil:
		return ""
	case math.IsNaN(*lon) || math.IsNaN(*lat) || *lon < 100 || *lon > 120 || *lat < 5 || *lat > 25:
		return "commerce.point_outside"
	}
	return ""
}
