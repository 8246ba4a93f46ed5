package commerceweb

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/commerce"
	"congthuong/internal/commerce/commercedb"
	"congthuong/internal/unit"
	"congthuong/internal/web"
)

// marketsPage lists a province's markets, by commune.
type marketsPage struct {
	// Province is the province drawn on the map: the department's, or
	// the reader's.
	Province string
	Items    []marketRow
	Pager    web.Pager
	F        commercedb.PlaceFilter
	Methods  []string
	Communes []unit.Unit
	CanWrite bool
}

// marketRow is a market with its commune's name and its class.
type marketRow struct {
	*commerce.Market
	Commune string
	Class   int
}

func (s *handlers) marketRows(r *http.Request, items []*commerce.Market) ([]marketRow, error) {
	ix, err := s.units.Index(r.Context())
	if err != nil {
		return nil, err
	}
	today := s.Today()
	out := make([]marketRow, len(items))
	for i, m := range items {
		u, _ := ix.Resolve(m.UnitCode, today, today)
		out[i] = marketRow{Market: m, Commune: u.Name, Class: m.Class()}
	}
	return out, nil
}

// placeFilter reads a register's list query: words, commune, the kind
// (named kindParam), a page of 50 by default, in the department's
// province.
func (s *handlers) placeFilter(r *http.Request, kindParam string) (commercedb.PlaceFilter, error) {
	q := r.URL.Query()
	page, err := web.ListPage(q)
	if page.Limit == 0 {
		page.Limit = 50
	}
	return commercedb.PlaceFilter{Q: q.Get("q"), UnitCode: q.Get("unit"), Kind: q.Get(kindParam), Province: s.province(r), Page: page}, err
}

func (s *handlers) showMarkets(w http.ResponseWriter, r *http.Request) error {
	f, err := s.placeFilter(r, "method")
	if err != nil {
		return err
	}
	page := f.Page
	items, total, err := s.commerce.ListMarkets(r.Context(), f)
	if err != nil {
		return err
	}
	rows, err := s.marketRows(r, items)
	if err != nil {
		return err
	}
	d := marketsPage{Province: f.Province, Items: rows, Pager: web.NewPager(total, page), F: f, Methods: commerce.MarketMethods, CanWrite: congthuong.ActorFrom(r.Context()).CanWrite()}
	if f.Province != "" {
		if d.Communes, err = s.communesOf(r.Context(), f.Province, s.Today()); err != nil {
			return err
		}
	}
	p := s.PrinterFor(r)
	v := &web.View{Title: p.T("markets.title"), Nav: "markets", Meta: web.Meta{Description: p.T("markets.lead"), Canonical: "/markets"}}
	web.Show(s.Server, w, r, http.StatusOK, "markets", v, d)
	return nil
}

// marketPage is one market with the history of who ran it.
type marketPage struct {
	M        marketRow
	History  []commercedb.MarketEvent
	Warnings []string
	CanWrite bool
}

func (s *handlers) marketID(r *http.Request) (int64, error) { return pathID(r, "commerce.no_market") }

func (s *handlers) showMarket(w http.ResponseWriter, r *http.Request) error {
	id, err := s.marketID(r)
	if err != nil {
		return err
	}
	m, err := s.commerce.FindMarket(r.Context(), id)
	if err != nil {
		return err
	}
	hist, err := s.commerce.MarketHistory(r.Context(), id)
	if err != nil {
		return err
	}
	rows, err := s.marketRows(r, []*commerce.Market{m})
	if err != nil {
		return err
	}
	a := congthuong.ActorFrom(r.Context())
	d := marketPage{M: rows[0], History: hist, Warnings: m.Warnings(), CanWrite: a.CanWrite() && a.InScope(m.UnitCode, m.ProvinceCode)}
	web.Show(s.Server, w, r, http.StatusOK, "market", &web.View{Title: m.Name, Nav: "markets"}, d)
	return nil
}

// marketForm is the form to record or change a market.
type marketForm struct {
	M         commerce.Market
	Lon, Lat  string
	Numbers   map[string]string
	Methods   []string
	Capital   []string
	Operators []string
	Communes  []unit.Unit
	New       bool
}

func (s *handlers) renderMarketForm(w http.ResponseWriter, r *http.Request, status int, d marketForm, ferr error) error {
	a := congthuong.ActorFrom(r.Context())
	if !a.CanWrite() {
		return web.ForbiddenOrLogin(a)
	}
	communes, err := s.communes(r.Context(), s.Today())
	if err != nil {
		return err
	}
	d.Communes, d.Methods, d.Capital, d.Operators = communes, commerce.MarketMethods, commerce.MarketCapital, commerce.MarketOperators
	if d.Numbers == nil {
		d.Numbers = map[string]string{}
		for k, n := range map[string]int{"points": d.M.Points, "occupied": d.M.Occupied, "land_m2": d.M.LandM2, "business_m2": d.M.BusinessM2} {
			if n > 0 || !d.New {
				d.Numbers[k] = strconv.Itoa(n)
			}
		}
	}
	if d.M.Lon != nil && d.Lon == "" {
		d.Lon, d.Lat = strconv.FormatFloat(*d.M.Lon, 'f', -1, 64), strconv.FormatFloat(*d.M.Lat, 'f', -1, 64)
	}
	p := s.PrinterFor(r)
	title := p.T("markets.new")
	if !d.New {
		title = d.M.Name
	}
	v := &web.View{Title: title, Nav: "markets", Anchors: map[string]string{"unit_code": "unit"}}
	v.SetFormErrors(p, ferr)
	web.Show(s.Server, w, r, status, "market_form", v, d)
	return nil
}

func (s *handlers) showNewMarket(w http.ResponseWriter, r *http.Request) error {
	return s.renderMarketForm(w, r, http.StatusOK, marketForm{New: true, M: commerce.Market{UnitCode: web.DefaultUnit(congthuong.ActorFrom(r.Context())),
		Method: "everyday", Capital: "state", Operator: "board"}}, nil)
}

func (s *handlers) showEditMarket(w http.ResponseWriter, r *http.Request) error {
	id, err := s.marketID(r)
	if err != nil {
		return err
	}
	m, err := s.commerce.FindMarket(r.Context(), id)
	if err != nil {
		return err
	}
	return s.renderMarketForm(w, r, http.StatusOK, marketForm{M: *m}, nil)
}

// marketFromForm reads the form, naming a number that is not one.
func marketFromForm(f url.Values) (commerce.Market, map[string]string, string, string, error) {
	m := commerce.Market{Name: f.Get("name"), UnitCode: f.Get("unit_code"), Address: f.Get("address"), Method: f.Get("method"),
		Capital: f.Get("capital"), Operator: f.Get("operator"), OperatorName: f.Get("operator_name"),
		OperatorTaxCode: f.Get("operator_tax_code"), Permanent: f.Get("permanent") == "on", OpeningHours: f.Get("opening_hours"),
		FireCert: f.Get("fire_cert"), FoodCert: f.Get("food_cert")}
	m.Version, _ = strconv.Atoi(f.Get("version"))
	numbers := map[string]string{}
	var v congthuong.Validation
	for name, to := range map[string]*int{"points": &m.Points, "occupied": &m.Occupied, "land_m2": &m.LandM2, "business_m2": &m.BusinessM2} {
		raw := strings.TrimSpace(f.Get(name))
		numbers[name] = raw
		if raw == "" {
			continue
		}
		n, err := strconv.Atoi(strings.NewReplacer(".", "", ",", "", " ", "").Replace(raw))
		if err != nil {
			v.Add(name, "commerce.market_number")
			continue
		}
		*to = n
	}
	lon, lat := f.Get("lon"), f.Get("lat")
	var ok bool
	if m.Lon, m.Lat, ok = commerce.ParsePoint(lon, lat); !ok {
		v.Add("lat", "commerce.both_lon_lat")
	}
	return m, numbers, lon, lat, v.Err("commerce.invalid_market")
}

func (s *handlers) doSaveMarket(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	isNew := r.PathValue("id") == ""
	var id int64
	if !isNew {
		var err error
		if id, err = s.marketID(r); err != nil {
			return err
		}
	}
	m, numbers, lon, lat, err := marketFromForm(r.PostForm)
	m.ID = id
	if err == nil {
		err = s.commerce.SaveMarket(r.Context(), &m)
	}
	if err != nil {
		if keepTyped(err) {
			m.Version = s.currentVersion(r, err, m.Version, "market", id)
			return s.renderMarketForm(w, r, web.ErrorStatus(err), marketForm{M: m, Numbers: numbers, Lon: lon, Lat: lat, New: isNew}, err)
		}
		return err
	}
	s.Flash(w, "flash.saved")
	http.Redirect(w, r, "/markets/"+strconv.FormatInt(m.ID, 10), http.StatusSeeOther)
	return nil
}

// marketSummary is the province's markets by commune and class, with
// markets per 10,000 people where the commune's population is known.
type marketSummary struct {
	Rows  []marketSummaryRow
	Total [4]int
	All   int
	// MayPublish offers the department to write the counts into the
	// month's statistics; Figures links to them.
	MayPublish bool
	Figures    string
}

type marketSummaryRow struct {
	Code, Name string
	Class      [4]int
	Total      int
	// Per10k is markets per 10,000 people; HasPer10k when the population
	// is known.
	Per10k    float64
	HasPer10k bool
}

func (s *handlers) showMarketSummary(w http.ResponseWriter, r *http.Request) error {
	province := s.province(r)
	counts, err := s.commerce.MarketCounts(r.Context(), province)
	if err != nil {
		return err
	}
	ix, err := s.units.Index(r.Context())
	if err != nil {
		return err
	}
	today := s.Today()
	facts := s.UnitFacts().Facts
	d := marketSummary{MayPublish: mayPublishFigures(congthuong.ActorFrom(r.Context())), Figures: figuresLink(province, s.Now())}
	for _, c := range counts {
		u, _ := ix.Resolve(c.UnitCode, today, today)
		row := marketSummaryRow{Code: c.UnitCode, Name: u.Name, Class: c.Class, Total: c.Total}
		if f, ok := facts[c.UnitCode]; ok && f.HasPop && f.Population > 0 {
			row.Per10k, row.HasPer10k = float64(c.Total)*10_000/float64(f.Population), true
		}
		for i := 1; i <= 3; i++ {
			d.Total[i] += c.Class[i]
		}
		d.All += c.Total
		d.Rows = append(d.Rows, row)
	}
	p := s.PrinterFor(r)
	web.Show(s.Server, w, r, http.StatusOK, "markets_summary", &web.View{Title: p.T("markets.summary"), Nav: "markets"}, d)
	return nil
}

// apiMarketsGeoJSON answers a province's markets as GeoJSON points whose
// properties are their OpenStreetMap tags (amenity=marketplace …) with
// the register's id and class, for the map and for exchange with
// OpenStreetMap.
func (s *handlers) apiMarketsGeoJSON(w http.ResponseWriter, r *http.Request) error {
	features := []premiseFeature{}
	err := s.commerce.EachMarket(r.Context(), s.askedProvince(r), func(m *commerce.Market) error {
		features = appendPlace(features, m.ID, m.UnitCode, m.Class(), m.Lon, m.Lat, m.OSMTags())
		return nil
	})
	if err != nil {
		return err
	}
	return writeGeoJSON(w, features)
}
