package stats

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// FormatNumber writes x with the given decimals in a language's style:
// 225.784,5 in Vietnamese, 225,784.5 in English.
func FormatNumber(x float64, decimals int, lang string) string {
	s := strconv.FormatFloat(math.Abs(x), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	thousands, point := ",", "."
	if lang == "vi" {
		thousands, point = ".", ","
	}
	var b strings.Builder
	if x < 0 && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(thousands)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(point + frac)
	}
	return b.String()
}

var monthsEN = [...]string{"", "January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December"}

var countEN = [...]string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"}

var romanQuarter = [...]string{"", "I", "II", "III", "IV"}

// PeriodWords names a period as a report does: "quý II/2024", "4 tháng đầu
// năm 2024"; "Q2 2024", "the first four months of 2024".
func PeriodWords(p Period, lang string) string {
	if lang == "vi" {
		switch p.Kind {
		case Year:
			return fmt.Sprintf("năm %d", p.Year)
		case Half:
			if p.First == 1 {
				return fmt.Sprintf("6 tháng đầu năm %d", p.Year)
			}
			return fmt.Sprintf("6 tháng cuối năm %d", p.Year)
		case Quarter:
			return fmt.Sprintf("quý %s/%d", romanQuarter[(p.First+2)/3], p.Year)
		case Month:
			return fmt.Sprintf("tháng %d/%d", p.First, p.Year)
		}
		if p.First == 1 {
			return fmt.Sprintf("%d tháng đầu năm %d", p.Last, p.Year)
		}
		return fmt.Sprintf("từ tháng %d đến tháng %d/%d", p.First, p.Last, p.Year)
	}
	switch p.Kind {
	case Year:
		return strconv.Itoa(p.Year)
	case Half:
		if p.First == 1 {
			return fmt.Sprintf("the first half of %d", p.Year)
		}
		return fmt.Sprintf("the second half of %d", p.Year)
	case Quarter:
		return fmt.Sprintf("Q%d %d", (p.First+2)/3, p.Year)
	case Month:
		return fmt.Sprintf("%s %d", monthsEN[p.First], p.Year)
	}
	if p.First == 1 {
		return fmt.Sprintf("the first %s months of %d", countEN[p.Last], p.Year)
	}
	return fmt.Sprintf("%s–%s %d", monthsEN[p.First], monthsEN[p.Last], p.Year)
}

// measuresEN gives the English of the usual units of measure; a measure not
// listed is written as entered.
var measuresEN = map[string]string{"tỷ đồng": "VND billion", "triệu USD": "US$ million", "tỷ USD": "US$ billion",
	"cụm": "clusters", "triệu kWh": "million kWh", "điểm": "points", "ha": "ha", "%": "%"}

// Amount writes a value with its unit of measure: "225.784 tỷ đồng",
// "VND 225,784 billion" is written "225,784 VND billion" only when the
// measure is unknown.
func Amount(ind *Indicator, x float64, lang string) string {
	n := FormatNumber(x, ind.Decimals, lang)
	if lang == "vi" {
		return n + " " + ind.Measure
	}
	switch ind.Measure {
	case "tỷ đồng":
		return "VND " + n + " billion"
	case "triệu USD":
		return "US$" + n + " million"
	case "tỷ USD":
		return "US$" + n + " billion"
	case "%":
		return n + "%"
	}
	if m, ok := measuresEN[ind.Measure]; ok {
		return n + " " + m
	}
	return n + " " + ind.Measure
}

// Percent writes a growth or a share: "13,6%", "13.6%".
func Percent(x float64, lang string) string { return FormatNumber(x, 1, lang) + "%" }
