package commerceweb

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/commerce"
	"congthuong/internal/db"
	"congthuong/internal/web"
)

func (s *handlers) apiImport(w http.ResponseWriter, r *http.Request) error {
	f, err := s.ReceiveImport(w, r)
	if err != nil {
		return err
	}
	defer f.Release()
	dry, _ := strconv.ParseBool(r.URL.Query().Get("dry_run"))
	res, err := s.commerce.ImportLicences(f.Ctx, commerce.ReadLicences(bytes.NewReader(f.Body)), dry)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, res)
	return nil
}

// export writes the register as the filters select it, in the columns an
// import reads back.
func (s *handlers) export(w http.ResponseWriter, r *http.Request) error {
	f, err := filterOf(r.URL.Query(), s.Today())
	if err != nil {
		return err
	}
	return web.WriteWorkbook(w, "giay-phep", commerce.LicenceColumns, func(emit func([]string) error) error {
		return s.commerce.EachLicence(r.Context(), f, func(l *commerce.Licence) error { return emit(commerce.LicenceRecord(l)) })
	})
}

// importPage is the import form with its columns and the last outcome.
type importPage struct {
	Columns string
	Kinds   []commerce.Kind
	web.ImportOutcome
}

func (s *handlers) showImport(w http.ResponseWriter, r *http.Request) error {
	return s.renderImport(w, r, http.StatusOK, importPage{}, nil)
}

func (s *handlers) renderImport(w http.ResponseWriter, r *http.Request, status int, d importPage, ferr error) error {
	a := congthuong.ActorFrom(r.Context())
	if !a.CanWrite() {
		return web.ForbiddenOrLogin(a)
	}
	p := s.PrinterFor(r)
	d.Columns, d.Kinds = strings.Join(commerce.LicenceColumns, ", "), commerce.Kinds()
	v := &web.View{Title: p.T("licences.import"), Nav: "licences"}
	if ferr != nil {
		v.Errors, v.Error = web.FormErrors(p, ferr)
	}
	web.Show(s.Server, w, r, status, "licences_import", v, d)
	return nil
}

func (s *handlers) doImport(w http.ResponseWriter, r *http.Request) error {
	f, err := s.ReceiveImport(w, r)
	var res db.ImportResult
	if err == nil {
		defer f.Release()
		res, err = s.commerce.ImportLicences(f.Ctx, commerce.ReadLicences(bytes.NewReader(f.Body)), r.FormValue("dry_run") == "on")
	}
	if congthuong.ErrorCode(err) == congthuong.EINTERNAL {
		return err
	}
	status := http.StatusOK
	if err != nil {
		status = web.ErrorStatus(err)
	}
	return s.renderImport(w, r, status, importPage{ImportOutcome: web.Outcome(s.PrinterFor(r), res, err)}, err)
}

// exportMarkets writes the province's markets in the columns an import
// reads back.
func (s *handlers) exportMarkets(w http.ResponseWriter, r *http.Request) error {
	province := r.URL.Query().Get("province")
	if province == "" {
		province = s.province(r)
	}
	return web.WriteWorkbook(w, "cho", commerce.MarketColumns, func(emit func([]string) error) error {
		return s.commerce.EachMarket(r.Context(), province, func(m *commerce.Market) error { return emit(commerce.MarketRecord(m)) })
	})
}

func (s *handlers) apiImportMarkets(w http.ResponseWriter, r *http.Request) error {
	f, err := s.ReceiveImport(w, r)
	if err != nil {
		return err
	}
	defer f.Release()
	dry, _ := strconv.ParseBool(r.URL.Query().Get("dry_run"))
	res, err := s.commerce.ImportMarkets(f.Ctx, commerce.ReadMarkets(bytes.NewReader(f.Body)), dry)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, res)
	return nil
}

func (s *handlers) showImportMarkets(w http.ResponseWriter, r *http.Request) error {
	return s.renderImportMarkets(w, r, http.StatusOK, importPage{}, nil)
}

func (s *handlers) renderImportMarkets(w http.ResponseWriter, r *http.Request, status int, d importPage, ferr error) error {
	a := congthuong.ActorFrom(r.Context())
	if !a.CanWrite() {
		return web.ForbiddenOrLogin(a)
	}
	p := s.PrinterFor(r)
	d.Columns = strings.Join(commerce.MarketColumns, ", ")
	v := &web.View{Title: p.T("markets.import"), Nav: "markets"}
	if ferr != nil {
		v.Errors, v.Error = web.FormErrors(p, ferr)
	}
	web.Show(s.Server, w, r, status, "markets_import", v, d)
	return nil
}

func (s *handlers) doImportMarkets(w http.ResponseWriter, r *http.Request) error {
	f, err := s.ReceiveImport(w, r)
	var res db.ImportResult
	if err == nil {
		defer f.Release()
		res, err = s.commerce.ImportMarkets(f.Ctx, commerce.ReadMarkets(bytes.NewReader(f.Body)), r.FormValue("dry_run") == "on")
	}
	if congthuong.ErrorCode(err) == congthuong.EINTERNAL {
		return err
	}
	status := http.StatusOK
	if err != nil {
		status = web.ErrorStatus(err)
	}
	return s.renderImportMarkets(w, r, status, importPage{ImportOutcome: web.Outcome(s.PrinterFor(r), res, err)}, err)
}
