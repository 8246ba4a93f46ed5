package i18n_test

import (
	"testing"
	"time"

	"congthuong/internal/i18n"
)

// TestNumbersAndDates writes numbers and dates as each language does.
func TestNumbersAndDates(t *testing.T) {
	vi, en := i18n.Default().Printer("vi"), i18n.Default().Printer("en")
	for _, v := range []struct {
		x        float64
		decimals int
		vi, en   string
	}{
		{225784, 0, "225.784", "225,784"}, {36400.55, 1, "36.400,6", "36,400.6"}, {-8.1, 1, "-8,1", "-8.1"}, {999, 0, "999", "999"},
		{1234567.891, 2, "1.234.567,89", "1,234,567.89"}, {11208.5, 1, "11.208,5", "11,208.5"},
	} {
		if got := vi.Num(v.x, v.decimals); got != v.vi {
			t.Errorf("vi %v: %q, want %q", v.x, got, v.vi)
		}
		if got := en.Num(v.x, v.decimals); got != v.en {
			t.Errorf("en %v: %q, want %q", v.x, got, v.en)
		}
	}
	if got := vi.Decimal("-11208.50"); got != "-11.208,50" {
		t.Errorf("vi decimal: %q", got)
	}
	if got := en.Int(1234567); got != "1,234,567" {
		t.Errorf("en int: %q", got)
	}
	day := time.Date(2026, 12, 7, 2, 30, 0, 0, time.UTC) // 09:30 in Vietnam
	if got := vi.DateTime(day); got != "07/12/2026 09:30" {
		t.Errorf("vi: %q", got)
	}
	if got := en.DateTime(day); got != "7 Dec 2026 09:30" {
		t.Errorf("en: %q", got)
	}
	if got := en.T("error.first_of", 1000, 1005); got != "(the first 1,000 of 1,005 problems are listed)" {
		t.Errorf("numbers inside a message: %q", got)
	}
}
