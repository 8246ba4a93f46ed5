package park

import "strconv"

// Warning is what the law asks of a site that the site does not show: kept
// and shown with its legal reference, never a refusal, because the register
// must hold sites as they are.
type Warning struct {
	Field     string `json:"field"`
	Message   string `json:"message"`
	Reference string `json:"reference"`
}

const decree32 = "Decree 32/2024/NĐ-CP"

// Cluster areas under Decree 32/2024/NĐ-CP: 10–75 ha, from 5 ha in
// mountainous communes and for craft-village clusters.
var (
	clusterMin      = Area(10 * SquareMetresPerHectare)
	clusterMinSmall = Area(5 * SquareMetresPerHectare)
	clusterMax      = Area(75 * SquareMetresPerHectare)
)

// ExpansionOccupancy is the occupancy, in percent, a cluster must reach
// before it expands (Decree 32/2024/NĐ-CP).
const ExpansionOccupancy = 60

// Warnings returns what the law asks of s that s does not show.
func (s *Site) Warnings() []Warning {
	var out []Warning
	add := func(field, msg string) {
		out = append(out, Warning{Field: field, Message: msg, Reference: decree32})
	}
	if s.Kind != Cluster {
		return nil
	}
	least := clusterMin
	if s.Mountainous || s.CraftVillage {
		least = clusterMinSmall
	}
	switch {
	case s.PlannedArea > clusterMax:
		add("planned_ha", "a cluster is at most 75 ha; this one is "+s.PlannedArea.Hectares()+" ha")
	case s.PlannedArea > 0 && s.PlannedArea < least:
		add("planned_ha", "a cluster is at least "+least.Hectares()+" ha; this one is "+s.PlannedArea.Hectares()+" ha")
	}
	if len(s.Expansions) > 0 {
		if occ, ok := s.Occupancy(); !ok || occ < ExpansionOccupancy {
			add("expansions", "a cluster expands only once 60% of its land is leased; "+occupancyText(occ, ok))
		}
		if s.WastewaterCapacity == 0 || !s.WastewaterOperating {
			add("expansions", "a cluster expands only with its wastewater collection and treatment built and operating")
		}
	}
	return out
}

func occupancyText(occ float64, ok bool) string {
	if !ok {
		return "none of its land is leasable yet"
	}
	return "it is " + strconv.FormatFloat(occ, 'f', 1, 64) + "%"
}
