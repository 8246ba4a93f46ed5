package stats

import (
	"testing"

	"congthuong"
)

func TestParseNumber(t *testing.T) {
	for in, want := range map[string]float64{"225784": 225784, "225784.5": 225784.5, "225.784,5": 225784.5, "225784,5": 225784.5,
		" 1 234 ": 1234, "-12.5": -12.5, "1e3": 1000} {
		if got, ok := ParseNumber(in); !ok || got != want {
			t.Errorf("%q → %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "abc", "1,2,3", "NaN", "Inf", "12%"} {
		if got, ok := ParseNumber(in); ok {
			t.Errorf("%q accepted as %v", in, got)
		}
	}
}

func TestParseValueRecord(t *testing.T) {
	rec := func(m map[string]string) func(string) string { return func(c string) string { return m[c] } }
	var v congthuong.Validation
	r, ok := ParseValueRecord(2, rec(map[string]string{"indicator": "retail_sales", "unit": "31", "period": "2024", "value": "225784"}), &v)
	if !ok || r.Indicator != "RETAIL_SALES" || r.Period.String() != "2024" || r.Value != 225784 || r.Status != Preliminary {
		t.Errorf("good row: %+v %v", r, v.Err("x"))
	}
	_, ok = ParseValueRecord(3, rec(map[string]string{"period": "2024Q5", "value": "x", "status": "final"}), &v)
	fields := map[string]bool{}
	for _, f := range congthuong.ErrorFields(v.Err("x")) {
		if f.Row != 3 {
			t.Errorf("problem on row %d", f.Row)
		}
		fields[f.Field] = true
	}
	if ok || len(fields) != 5 {
		t.Errorf("bad row: %v", fields)
	}
}

func TestWhoMayStoreWhat(t *testing.T) {
	department := congthuong.Actor{UserID: 1, Role: congthuong.RoleOfficer, UnitCode: "31", ProvinceCode: "31"}
	commune := congthuong.Actor{UserID: 2, Role: congthuong.RoleCommune, UnitCode: "11560", ProvinceCode: "31"}
	officerOfCommune := congthuong.Actor{UserID: 3, Role: congthuong.RoleOfficer, UnitCode: "11560", ProvinceCode: "31"}
	for _, test := range []struct {
		name     string
		actor    congthuong.Actor
		status   Status
		may      bool
		old      Status
		reopened bool
		replace  bool
	}{
		{"the department publishes", department, Official, true, Official, false, true},
		{"a commune enters preliminary figures", commune, Preliminary, true, Preliminary, false, true},
		{"a commune may not publish", commune, Official, false, Official, false, false},
		{"an officer of a commune is not the department", officerOfCommune, Official, false, Official, false, false},
		{"a returned report is entered again", commune, Estimate, true, Official, true, true},
		{"the platform itself", congthuong.System(), Official, true, Official, false, true},
	} {
		if got := MayStore(test.actor, test.status); got != test.may {
			t.Errorf("%s: MayStore = %v", test.name, got)
		}
		if got := MayReplace(test.actor, test.old, test.reopened); got != test.replace {
			t.Errorf("%s: MayReplace = %v", test.name, got)
		}
	}
}
