package web

import (
	"bytes"
	"net/http"
	"strconv"

	"congthuong/internal/park"
	"congthuong/internal/store"
	"congthuong/internal/tabular"
)

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// apiImportParks imports sites from a sheet (CSV or XLSX) or a GeoJSON
// FeatureCollection, told apart by content; ?dry_run=true checks only.
func (s *Server) apiImportParks(w http.ResponseWriter, r *http.Request) error {
	body, err := readUpload(w, r)
	if err != nil {
		return err
	}
	dry, _ := strconv.ParseBool(r.URL.Query().Get("dry_run"))
	res, err := s.store.ImportParks(r.Context(), park.ReadSiteFile(body), dry)
	if err != nil {
		return err
	}
	if !dry {
		s.parksChanged()
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

func (s *Server) apiImportTenants(w http.ResponseWriter, r *http.Request) error {
	body, err := readUpload(w, r)
	if err != nil {
		return err
	}
	dry, _ := strconv.ParseBool(r.URL.Query().Get("dry_run"))
	res, err := s.store.ImportTenants(r.Context(), park.ReadTenants(bytes.NewReader(body)), dry)
	if err != nil {
		return err
	}
	if !dry {
		s.parksChanged()
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

// exportParks writes the sites matching the filters as a sheet that
// imports back unchanged.
func (s *Server) exportParks(w http.ResponseWriter, r *http.Request) error {
	f, err := parkFilter(r.URL.Query())
	if err != nil {
		return err
	}
	f.Page = store.Page{Sort: f.Page.Sort}
	return writeWorkbook(w, "parks", park.SiteColumns, func(emit func([]string) error) error {
		return s.store.EachPark(r.Context(), f, func(p *park.Site) error { return emit(park.SiteRecord(p)) })
	})
}

// exportTenants writes the tenants of the sites matching the filters.
func (s *Server) exportTenants(w http.ResponseWriter, r *http.Request) error {
	f, err := parkFilter(r.URL.Query())
	if err != nil {
		return err
	}
	return writeWorkbook(w, "tenants", park.TenantColumns, func(emit func([]string) error) error {
		return s.store.EachTenant(r.Context(), f, func(t *park.Tenant) error { return emit(park.TenantRecord(t)) })
	})
}

// writeWorkbook sends an XLSX download of one sheet, built whole first so
// that an error still gets a proper answer.
func writeWorkbook(w http.ResponseWriter, name string, header []string, rows func(emit func([]string) error) error) error {
	var buf bytes.Buffer
	if err := tabular.WriteXLSX(&buf, name, header, rows); err != nil {
		return err
	}
	w.Header().Set("Content-Type", xlsxType)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.xlsx"`)
	w.Write(buf.Bytes())
	return nil
}
