package park

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"iter"

	"congthuong"
	"congthuong/internal/tabular"
)

// MaxFeatures bounds a GeoJSON import.
const MaxFeatures = 50_000

type featureIn struct {
	Type       string          `json:"type"`
	Geometry   json.RawMessage `json:"geometry"`
	Properties json.RawMessage `json:"properties"`
}

// ReadGeoJSON reads a FeatureCollection whose features are sites: the
// properties as the API writes a site, the geometry its location, so that
// parks.geojson imports back unchanged. Row numbers in problems are
// feature numbers, from 1. Only a file that is not a FeatureCollection at
// all is an error; each feature's problems stay with its row.
func ReadGeoJSON(r io.Reader) ([]ImportRow, error) {
	var fc struct {
		Type     string      `json:"type"`
		Features []featureIn `json:"features"`
	}
	if err := json.NewDecoder(r).Decode(&fc); err != nil {
		return nil, geoError("park.file_not_json")
	}
	if fc.Type != "FeatureCollection" {
		return nil, geoError("park.file_not_geojson_featurecollection_type")
	}
	if len(fc.Features) == 0 {
		return nil, geoError("park.collection_has_no_features")
	}
	if len(fc.Features) > MaxFeatures {
		return nil, geoError("park.collection_has_features_at_most", len(fc.Features), MaxFeatures)
	}
	out := make([]ImportRow, len(fc.Features))
	for i, f := range fc.Features {
		row := ImportRow{Line: i + 1}
		bad := func(field, id string, args ...any) {
			row.Problems = append(row.Problems, congthuong.FieldError{Row: i + 1, Field: field, Message: id, Args: args})
		}
		if f.Type != "Feature" {
			bad("type", "park.feature_has_type_feature")
		}
		if len(f.Properties) == 0 || string(f.Properties) == "null" {
			bad("properties", "park.feature_has_no_properties")
		} else if err := json.Unmarshal(f.Properties, &row.Site); err != nil {
			bad(jsonField(err), jsonMessage(err))
		}
		row.Site.ID, row.Site.Geometry = 0, nil
		if len(f.Geometry) > 0 && string(f.Geometry) != "null" {
			var g Geometry
			if err := json.Unmarshal(f.Geometry, &g); err != nil {
				bad("geometry", "park.geometry_not_geojson_geometry")
			} else {
				row.Site.Geometry = &g
			}
		}
		out[i] = row
	}
	return out, nil
}

// ReadSiteFile reads an upload of sites: GeoJSON when it is a JSON object,
// else a sheet (CSV or XLSX).
func ReadSiteFile(body []byte) tabular.Source[ImportRow] {
	if !bytes.HasPrefix(bytes.TrimSpace(body), []byte("{")) {
		return ReadSites(bytes.NewReader(body))
	}
	return func(ctx context.Context) iter.Seq2[ImportRow, error] {
		return func(yield func(ImportRow, error) bool) {
			rows, err := ReadGeoJSON(bytes.NewReader(body))
			if err != nil {
				yield(ImportRow{}, err)
				return
			}
			for _, r := range rows {
				if err := ctx.Err(); err != nil {
					yield(ImportRow{}, err)
					return
				}
				if !yield(r, nil) {
					return
				}
			}
		}
	}
}

func geoError(id string, args ...any) error {
	return &congthuong.Error{Code: congthuong.EINVALID, Message: "park.invalid_geojson",
		Fields: []congthuong.FieldError{{Row: 1, Field: "file", Message: id, Args: args}}}
}

func jsonField(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return te.Field
	}
	return "properties"
}

// jsonMessage is the ID of the message for a property JSON could not
// read.
func jsonMessage(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return "park.json_wrong_type"
	}
	return "park.json_invalid"
}
