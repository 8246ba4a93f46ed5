package unit_test

import (
	"testing"

	"congthuong/data"
	"congthuong/internal/unit"
)

func TestLoad(t *testing.T) {
	ref, err := unit.Load(data.AdminUnits)
	if err != nil {
		t.Fatal(err)
	}
	count := func(level unit.Level, day string) int {
		n := 0
		for _, u := range ref.Units {
			if u.Level == level && u.ValidOn(day) {
				n++
			}
		}
		return n
	}
	for _, test := range []struct {
		name  string
		level unit.Level
		day   string
		want  int
	}{
		{"provinces after the reform", unit.Province, "2025-07-01", 34},
		{"provinces today", unit.Province, "2026-11-22", 34},
		{"provinces before the reform", unit.Province, "2025-06-30", 63},
		{"provinces in 2024", unit.Province, "2024-06-01", 63},
		{"communes after the reform", unit.Commune, "2025-07-01", 3321},
		{"communes today", unit.Commune, "2026-11-22", 3321},
		{"country", unit.Country, "2000-01-01", 1},
	} {
		t.Run(test.name, func(t *testing.T) {
			if got := count(test.level, test.day); got != test.want {
				t.Errorf("got %d units, want %d", got, test.want)
			}
		})
	}

	find := func(code, day string) unit.Unit {
		t.Helper()
		var found []unit.Unit
		for _, u := range ref.Units {
			if u.Code == code && u.ValidOn(day) {
				found = append(found, u)
			}
		}
		if len(found) != 1 {
			t.Fatalf("unit %s on %s: %d rows, want 1", code, day, len(found))
		}
		return found[0]
	}
	// Code 24 was Bắc Giang until the reform and is Bắc Ninh after it.
	if got := find("24", "2024-12-31").Name; got != "Bắc Giang" {
		t.Errorf("24 in 2024 = %s, want Bắc Giang", got)
	}
	if got := find("24", "2025-07-01").Name; got != "Bắc Ninh" {
		t.Errorf("24 in July 2025 = %s, want Bắc Ninh", got)
	}
	if got := find("30", "2025-06-30"); got.SuccessorCode != "31" {
		t.Errorf("Hải Dương successor = %q, want 31", got.SuccessorCode)
	}
	// Đồng Nai became a city on 2026-04-30.
	if got := find("75", "2026-04-29").FullName; got != "Tỉnh Đồng Nai" {
		t.Errorf("75 on 2026-04-29 = %s", got)
	}
	if got := find("75", "2026-04-30").FullName; got != "Thành phố Đồng Nai" {
		t.Errorf("75 on 2026-04-30 = %s", got)
	}
	if got := find("46", "2024-06-01").FullName; got != "Tỉnh Thừa Thiên Huế" {
		t.Errorf("46 in 2024 = %s", got)
	}
	if got := find("11560", "2026-01-01"); got.FullName != "Phường Thủy Nguyên" || got.ParentCode != "31" {
		t.Errorf("11560 = %+v", got)
	}

	groups := map[string]int{}
	for _, g := range ref.Groups {
		groups[g.Code] = len(g.Members)
	}
	if groups["ct28_phiabac"] != 28 {
		t.Errorf("northern localities: %d members, want 28", groups["ct28_phiabac"])
	}
	if len(ref.Groups) != 13 {
		t.Errorf("%d groups, want 13", len(ref.Groups))
	}
}
