package unit_test

import (
	"testing"

	"congthuong/data"
	"congthuong/internal/unit"
)

// TestExtra: the shipped area, population and outlines load; a merged
// province takes Resolution 202's figures, a kept one GSO 2024's; a
// commune with a doubtful population keeps its area only; every province
// has an outline, simplified but with its islands.
func TestExtra(t *testing.T) {
	x, err := unit.LoadExtra(data.AdminUnitsExtra)
	if err != nil {
		t.Fatal(err)
	}
	hp := x.Facts["31"] // Hải Phòng, merged with Hải Dương: Resolution 202
	if !hp.HasArea || hp.AreaSource != unit.FromResolution202 || hp.PopulationSource != unit.FromResolution202 || hp.Population < 4_000_000 {
		t.Errorf("Hải Phòng: %+v", hp)
	}
	hn := x.Facts["01"] // Hà Nội, kept: GSO 2024 (8,717.6 thousand)
	if hn.AreaSource != unit.FromGSO2024 || hn.Population != 8_717_600 || hn.AreaKm2 != 3359.8 {
		t.Errorf("Hà Nội: %+v", hn)
	}
	if d, ok := hn.Density(); !ok || d < 2500 || d > 2700 {
		t.Errorf("Hà Nội's density: %v", d)
	}
	if kh := x.Facts["27265"]; kh.AreaKm2 != 1.07 || kh.Population != 94507 || kh.AreaSource != unit.FromReferenceMap {
		t.Errorf("Khánh Hội: %+v", kh)
	}
	if len(x.Shapes) != 34 {
		t.Fatalf("%d outlines", len(x.Shapes))
	}
	points, rings := 0, 0
	for _, s := range x.Shapes {
		for _, r := range s.Rings {
			points += len(r)
			rings++
		}
	}
	if points > 6000 || rings < 34 {
		t.Errorf("%d points in %d rings after simplifying", points, rings)
	}
}
