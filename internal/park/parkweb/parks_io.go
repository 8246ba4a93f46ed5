package parkweb

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/park"
	"congthuong/internal/park/parkdb"
	"congthuong/internal/web"
)

// apiImportParks imports sites from a sheet (CSV or XLSX) or a GeoJSON
// FeatureCollection, told apart by content; ?dry_run=true checks only.
func (s *handlers) apiImportParks(w http.ResponseWriter, r *http.Request) error {
	f, err := s.ReceiveImport(w, r)
	if err != nil {
		return err
	}
	defer f.Release()
	dry, _ := strconv.ParseBool(r.URL.Query().Get("dry_run"))
	res, err := s.parks.ImportParks(f.Ctx, park.ReadSiteFile(f.Body), dry)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, res)
	return nil
}

func (s *handlers) apiImportTenants(w http.ResponseWriter, r *http.Request) error {
	f, err := s.ReceiveImport(w, r)
	if err != nil {
		return err
	}
	defer f.Release()
	dry, _ := strconv.ParseBool(r.URL.Query().Get("dry_run"))
	res, err := s.parks.ImportTenants(f.Ctx, park.ReadTenants(bytes.NewReader(f.Body)), dry)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, res)
	return nil
}

// exportParks writes the sites matching the filters as a sheet that
// imports back unchanged.
func (s *handlers) exportParks(w http.ResponseWriter, r *http.Request) error {
	f, err := parkFilter(r.URL.Query())
	if err != nil {
		return err
	}
	f.Page = db.Page{Sort: f.Page.Sort}
	return web.WriteWorkbook(w, "parks", park.SiteColumns, func(emit func([]string) error) error {
		return s.parks.EachPark(r.Context(), f, func(p *park.Site) error { return emit(park.SiteRecord(p)) })
	})
}

// exportTenants writes the tenants of the sites matching the filters.
func (s *handlers) exportTenants(w http.ResponseWriter, r *http.Request) error {
	f, err := parkFilter(r.URL.Query())
	if err != nil {
		return err
	}
	return web.WriteWorkbook(w, "tenants", park.TenantColumns, func(emit func([]string) error) error {
		return s.parks.EachTenant(r.Context(), f, func(t *park.Tenant) error { return emit(park.TenantRecord(t)) })
	})
}

func (s *handlers) apiParkFiles(w http.ResponseWriter, r *http.Request) error {
	files, err := s.parks.ParkFiles(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, map[string]any{"items": files})
	return nil
}

// addParkFile reads the multipart upload of a photo or document: file,
// kind (photo or document), title.
func (s *handlers) addParkFile(w http.ResponseWriter, r *http.Request) (*parkdb.ParkFile, error) {
	r.Body = http.MaxBytesReader(w, r.Body, web.MaxOneFileRequest)
	f, hdr, err := r.FormFile("file")
	if err != nil {
		return nil, congthuong.FieldErr(congthuong.EINVALID, "file", "park.choose_photo_document_at_most_mib", web.FileMiB)
	}
	defer f.Close()
	if err := web.CleanForm(r); err != nil {
		return nil, err
	}
	return s.parks.AddParkFile(r.Context(), r.PathValue("code"), r.FormValue("kind"), r.FormValue("title"), hdr.Filename, f)
}

func (s *handlers) apiAddParkFile(w http.ResponseWriter, r *http.Request) error {
	f, err := s.addParkFile(w, r)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, f)
	return nil
}

// apiParkFile sends a photo (shown in the page) or a document (downloaded),
// with the type its content showed when it was stored.
func (s *handlers) apiParkFile(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return congthuong.Errorf(congthuong.ENOTFOUND, "common.no_such_file")
	}
	f, content, err := s.parks.OpenParkFile(r.Context(), r.PathValue("code"), id)
	if err != nil {
		return err
	}
	defer content.Close()
	web.ServeFile(w, r, web.StoredFile{Name: f.FileName, Type: f.ContentType, SHA256: f.SHA256, Inline: f.Kind == "photo",
		Cache: "private, max-age=3600", Modified: f.CreatedAt}, content)
	return nil
}

func (s *handlers) apiDeleteParkFile(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return congthuong.Errorf(congthuong.ENOTFOUND, "common.no_such_file")
	}
	if err := s.parks.DeleteParkFile(r.Context(), r.PathValue("code"), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// doAddParkFile is the site page's upload form.
func (s *handlers) doAddParkFile(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.addParkFile(w, r); err != nil {
		return err
	}
	s.Flash(w, "flash.saved")
	http.Redirect(w, r, "/parks/"+url.PathEscape(r.PathValue("code")), http.StatusSeeOther)
	return nil
}
