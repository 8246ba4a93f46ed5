package commerce

import (
	"encoding/json"
	"io"
	"strings"

	"congthuong"
)

// OpenStreetMap's places come as GeoJSON (what overpass turbo exports, or
// this register's own .geojson) or as the Overpass API's JSON; either way
// a place is its tags and a point. A way or a relation is placed at the
// middle of its extent (Overpass: "out center").

// osmPlace is one place read from a file: its tags and its point.
type osmPlace struct {
	tags     map[string]string
	lon, lat *float64
}

// MaxOSMPlaces bounds a file of places.
const MaxOSMPlaces = 20_000

// ErrNotOSM reports a file that is neither GeoJSON nor Overpass JSON.
var ErrNotOSM = congthuong.FieldErr(congthuong.EINVALID, "file", "commerce.osm_not_geojson")

func readOSM(r io.Reader) ([]osmPlace, error) {
	var doc struct {
		Type     string `json:"type"`
		Features []struct {
			Geometry struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
		Elements []struct {
			Lat, Lon *float64
			Center   *struct{ Lat, Lon float64 }
			Tags     map[string]string
		} `json:"elements"`
	}
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return nil, ErrNotOSM
	}
	var out []osmPlace
	switch {
	case doc.Type == "FeatureCollection":
		for _, f := range doc.Features {
			p := osmPlace{tags: map[string]string{}}
			for k, v := range f.Properties {
				switch x := v.(type) {
				case string:
					p.tags[k] = x
				case float64, bool:
					b, _ := json.Marshal(x)
					p.tags[k] = string(b)
				}
			}
			// overpass turbo nests the tags under "tags".
			if nested, ok := f.Properties["tags"].(map[string]any); ok {
				for k, v := range nested {
					if s, ok := v.(string); ok {
						p.tags[k] = s
					}
				}
			}
			if lon, lat, ok := middleOf(f.Geometry.Coordinates); ok {
				p.lon, p.lat = &lon, &lat
			}
			out = append(out, p)
		}
	case doc.Elements != nil:
		for _, e := range doc.Elements {
			p := osmPlace{tags: e.Tags}
			if p.tags == nil {
				continue // a way's or relation's bare node
			}
			switch {
			case e.Lat != nil && e.Lon != nil:
				p.lon, p.lat = e.Lon, e.Lat
			case e.Center != nil:
				lon, lat := e.Center.Lon, e.Center.Lat
				p.lon, p.lat = &lon, &lat
			}
			out = append(out, p)
		}
	default:
		return nil, ErrNotOSM
	}
	if len(out) > MaxOSMPlaces {
		return nil, congthuong.FieldErr(congthuong.EINVALID, "file", "commerce.osm_too_many", MaxOSMPlaces)
	}
	return out, nil
}

// middleOf is the middle of the extent of any GeoJSON coordinates: the
// point itself, or the centre of a line's or an area's bounding box.
func middleOf(raw json.RawMessage) (lon, lat float64, ok bool) {
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return 0, 0, false
	}
	minLon, minLat, maxLon, maxLat := 1e9, 1e9, -1e9, -1e9
	var walk func(v any)
	walk = func(node any) {
		list, isList := node.([]any)
		if !isList {
			return
		}
		if len(list) >= 2 {
			x, okx := list[0].(float64)
			y, oky := list[1].(float64)
			if okx && oky {
				minLon, maxLon = min(minLon, x), max(maxLon, x)
				minLat, maxLat = min(minLat, y), max(maxLat, y)
				ok = true
				return
			}
		}
		for _, item := range list {
			walk(item)
		}
	}
	walk(v)
	return (minLon + maxLon) / 2, (minLat + maxLat) / 2, ok
}

// address is an OpenStreetMap place's address: addr:full, or its number,
// street and place.
func (p osmPlace) address() string {
	if a := p.tags["addr:full"]; a != "" {
		return a
	}
	var parts []string
	if s := strings.TrimSpace(p.tags["addr:housenumber"] + " " + p.tags["addr:street"]); s != "" {
		parts = append(parts, s)
	}
	for _, k := range []string{"addr:place", "addr:suburb"} {
		if p.tags[k] != "" {
			parts = append(parts, p.tags[k])
		}
	}
	return strings.Join(parts, ", ")
}

func (p osmPlace) name() string {
	if n := p.tags["name:vi"]; n != "" {
		return n
	}
	return p.tags["name"]
}

// unitCode is the place's commune: the register's own unit_code when the
// file came from it, else the commune the reader chose.
func (p osmPlace) unitCode(commune string) string {
	if c := p.tags["unit_code"]; c != "" {
		return c
	}
	return commune
}

// OSMMarkets reads the places tagged amenity=marketplace as markets, in
// the commune chosen (unless a place names its own) and with what
// OpenStreetMap does not say (how it trades, its capital, who runs it)
// taken from like; each is numbered by its place in the file. skipped
// counts the places that are not markets.
func OSMMarkets(r io.Reader, commune string, like Market) (rows []MarketRow, skipped int, err error) {
	places, err := readOSM(r)
	if err != nil {
		return nil, 0, err
	}
	for i, p := range places {
		if p.tags["amenity"] != "marketplace" {
			skipped++
			continue
		}
		m := like
		m.Name, m.UnitCode, m.Address, m.OpeningHours, m.Lon, m.Lat = p.name(), p.unitCode(commune), p.address(), p.tags["opening_hours"], p.lon, p.lat
		if op := p.tags["operator"]; op != "" {
			m.OperatorName = op
		}
		rows = append(rows, MarketRow{Line: i + 1, Market: m})
	}
	return rows, skipped, nil
}

// The tags the import reads, as its page names them.
const (
	OSMMarketTag = "amenity=marketplace"
	OSMShopTags  = "shop=supermarket, shop=mall, shop=department_store, shop=convenience"
)

// osmShops are the shop=* values of the retail network's kinds.
var osmShops = map[string]string{"supermarket": "supermarket", "mall": "shopping_centre", "department_store": "shopping_centre",
	"convenience": "convenience"}

// OSMStores reads the places tagged shop=supermarket, mall,
// department_store or convenience as stores, in the commune chosen unless
// a place names its own, numbered by their place in the file; skipped
// counts the others.
func OSMStores(r io.Reader, commune string) (rows []RetailRow, skipped int, err error) {
	places, err := readOSM(r)
	if err != nil {
		return nil, 0, err
	}
	for i, p := range places {
		kind, ok := osmShops[p.tags["shop"]]
		if !ok {
			skipped++
			continue
		}
		s := RetailStore{Name: p.name(), Kind: kind, Assortment: "general", Chain: p.tags["brand"], UnitCode: p.unitCode(commune),
			Address: p.address(), OperatorName: p.tags["operator"], Lon: p.lon, Lat: p.lat}
		rows = append(rows, RetailRow{Line: i + 1, Store: s})
	}
	return rows, skipped, nil
}
