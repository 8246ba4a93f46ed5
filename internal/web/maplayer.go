package web

import "encoding/json"

// MapLayer is a set of points one module offers to the maps of others
// (the markets and stores beside the industrial parks): its name in the
// reader's language, where its GeoJSON is, the colour of its points, and
// the page of a point (Link followed by the feature's id), empty when its
// points have no page of their own.
type MapLayer struct {
	Key    string `json:"key"`
	Label  string `json:"label"`
	URL    string `json:"url"`
	Colour string `json:"colour"`
	Link   string `json:"link,omitempty"`
}

// MapLayers gathers the layers every module offers for a province, in
// p's language, as the JSON a map's data-layers attribute carries; empty
// when there is no province or no layer.
func (s *Server) MapLayers(p *Printer, province string) string {
	if province == "" {
		return ""
	}
	var layers []MapLayer
	for _, m := range s.modules {
		if m.MapLayers != nil {
			layers = append(layers, m.MapLayers(p, province)...)
		}
	}
	if len(layers) == 0 {
		return ""
	}
	b, _ := json.Marshal(layers)
	return string(b)
}
