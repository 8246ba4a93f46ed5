package statsweb

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"congthuong"
	"congthuong/internal/stats"
	"congthuong/internal/stats/statsdb"
	"congthuong/internal/web"
)

// homeIndicators are the figures the home page shows, in order: what a
// department's monthly report leads with.
var homeIndicators = []string{"IIP", "RETAIL_SALES", "EXPORTS", "IMPORTS"}

// homeFigureTTL is how long the home page's figures are reused: the home
// page is the most read page, and a figure approved a minute ago may wait
// a minute to appear there (its own pages show it at once).
const homeFigureTTL = time.Minute

// homeFigure is one key figure before it is put in words.
type homeFigure struct {
	ind    stats.Indicator
	period stats.Period
	fig    stats.UnitFigure
}

// homeFigures keeps the key figures between readers.
type homeFigures struct {
	mu      sync.Mutex
	at      time.Time
	figures []homeFigure
}

// home offers the statistics, and the key figures of the department's
// province: each indicator's latest official period, with its growth over
// the same period a year before.
func (s *handlers) home(r *http.Request) (web.HomePart, error) {
	p := s.PrinterFor(r)
	part := web.HomePart{Services: []web.Service{{Order: 50, ID: "stats", Title: p.T("stats.home_title"),
		Text: p.T("stats.home_text"), Link: "/stats/dashboard"}}}
	figures, err := s.keyFigures(r.Context())
	if err != nil {
		return part, err
	}
	for i, f := range figures {
		k := web.KeyFigure{Order: i, Name: p.Name(f.ind.Name()), Value: p.Num(*f.fig.Value, f.ind.Decimals),
			Measure: p.Name(f.ind.MeasureName()), Period: upperFirst(stats.PeriodWords(f.period, p.Printer)),
			Link: "/stats/dashboard?" + url.Values{"indicator": {f.ind.Code}, "unit": {f.fig.Unit},
				"year": {strconv.Itoa(f.period.Year)}}.Encode()}
		if g := f.fig.GrowthPct; g != nil {
			k.Up, k.Down = *g > 0, *g < 0
			sign := ""
			if *g > 0 {
				sign = "+"
			}
			k.Growth = sign + stats.Percent(*g, p.Printer)
			k.GrowthNote = p.T("stats.home_growth_note")
			if f.fig.GrowthPublished {
				k.GrowthNote = p.T("stats.home_growth_published")
			}
		}
		part.Figures = append(part.Figures, k)
	}
	return part, nil
}

// keyFigures reads the key figures as the public sees them, or reuses
// those read less than homeFigureTTL ago.
func (s *handlers) keyFigures(ctx context.Context) ([]homeFigure, error) {
	c := &s.homeCache
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.at.IsZero() && s.Now().Sub(c.at) < homeFigureTTL {
		return c.figures, nil
	}
	ctx = congthuong.NewContext(ctx, congthuong.Actor{})
	province := s.HomeProvince()
	var out []homeFigure
	for _, code := range homeIndicators {
		period, ok, err := s.stats.LatestOfficial(ctx, code, province)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		a, err := s.stats.Analyze(ctx, statsdb.AnalyticsQuery{Indicator: code, Period: period, Units: []string{province}})
		if err != nil {
			if congthuong.ErrorCode(err) == congthuong.EINVALID {
				continue // an indicator an administrator removed
			}
			return nil, err
		}
		if len(a.Units) == 1 && a.Units[0].Value != nil {
			out = append(out, homeFigure{ind: a.Indicator, period: period, fig: a.Units[0]})
		}
	}
	c.at, c.figures = s.Now(), out
	return out, nil
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
