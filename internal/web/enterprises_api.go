package web

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"congthuong"
	"congthuong/internal/enterprise"
	"congthuong/internal/enterprise/enterprisedb"
	"congthuong/internal/store"
	"congthuong/internal/tabular"
)

func enterpriseFilter(r *http.Request) (enterprisedb.EnterpriseFilter, error) {
	q := r.URL.Query()
	page, err := listPage(q)
	return enterprisedb.EnterpriseFilter{Q: q.Get("q"), UnitCode: q.Get("unit"), Page: page}, err
}

func (s *Server) apiListEnterprises(w http.ResponseWriter, r *http.Request) error {
	f, err := enterpriseFilter(r)
	if err != nil {
		return err
	}
	list, total, err := s.store.FindEnterprises(r.Context(), f)
	if err != nil {
		return err
	}
	out := newList(list, total, f.Page)
	out.TotalCapped = searchCapped(f, total)
	writeJSON(w, http.StatusOK, out)
	return nil
}

func searchCapped(f enterprisedb.EnterpriseFilter, total int) bool {
	return f.Q != "" && total >= enterprisedb.SearchLimit
}

// enterpriseInput is the writable part of an enterprise in the API.
type enterpriseInput struct {
	TaxCode        string `json:"tax_code"`
	Name           string `json:"name"`
	NameEN         string `json:"name_en"`
	Address        string `json:"address"`
	UnitCode       string `json:"unit_code"`
	VSICCode       string `json:"vsic_code"`
	VSICVersion    string `json:"vsic_version"`
	Representative string `json:"representative"`
	Phone          string `json:"phone"`
	Email          string `json:"email"`
}

func (in enterpriseInput) enterprise() enterprise.Enterprise {
	return enterprise.Enterprise{TaxCode: in.TaxCode, Name: in.Name, NameEN: in.NameEN, Address: in.Address,
		UnitCode: in.UnitCode, VSICCode: in.VSICCode, VSICVersion: in.VSICVersion, Representative: in.Representative,
		Phone: in.Phone, Email: in.Email}
}

func (s *Server) apiCreateEnterprise(w http.ResponseWriter, r *http.Request) error {
	var in enterpriseInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	e := in.enterprise()
	if err := s.store.CreateEnterprise(r.Context(), &e); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/enterprises/"+e.TaxCode)
	writeJSON(w, http.StatusCreated, e)
	return nil
}

func (s *Server) apiGetEnterprise(w http.ResponseWriter, r *http.Request) error {
	e, err := s.store.FindEnterprise(r.Context(), r.PathValue("tax_code"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, e)
	return nil
}

func (s *Server) apiUpdateEnterprise(w http.ResponseWriter, r *http.Request) error {
	var in enterpriseInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	taxCode := r.PathValue("tax_code")
	if in.TaxCode != "" {
		if tc, _ := enterprise.ParseTaxCode(in.TaxCode); tc != taxCode && in.TaxCode != taxCode {
			return &congthuong.Error{Code: congthuong.EINVALID, Message: "the tax code cannot change",
				Fields: []congthuong.FieldError{{Field: "tax_code", Message: "the tax code in the body differs from the one in the URL"}}}
		}
	}
	e, err := s.store.UpdateEnterprise(r.Context(), taxCode, in.enterprise())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, e)
	return nil
}

func (s *Server) apiDeleteEnterprise(w http.ResponseWriter, r *http.Request) error {
	if err := s.store.DeleteEnterprise(r.Context(), r.PathValue("tax_code")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// apiImportEnterprises takes a CSV or XLSX file as the raw body, or as the
// "file" part of a multipart form; ?dry_run=true checks without writing.
func (s *Server) apiImportEnterprises(w http.ResponseWriter, r *http.Request) error {
	f, err := s.receiveImport(w, r)
	if err != nil {
		return err
	}
	defer f.release()
	dry, _ := strconv.ParseBool(r.URL.Query().Get("dry_run"))
	res, err := s.importEnterprises(f, dry)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

func (s *Server) importEnterprises(f *importFile, dry bool) (store.ImportResult, error) {
	return s.store.ImportEnterpriseFile(f.ctx, enterprise.ReadImport(bytes.NewReader(f.body)), dry)
}

// importFile is an import's uploaded file, received while holding one of
// the store's import slots (store.AcquireImport): ctx carries the slot to
// the import; release gives it back.
type importFile struct {
	ctx     context.Context
	body    []byte
	release func()
}

// receiveImport takes an import slot and reads the uploaded file: the
// "file" part of a multipart form, or the raw body. Who may not import is
// refused before either.
func (s *Server) receiveImport(w http.ResponseWriter, r *http.Request) (*importFile, error) {
	if a := congthuong.ActorFrom(r.Context()); !a.System && !a.CanWrite() {
		return nil, forbiddenOrLogin(a)
	}
	ctx, release, err := s.store.AcquireImport(r.Context())
	if err != nil {
		return nil, err
	}
	body, err := readUpload(w, r)
	if err != nil {
		release()
		return nil, err
	}
	return &importFile{ctx: ctx, body: body, release: release}, nil
}

// readUpload returns the uploaded file: the "file" part of a multipart form,
// or the raw body.
func readUpload(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	r.Body = http.MaxBytesReader(w, r.Body, maxImportRequest)
	var src io.Reader = r.Body
	if ct := r.Header.Get("Content-Type"); len(ct) >= 19 && ct[:19] == "multipart/form-data" {
		f, _, err := r.FormFile("file")
		if err != nil {
			return nil, &congthuong.Error{Code: congthuong.EINVALID, Message: "no file",
				Fields: []congthuong.FieldError{{Field: "file", Message: "choose a CSV or XLSX file to import"}}}
		}
		defer f.Close()
		src = f
	}
	body, err := io.ReadAll(src)
	if err != nil {
		return nil, &congthuong.Error{Code: congthuong.EINVALID, Message: "upload failed",
			Fields: []congthuong.FieldError{{Field: "file", Message: fmt.Sprintf("the file could not be read (larger than %d MiB?)", importMiB)}}}
	}
	if len(body) == 0 {
		return nil, &congthuong.Error{Code: congthuong.EINVALID, Message: "empty file",
			Fields: []congthuong.FieldError{{Field: "file", Message: "choose a CSV or XLSX file to import"}}}
	}
	return body, nil
}

// exportEnterprises streams the enterprises in scope matching the filter as
// an XLSX workbook whose columns an import reads back.
func (s *Server) exportEnterprises(w http.ResponseWriter, r *http.Request) error {
	f, err := enterpriseFilter(r)
	if err != nil {
		return err
	}
	// Check access before the first byte, so that errors still get a status.
	if _, _, err := s.store.FindEnterprises(r.Context(), enterprisedb.EnterpriseFilter{Page: store.Page{Limit: 1}}); err != nil {
		return err
	}
	var buf bytes.Buffer
	err = tabular.WriteXLSX(&buf, "enterprises", enterprise.ImportColumns, func(emit func([]string) error) error {
		return s.store.EachEnterprise(r.Context(), f, func(e *enterprise.Enterprise) error { return emit(e.Record()) })
	})
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	attachment(w, "enterprises.xlsx")
	w.Write(buf.Bytes())
	return nil
}
