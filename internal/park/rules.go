package park

import "congthuong"

// Warning is what the law asks of a site that the site does not show: kept
// and shown with its legal reference, never a refusal, because the register
// must hold sites as they are.
type Warning struct {
	Field string `json:"field"`
	// Message is the ID of the message, with Args; the edge writes it in
	// the reader's language (i18n.Localize).
	Message   string `json:"message"`
	Args      []any  `json:"-"`
	Reference string `json:"reference"`
}

// decree32 is the ID of the citation of Decree 32/2024/NĐ-CP.
const decree32 = "park.ref_decree32"

// Localize writes the warning and its citation in the reader's language.
func (w *Warning) Localize(t func(id string, args ...any) string) {
	w.Message, w.Args, w.Reference = t(w.Message, w.Args...), nil, t(w.Reference)
}

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
	add := func(field, id string, args ...any) {
		out = append(out, Warning{Field: field, Message: id, Args: args, Reference: decree32})
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
		add("planned_ha", "park.cluster_at_most_75_ha_this_one_ha", s.PlannedArea.Float())
	case s.PlannedArea > 0 && s.PlannedArea < least:
		add("planned_ha", "park.cluster_at_least_ha_this_one_ha", least.Float(), s.PlannedArea.Float())
	}
	if len(s.Expansions) > 0 {
		if occ, ok := s.Occupancy(); !ok || occ < ExpansionOccupancy {
			add("expansions", "park.cluster_expands_only_once_60_f_land", occupancyText(occ, ok))
		}
		if s.WastewaterCapacity == 0 || !s.WastewaterOperating {
			add("expansions", "park.cluster_expands_only_wastewater")
		}
	}
	return out
}

func occupancyText(occ float64, ok bool) congthuong.Text {
	if !ok {
		return congthuong.Text{ID: "park.none_leasable_yet"}
	}
	return congthuong.Text{ID: "park.occupancy_is", Args: []any{occ}}
}
