package vsic

import "testing"

// TestLookup: every form a record writes finds its division, and a letter
// that is not the division's section finds nothing.
func TestLookup(t *testing.T) {
	for _, code := range []string{"C24", "c2410", "2410", "24", " C24 "} {
		if e, ok := Lookup(code); !ok || e.Code != "24" || e.Name("vi") != "Sản xuất kim loại" || e.Name("en") != "Manufacture of basic metals" || e.Label() != "C24" {
			t.Errorf("%q: %+v %v", code, e, ok)
		}
	}
	if e, ok := Lookup("H"); !ok || e.Name("en") != "Transportation and storage" || e.Label() != "H" {
		t.Errorf("a section: %+v %v", e, ok)
	}
	for _, code := range []string{"", "H24", "C4", "C2x", "04", "Z", "ZZ99"} {
		if e, ok := Lookup(code); ok {
			t.Errorf("%q found %+v", code, e)
		}
	}
}

// TestTable: the table has the decision's 21 sections and 88 divisions,
// each named in both languages, each division under a section.
func TestTable(t *testing.T) {
	sections, divisions := 0, 0
	for _, e := range Divisions() {
		if e.VI == "" || e.EN == "" || e.Section == "" {
			t.Errorf("incomplete: %+v", e)
		}
		if len(e.Code) == 1 {
			sections++
		} else {
			divisions++
		}
	}
	if sections != 21 || divisions != 88 {
		t.Errorf("%d sections, %d divisions", sections, divisions)
	}
}
