package commerceweb

import (
	"bytes"
	"context"
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

// placesIO is how a register of places (markets, stores) is imported
// from a commune's list and exported in the columns that read back.
type placesIO struct {
	path         string // the register's pages: /markets, /retail
	title, intro string // the import page's title and introduction
	list         string // the register's title, for the way back
	file         string // the export's file name
	columns      []string
	run          func(ctx context.Context, body []byte, dry bool) (db.ImportResult, error)
	each         func(ctx context.Context, province string, emit func([]string) error) error
}

func (s *handlers) marketsIO() placesIO {
	return placesIO{path: "/markets", title: "markets.import", intro: "markets.import_intro", list: "markets.title", file: "cho",
		columns: commerce.MarketColumns,
		run: func(ctx context.Context, body []byte, dry bool) (db.ImportResult, error) {
			return s.commerce.ImportMarkets(ctx, commerce.ReadMarkets(bytes.NewReader(body)), dry)
		},
		each: func(ctx context.Context, province string, emit func([]string) error) error {
			return s.commerce.EachMarket(ctx, province, func(m *commerce.Market) error { return emit(commerce.MarketRecord(m)) })
		}}
}

func (s *handlers) retailIO() placesIO {
	return placesIO{path: "/retail", title: "retail.import", intro: "retail.import_intro", list: "retail.title", file: "sieu-thi-cua-hang",
		columns: commerce.RetailColumns,
		run: func(ctx context.Context, body []byte, dry bool) (db.ImportResult, error) {
			return s.commerce.ImportRetailStores(ctx, commerce.ReadRetailStores(bytes.NewReader(body)), dry)
		},
		each: func(ctx context.Context, province string, emit func([]string) error) error {
			return s.commerce.EachRetailStore(ctx, province, func(st *commerce.RetailStore) error { return emit(commerce.RetailRecord(st)) })
		}}
}

// exportPlaces writes a province's places in the columns an import reads
// back.
func (s *handlers) exportPlaces(io placesIO) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		province := s.askedProvince(r)
		return web.WriteWorkbook(w, io.file, io.columns, func(emit func([]string) error) error { return io.each(r.Context(), province, emit) })
	}
}

func (s *handlers) apiImportPlaces(io placesIO) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		f, err := s.ReceiveImport(w, r)
		if err != nil {
			return err
		}
		defer f.Release()
		dry, _ := strconv.ParseBool(r.URL.Query().Get("dry_run"))
		res, err := io.run(f.Ctx, f.Body, dry)
		if err != nil {
			return err
		}
		web.WriteJSON(w, http.StatusOK, res)
		return nil
	}
}

// placesImportPage is a register's import form and its last outcome.
type placesImportPage struct {
	Columns, Path, Intro, List string
	web.ImportOutcome
}

func (s *handlers) showImportPlaces(io placesIO) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		return s.renderImportPlaces(w, r, io, http.StatusOK, web.ImportOutcome{}, nil)
	}
}

func (s *handlers) renderImportPlaces(w http.ResponseWriter, r *http.Request, io placesIO, status int, out web.ImportOutcome, ferr error) error {
	a := congthuong.ActorFrom(r.Context())
	if !a.CanWrite() {
		return web.ForbiddenOrLogin(a)
	}
	p := s.PrinterFor(r)
	d := placesImportPage{Columns: strings.Join(io.columns, ", "), Path: io.path, Intro: p.T(io.intro), List: p.T(io.list), ImportOutcome: out}
	v := &web.View{Title: p.T(io.title), Nav: strings.TrimPrefix(io.path, "/")}
	if ferr != nil {
		v.Errors, v.Error = web.FormErrors(p, ferr)
	}
	web.Show(s.Server, w, r, status, "places_import", v, d)
	return nil
}

func (s *handlers) doImportPlaces(io placesIO) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		f, err := s.ReceiveImport(w, r)
		var res db.ImportResult
		if err == nil {
			defer f.Release()
			res, err = io.run(f.Ctx, f.Body, r.FormValue("dry_run") == "on")
		}
		if congthuong.ErrorCode(err) == congthuong.EINTERNAL {
			return err
		}
		status := http.StatusOK
		if err != nil {
			status = web.ErrorStatus(err)
		}
		return s.renderImportPlaces(w, r, io, status, web.Outcome(s.PrinterFor(r), res, err), err)
	}
}
