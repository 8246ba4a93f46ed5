package park

import (
	"encoding/json"
	"strings"
	"testing"

	"congthuong"
)

func ha(s string) Area {
	a, err := ParseHectares(s)
	if err != nil {
		panic(err)
	}
	return a
}

func validCluster() Site {
	return Site{Code: "CCN-TANLIEN", Kind: Cluster, NameVI: "Cụm công nghiệp Tân Liên", UnitCode: "11560",
		Status: Operating, Decision: Decision{Number: "1234/QĐ-UBND", Date: "2021-05-10", Body: "UBND thành phố Hải Phòng"},
		PlannedArea: ha("50"), IndustrialLand: ha("38.5"), LeasableArea: ha("38.5"), LeasedArea: ha("20"),
		Geometry: &Geometry{Type: "Point", Coordinates: json.RawMessage(`[106.5, 20.7]`)}}
}

func TestValidate(t *testing.T) {
	s := validCluster()
	s.Normalize()
	if err := s.Validate(); err != nil {
		t.Fatalf("a valid cluster: %v", err)
	}
	if s.Type != General {
		t.Errorf("a cluster's type: %q", s.Type)
	}
	if occ, ok := s.Occupancy(); !ok || occ < 51.9 || occ > 52 || s.FreeArea().Hectares() != "18.5" {
		t.Errorf("occupancy %v, free %s", occ, s.FreeArea().Hectares())
	}
	for _, c := range []struct {
		field string
		edit  func(*Site)
	}{
		{"code", func(s *Site) { s.Code = "a b" }},
		{"kind", func(s *Site) { s.Kind = "zone" }},
		{"type", func(s *Site) { s.Type = HighTech }},
		{"name_vi", func(s *Site) { s.NameVI = "" }},
		{"unit_code", func(s *Site) { s.UnitCode = "" }},
		{"status", func(s *Site) { s.Status = "closed" }},
		{"decision.number", func(s *Site) { s.Decision.Number = "" }},
		{"decision.date", func(s *Site) { s.Decision.Date = "2021-02-30" }},
		{"expansions", func(s *Site) { s.Expansions = []Decision{{Number: "9/QĐ"}} }},
		{"planned_ha", func(s *Site) { s.PlannedArea = 0 }},
		{"industrial_land_ha", func(s *Site) { s.IndustrialLand = ha("60") }},
		{"leased_ha", func(s *Site) { s.LeasedArea = ha("40") }},
		{"infrastructure.roads", func(s *Site) { s.Infrastructure.Roads = "good" }},
		{"wastewater_operating", func(s *Site) { s.WastewaterOperating = true }},
		{"eco_status", func(s *Site) { s.Eco = EcoConverting }},
		{"contact.email", func(s *Site) { s.Contact.Email = "not mail" }},
		{"contact.website", func(s *Site) { s.Contact.Website = "ftp://x" }},
		{"sectors", func(s *Site) { s.Sectors = []string{"C10", "food"} }},
		{"port_km", func(s *Site) { v := -1.0; s.PortKm = &v }},
		{"rent_max_usd", func(s *Site) { lo, hi := 100.0, 90.0; s.RentMinUSD, s.RentMaxUSD = &lo, &hi }},
		{"geometry", func(s *Site) { s.Geometry.Coordinates = json.RawMessage(`[20.7, 106.5]`) }},
	} {
		s := validCluster()
		c.edit(&s)
		s.Normalize()
		fields := congthuong.ErrorFields(s.Validate())
		if len(fields) != 1 || fields[0].Field != c.field {
			t.Errorf("%s: %+v", c.field, fields)
		}
	}
}

func TestWarnings(t *testing.T) {
	warned := func(s Site, field, words string) bool {
		for _, w := range s.Warnings() {
			if w.Field == field && strings.Contains(congthuong.Render(w.Message, w.Args...), words) && w.Reference == "park.ref_decree32" {
				return true
			}
		}
		return false
	}
	s := validCluster()
	if w := s.Warnings(); len(w) != 0 {
		t.Errorf("a 50 ha cluster: %+v", w)
	}
	s.PlannedArea = ha("80")
	if !warned(s, "planned_ha", "at most 75 ha") {
		t.Errorf("80 ha: %+v", s.Warnings())
	}
	s.PlannedArea = ha("7")
	if !warned(s, "planned_ha", "at least 10 ha") {
		t.Errorf("7 ha: %+v", s.Warnings())
	}
	s.CraftVillage = true
	if len(s.Warnings()) != 0 {
		t.Errorf("a 7 ha craft-village cluster: %+v", s.Warnings())
	}
	s = validCluster() // 52% leased, no wastewater plant
	s.Expansions = []Decision{{Number: "77/QĐ-UBND", Date: "2024-06-01"}}
	if !warned(s, "expansions", "60%") || !warned(s, "expansions", "wastewater") {
		t.Errorf("expanding too early: %+v", s.Warnings())
	}
	s.LeasedArea, s.WastewaterCapacity, s.WastewaterOperating = ha("30"), 1500, true
	if len(s.Warnings()) != 0 {
		t.Errorf("expanding at 78%% with a plant: %+v", s.Warnings())
	}
	p := validCluster()
	p.Kind, p.PlannedArea = Park, ha("742.5")
	if len(p.Warnings()) != 0 {
		t.Errorf("a park has no cluster limits: %+v", p.Warnings())
	}
}
