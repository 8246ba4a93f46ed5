package commerceweb

import (
	"bytes"
	"net/http"

	"congthuong"
	"congthuong/internal/commerce"
	"congthuong/internal/db"
	"congthuong/internal/tabular"
	"congthuong/internal/unit"
	"congthuong/internal/web"
)

// osmPage takes a file of OpenStreetMap places (GeoJSON or Overpass
// JSON) into the markets or the stores: the commune of places that do not
// name one, and for markets what OpenStreetMap does not say.
type osmPage struct {
	Path, List, Intro string
	// Tags are the OpenStreetMap tags of the register's places.
	Tags             string
	Markets          bool
	Communes         []unit.Unit
	UnitCode         string
	Like             commerce.Market
	Methods, Capital []string
	Operators        []string
	// Skipped counts the places of the file that were not of the
	// register's kind.
	Skipped int
	web.ImportOutcome
}

func (s *handlers) showOSM(markets bool) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		like := commerce.Market{Method: "everyday", Capital: "state", Operator: "board"}
		return s.renderOSM(w, r, markets, http.StatusOK, osmPage{Like: like}, nil)
	}
}

func (s *handlers) renderOSM(w http.ResponseWriter, r *http.Request, markets bool, status int, d osmPage, ferr error) error {
	a := congthuong.ActorFrom(r.Context())
	if !a.CanWrite() {
		return web.ForbiddenOrLogin(a)
	}
	p := s.PrinterFor(r)
	var err error
	if d.Communes, err = s.communes(r.Context(), s.Today()); err != nil {
		return err
	}
	if d.UnitCode == "" && len(d.Communes) == 1 {
		d.UnitCode = d.Communes[0].Code
	}
	d.Markets, d.Methods, d.Capital, d.Operators = markets, commerce.MarketMethods, commerce.MarketCapital, commerce.MarketOperators
	d.Path, d.List, d.Intro, d.Tags = "/retail", p.T("retail.title"), p.T("retail.osm_intro"), commerce.OSMShopTags

	title := p.T("retail.osm_import")
	if markets {
		d.Path, d.List, d.Intro, d.Tags, title = "/markets", p.T("markets.title"), p.T("markets.osm_intro"), commerce.OSMMarketTag, p.T("markets.osm_import")
	}
	v := &web.View{Title: title, Nav: d.Path[1:]}
	if ferr != nil {
		v.Errors, v.Error = web.FormErrors(p, ferr)
	}
	web.Show(s.Server, w, r, status, "places_osm", v, d)
	return nil
}

// doOSM reads the file's places of the register's kind and records them
// as a list would be (all or nothing, every wrong place named by its
// number in the file).
func (s *handlers) doOSM(markets bool) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		f, err := s.ReceiveImport(w, r)
		d := osmPage{UnitCode: r.FormValue("unit_code"),
			Like: commerce.Market{Method: r.FormValue("method"), Capital: r.FormValue("capital"), Operator: r.FormValue("operator")}}
		var res db.ImportResult
		if err == nil {
			defer f.Release()
			dry := r.FormValue("dry_run") == "on"
			if markets {
				var rows []commerce.MarketRow
				if rows, d.Skipped, err = commerce.OSMMarkets(bytes.NewReader(f.Body), d.UnitCode, d.Like); err == nil {
					res, err = s.commerce.ImportMarkets(f.Ctx, tabular.Rows(rows), dry)
				}
			} else {
				var rows []commerce.RetailRow
				if rows, d.Skipped, err = commerce.OSMStores(bytes.NewReader(f.Body), d.UnitCode); err == nil {
					res, err = s.commerce.ImportRetailStores(f.Ctx, tabular.Rows(rows), dry)
				}
			}
		}
		if congthuong.ErrorCode(err) == congthuong.EINTERNAL {
			return err
		}
		status := http.StatusOK
		if err != nil {
			status = web.ErrorStatus(err)
		}
		d.ImportOutcome = web.Outcome(s.PrinterFor(r), res, err)
		return s.renderOSM(w, r, markets, status, d, err)
	}
}
