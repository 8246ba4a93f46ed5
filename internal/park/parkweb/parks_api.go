// Package parkweb serves the industrial parks and clusters: the registry with its map, sites' pages, tenants, photos and documents, imports and exports, and the half-yearly reports.
package parkweb

import (
	"bufio"
	"bytes"
	"io"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/park"
	"congthuong/internal/park/parkdb"
	"congthuong/internal/web"
)

// parkFilter reads the filters of the park list, map and export:
// kind, type, status, province, unit, q, min_free_ha, sector, wastewater,
// max_port_km, max_airport_km, max_highway_km, max_rent_usd.
func parkFilter(q url.Values) (parkdb.ParkFilter, error) {
	var v congthuong.Validation
	page, err := web.ListPage(q)
	if err != nil {
		return parkdb.ParkFilter{}, err
	}
	f := parkdb.ParkFilter{Kind: park.Kind(q.Get("kind")), Type: park.Type(q.Get("type")), Status: park.Status(q.Get("status")),
		Province: q.Get("province"), UnitCode: q.Get("unit"), Q: q.Get("q"), Sector: q.Get("sector"), Page: page}
	if f.Kind != "" && f.Kind != park.Park && f.Kind != park.Cluster {
		v.Add("kind", "park.kind_park_cluster")
	}
	if s := q.Get("min_free_ha"); s != "" {
		a, err := park.ParseHectares(s)
		if err != nil {
			v.AddErr("min_free_ha", err)
		}
		f.MinFree = a
	}
	switch q.Get("wastewater") {
	case "", "0", "false":
	case "1", "true":
		f.Wastewater = true
	default:
		v.Add("wastewater", "park.wastewater_1_operating_plant_left_out")
	}
	for _, m := range []struct {
		name string
		to   **float64
	}{{"max_port_km", &f.MaxPortKm}, {"max_airport_km", &f.MaxAirportKm}, {"max_highway_km", &f.MaxHighwayKm}, {"max_rent_usd", &f.MaxRentUSD}} {
		if s := strings.TrimSpace(q.Get(m.name)); s != "" {
			x, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", "."), 64)
			if err != nil || x < 0 || math.IsNaN(x) || math.IsInf(x, 0) {
				v.Add(m.name, "park.max_not_number")
			}
			*m.to = &x
		}
	}
	return f, v.Err("common.invalid_query")
}

// parkList is a page of sites with the totals of every match.
type parkList struct {
	web.List[*parkView]
	Totals []parkdb.ParkTotals `json:"totals"`
}

// parkView is a site with what is computed from it: occupancy, free land
// and, for staff, the law's warnings.
type parkView struct {
	*park.Site
	OccupancyPct *float64       `json:"occupancy_pct,omitempty"`
	FreeArea     park.Area      `json:"free_ha"`
	Warnings     []park.Warning `json:"warnings,omitempty"`
}

func viewPark(r *http.Request, p *park.Site) *parkView {
	v := &parkView{Site: p, FreeArea: p.FreeArea()}
	if occ, ok := p.Occupancy(); ok {
		occ = math.Round(occ*100) / 100
		v.OccupancyPct = &occ
	}
	if a := congthuong.ActorFrom(r.Context()); a.System || a.IsStaff() {
		v.Warnings = p.Warnings()
	}
	return v
}

func (s *handlers) apiListParks(w http.ResponseWriter, r *http.Request) error {
	f, err := parkFilter(r.URL.Query())
	if err != nil {
		return err
	}
	return s.parkRead(w, r, func() (any, error) {
		sites, total, err := s.parks.FindParks(r.Context(), f)
		if err != nil {
			return nil, err
		}
		totals, err := s.parks.SumParks(r.Context(), f)
		if err != nil {
			return nil, err
		}
		views := make([]*parkView, len(sites))
		for i, p := range sites {
			views[i] = viewPark(r, p)
		}
		return parkList{List: web.NewList(views, total, f.Page), Totals: totals}, nil
	})
}

func (s *handlers) apiParkSummary(w http.ResponseWriter, r *http.Request) error {
	f, err := parkFilter(r.URL.Query())
	if err != nil {
		return err
	}
	by := r.URL.Query().Get("by")
	if by == "" {
		by = "province"
	}
	return s.parkRead(w, r, func() (any, error) {
		groups, err := s.parks.SummarizeParks(r.Context(), f, by)
		if err != nil {
			return nil, err
		}
		return map[string]any{"by": by, "items": groups}, nil
	})
}

func (s *handlers) apiGetPark(w http.ResponseWriter, r *http.Request) error {
	return s.parkRead(w, r, func() (any, error) {
		p, err := s.parks.FindPark(r.Context(), r.PathValue("code"))
		if err != nil {
			return nil, err
		}
		return viewPark(r, p), nil
	})
}

func (s *handlers) apiCreatePark(w http.ResponseWriter, r *http.Request) error {
	var p park.Site
	if err := web.DecodeJSON(w, r, &p); err != nil {
		return err
	}
	if err := s.parks.CreatePark(r.Context(), &p); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/parks/"+p.Code)
	s.WriteLocalJSON(w, r, http.StatusCreated, viewPark(r, &p))
	return nil
}

func (s *handlers) apiUpdatePark(w http.ResponseWriter, r *http.Request) error {
	var p park.Site
	if err := web.DecodeJSON(w, r, &p); err != nil {
		return err
	}
	out, err := s.parks.UpdatePark(r.Context(), r.PathValue("code"), p)
	if err != nil {
		return err
	}
	s.WriteLocalJSON(w, r, http.StatusOK, viewPark(r, out))
	return nil
}

func (s *handlers) apiParkHistory(w http.ResponseWriter, r *http.Request) error {
	entries, err := s.parks.ParkHistory(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, map[string]any{"items": entries})
	return nil
}

func (s *handlers) apiParkTenants(w http.ResponseWriter, r *http.Request) error {
	return s.parkRead(w, r, func() (any, error) {
		list, err := s.parks.Tenants(r.Context(), r.PathValue("code"))
		if err != nil {
			return nil, err
		}
		return map[string]any{"items": list}, nil
	})
}

func (s *handlers) apiSaveTenant(w http.ResponseWriter, r *http.Request) error {
	var t park.Tenant
	if err := web.DecodeJSON(w, r, &t); err != nil {
		return err
	}
	t.SiteCode, t.ID = r.PathValue("code"), 0
	status := http.StatusCreated
	if id := r.PathValue("id"); id != "" {
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil || n <= 0 {
			return congthuong.Errorf(congthuong.ENOTFOUND, "park.no_tenant", id)
		}
		t.ID, status = n, http.StatusOK
	}
	if err := s.parks.SaveTenant(r.Context(), &t); err != nil {
		return err
	}
	web.WriteJSON(w, status, t)
	return nil
}

func (s *handlers) apiDeleteTenant(w http.ResponseWriter, r *http.Request) error {
	n, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || n <= 0 {
		return congthuong.Errorf(congthuong.ENOTFOUND, "park.no_tenant", r.PathValue("id"))
	}
	if err := s.parks.DeleteTenant(r.Context(), r.PathValue("code"), n); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// apiParksGeoJSON writes the sites matching the filters as a GeoJSON
// FeatureCollection: a map of every site of the country is one request.
// Sites without a geometry are left out.
func (s *handlers) apiParksGeoJSON(w http.ResponseWriter, r *http.Request) error {
	f, err := parkFilter(r.URL.Query())
	if err != nil {
		return err
	}
	f.Page = db.Page{Sort: f.Page.Sort}
	const ctype = "application/geo+json; charset=utf-8"
	build := func(out io.Writer) error {
		bw := bufio.NewWriterSize(out, 64<<10)
		bw.WriteString(`{"type":"FeatureCollection","features":[`)
		first := true
		err := s.parks.EachParkFeature(r.Context(), f, func(feature []byte) error {
			if !first {
				bw.WriteByte(',')
			}
			first = false
			_, err := bw.Write(feature)
			return err
		})
		if err != nil {
			return err
		}
		bw.WriteString("]}\n")
		return bw.Flush()
	}
	if congthuong.ActorFrom(r.Context()).Anonymous() {
		return s.public.Answers(r.Context()).Serve(w, r, web.QueryKey(r), ctype, func(buf *bytes.Buffer) error { return build(buf) })
	}
	// Staff maps are scoped and few: built for each request, into a buffer
	// so that an error still gets a proper answer.
	var buf bytes.Buffer
	if err := build(&buf); err != nil {
		return err
	}
	w.Header().Set("Content-Type", ctype)
	w.Write(buf.Bytes())
	return nil
}
