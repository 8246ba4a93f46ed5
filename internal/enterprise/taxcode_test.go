package enterprise_test

import (
	"errors"
	"strings"
	"testing"

	"congthuong/internal/enterprise"
)

func TestParseTaxCode(t *testing.T) {
	for _, test := range []struct {
		in      string
		want    string
		wantErr error
	}{
		{"0100233488", "0100233488", nil},
		{"0314409058", "0314409058", nil},
		{"0100112437", "0100112437", nil},
		{"0312687878", "0312687878", nil},
		{"0101243150", "0101243150", nil}, // Σ mod 11 = 10, so C = 0
		{"0314409058-002", "0314409058-002", nil},
		{"0314409058002", "0314409058-002", nil},
		{" 0100 233 488 ", "0100233488", nil},
		{"001085012345", "001085012345", nil}, // personal identification number
		{"0100233480", "", enterprise.ErrTaxCodeCheck},
		{"0314409058-000", "", enterprise.ErrTaxCodeBranch},
		{"0314409058-02", "", enterprise.ErrTaxCodeDigits},
		{"03144-09058-002", "", enterprise.ErrTaxCodeDigits},
		{"010023348", "", enterprise.ErrTaxCodeLength},
		{"01002334881", "", enterprise.ErrTaxCodeLength},
		{"01OO233488", "", enterprise.ErrTaxCodeDigits},
		{"0100000000", "", enterprise.ErrTaxCodeSequence},
		{"", "", enterprise.ErrTaxCodeEmpty},
		{"   ", "", enterprise.ErrTaxCodeEmpty},
	} {
		t.Run(test.in, func(t *testing.T) {
			got, err := enterprise.ParseTaxCode(test.in)
			if !errors.Is(err, test.wantErr) {
				t.Fatalf("err = %v, want %v", err, test.wantErr)
			}
			if got != test.want {
				t.Errorf("got %q, want %q", got, test.want)
			}
		})
	}
}

func TestWithCheckDigit(t *testing.T) {
	for _, valid := range []string{"0100233488", "0314409058", "0101243150"} {
		got, ok := enterprise.WithCheckDigit(valid[:9])
		if !ok || got != valid {
			t.Errorf("WithCheckDigit(%s) = %s, %v", valid[:9], got, ok)
		}
	}
}

// FuzzParseTaxCode checks that whatever the parser accepts is canonical: it
// parses again to itself, and it has one of the three allowed shapes.
func FuzzParseTaxCode(f *testing.F) {
	for _, s := range []string{"0100233488", "0314409058-002", "001085012345", "0100233480", "x", "--"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := enterprise.ParseTaxCode(s)
		if err != nil {
			return
		}
		switch len(got) {
		case 10, 12, 14:
		default:
			t.Fatalf("ParseTaxCode(%q) = %q: bad length", s, got)
		}
		again, err := enterprise.ParseTaxCode(got)
		if err != nil || again != got {
			t.Fatalf("canonical form %q does not parse to itself: %q, %v", got, again, err)
		}
	})
}

func TestSearchWords(t *testing.T) {
	got := enterprise.SearchWords("Công ty TNHH Thép Đình Vũ - Chi nhánh Hải Phòng 2, thép")
	want := "thep dinh vu hai phong 2"
	if strings.Join(got, " ") != want {
		t.Errorf("SearchWords = %q, want %q", got, want)
	}
	if got := enterprise.SearchWords("Công ty Cổ phần"); len(got) != 0 {
		t.Errorf("legal form only: %q", got)
	}
}
