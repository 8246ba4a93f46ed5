// Package enterpriseweb serves the enterprises: the register in each officer's scope, search, forms, import and export.
package enterpriseweb

import (
	"bytes"
	"net/http"
	"strconv"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/enterprise"
	"congthuong/internal/enterprise/enterprisedb"
	"congthuong/internal/tabular"
	"congthuong/internal/web"
)

func enterpriseFilter(r *http.Request) (enterprisedb.EnterpriseFilter, error) {
	q := r.URL.Query()
	page, err := web.ListPage(q)
	return enterprisedb.EnterpriseFilter{Q: q.Get("q"), UnitCode: q.Get("unit"), Page: page}, err
}

func (s *handlers) apiListEnterprises(w http.ResponseWriter, r *http.Request) error {
	f, err := enterpriseFilter(r)
	if err != nil {
		return err
	}
	list, total, err := s.enterprises.FindEnterprises(r.Context(), f)
	if err != nil {
		return err
	}
	out := web.NewList(list, total, f.Page)
	out.TotalCapped = searchCapped(f, total)
	web.WriteJSON(w, http.StatusOK, out)
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

func (s *handlers) apiCreateEnterprise(w http.ResponseWriter, r *http.Request) error {
	var in enterpriseInput
	if err := web.DecodeJSON(w, r, &in); err != nil {
		return err
	}
	e := in.enterprise()
	if err := s.enterprises.CreateEnterprise(r.Context(), &e); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/enterprises/"+e.TaxCode)
	web.WriteJSON(w, http.StatusCreated, e)
	return nil
}

func (s *handlers) apiGetEnterprise(w http.ResponseWriter, r *http.Request) error {
	e, err := s.enterprises.FindEnterprise(r.Context(), r.PathValue("tax_code"))
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, e)
	return nil
}

func (s *handlers) apiUpdateEnterprise(w http.ResponseWriter, r *http.Request) error {
	var in enterpriseInput
	if err := web.DecodeJSON(w, r, &in); err != nil {
		return err
	}
	taxCode := r.PathValue("tax_code")
	if in.TaxCode != "" {
		if tc, _ := enterprise.ParseTaxCode(in.TaxCode); tc != taxCode && in.TaxCode != taxCode {
			return &congthuong.Error{Code: congthuong.EINVALID, Message: "enterprise.tax_code_cannot_change",
				Fields: []congthuong.FieldError{{Field: "tax_code", Message: "enterprise.tax_code_body_differs_from_one_url"}}}
		}
	}
	e, err := s.enterprises.UpdateEnterprise(r.Context(), taxCode, in.enterprise())
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, e)
	return nil
}

func (s *handlers) apiDeleteEnterprise(w http.ResponseWriter, r *http.Request) error {
	if err := s.enterprises.DeleteEnterprise(r.Context(), r.PathValue("tax_code")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// apiImportEnterprises takes a CSV or XLSX file as the raw body, or as the
// "file" part of a multipart form; ?dry_run=true checks without writing.
func (s *handlers) apiImportEnterprises(w http.ResponseWriter, r *http.Request) error {
	f, err := s.ReceiveImport(w, r)
	if err != nil {
		return err
	}
	defer f.Release()
	dry, _ := strconv.ParseBool(r.URL.Query().Get("dry_run"))
	res, err := s.importEnterprises(f, dry)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, res)
	return nil
}

func (s *handlers) importEnterprises(f *web.ImportFile, dry bool) (db.ImportResult, error) {
	return s.enterprises.ImportEnterpriseFile(f.Ctx, enterprise.ReadImport(bytes.NewReader(f.Body)), dry)
}

// exportEnterprises streams the enterprises in scope matching the filter as
// an XLSX workbook whose columns an import reads back.
func (s *handlers) exportEnterprises(w http.ResponseWriter, r *http.Request) error {
	f, err := enterpriseFilter(r)
	if err != nil {
		return err
	}
	// Check access before the first byte, so that errors still get a status.
	if _, _, err := s.enterprises.FindEnterprises(r.Context(), enterprisedb.EnterpriseFilter{Page: db.Page{Limit: 1}}); err != nil {
		return err
	}
	var buf bytes.Buffer
	err = tabular.WriteXLSX(&buf, "enterprises", enterprise.ImportColumns, func(emit func([]string) error) error {
		return s.enterprises.EachEnterprise(r.Context(), f, func(e *enterprise.Enterprise) error { return emit(e.Record()) })
	})
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	web.Attachment(w, "enterprises.xlsx")
	w.Write(buf.Bytes())
	return nil
}
