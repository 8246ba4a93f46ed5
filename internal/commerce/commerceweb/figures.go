package commerceweb

import (
	"net/http"
	"net/url"
	"time"

	"congthuong"
	"congthuong/internal/commerce/commercedb"
	"congthuong/internal/stats"
	"congthuong/internal/web"
)

// mayPublishFigures reports whether the reader may write the registers'
// counts into the statistics: the department's writers.
func mayPublishFigures(a congthuong.Actor) bool { return a.IsDepartment() && a.CanWrite() && !a.System }

// figuresLink opens the statistics on the markets of the province's
// communes this month.
func figuresLink(province string, now time.Time) string {
	now = now.In(congthuong.Location)
	return "/stats?" + url.Values{"indicator": {"MARKETS"}, "units": {"children:" + province},
		"period": {stats.MonthOf(now.Year(), int(now.Month())).String()}}.Encode()
}

// doPublishFigures writes this month's counts into the statistics and
// returns to the summary, which links to them.
func (s *handlers) doPublishFigures(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.commerce.PublishTradeFigures(r.Context(), s.province(r), s.figureOptions()); err != nil {
		return err
	}
	s.Flash(w, "commerce.figures_published")
	http.Redirect(w, r, "/markets/summary", http.StatusSeeOther)
	return nil
}

// apiPublishFigures is doPublishFigures for programs: what was written.
func (s *handlers) apiPublishFigures(w http.ResponseWriter, r *http.Request) error {
	province := s.askedProvince(r)
	res, err := s.commerce.PublishTradeFigures(r.Context(), province, s.figureOptions())
	if err != nil {
		return err
	}
	s.WriteLocalJSON(w, r, http.StatusOK, &res)
	return nil
}

// mapLayers offers the province's markets and stores to the parks' map.
func mapLayers(p *web.Printer, province string) []web.MapLayer {
	q := "?province=" + url.QueryEscape(province)
	return []web.MapLayer{
		{Key: "markets", Label: p.T("markets.title"), URL: "/api/v1/markets.geojson" + q, Colour: "#7b3f98", Link: "/markets/"},
		{Key: "retail", Label: p.T("retail.title"), URL: "/api/v1/retail.geojson" + q, Colour: "#1d7a3a"},
	}
}

// figureOptions gives the trade figures the units' population, for the
// markets per 10,000 people.
func (s *handlers) figureOptions() commercedb.FigureOptions {
	return commercedb.FigureOptions{Population: s.UnitFacts().Populations()}
}
