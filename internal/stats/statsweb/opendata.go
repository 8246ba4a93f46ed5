package statsweb

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"time"

	"congthuong/internal/stats"
	"congthuong/internal/stats/statsdb"
	"congthuong/internal/web"
)

// officialYears keeps which years of each indicator have official values
// for a few minutes: finding them reads every value.
type officialYears struct {
	mu    sync.Mutex
	at    time.Time
	years map[string][]int
}

const officialYearsTTL = 5 * time.Minute

func (s *handlers) officialYears(ctx context.Context) (map[string][]int, error) {
	c := &s.yearsCache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.years != nil && s.Now().Sub(c.at) < officialYearsTTL {
		return c.years, nil
	}
	years, err := s.stats.OfficialYears(ctx)
	if err != nil {
		return nil, err
	}
	c.at, c.years = s.Now(), years
	return years, nil
}

// datasets offers one dataset per indicator with official values, split
// by year, in the columns of the values' import (so a file imports back).
func (s *handlers) datasets(ctx context.Context, p *web.Printer) ([]web.Dataset, error) {
	years, err := s.officialYears(ctx)
	if err != nil {
		return nil, err
	}
	list, err := s.stats.Indicators(ctx)
	if err != nil {
		return nil, err
	}
	var out []web.Dataset
	for _, ind := range list {
		ys := years[ind.Code]
		if len(ys) == 0 {
			continue
		}
		code := ind.Code
		d := web.Dataset{ID: "stats-" + strings.ToLower(strings.ReplaceAll(code, "_", "-")), Title: p.Name(ind.Name()),
			Description: p.T("stats.dataset_text", p.Name(ind.MeasureName())), Keywords: []string{p.T("stats.home_title")},
			Theme: "ECON", Frequency: web.FreqMonthly, Page: "/stats/dashboard?indicator=" + code, Columns: stats.ValueColumns}
		for _, y := range ys {
			d.Parts = append(d.Parts, strconv.Itoa(y))
		}
		d.Rows = func(ctx context.Context, part string, emit func([]string) error) error {
			year, _ := strconv.Atoi(part)
			return s.stats.EachValue(ctx, code, year, func(v statsdb.StoredValue) error { return emit(v.Record()) })
		}
		out = append(out, d)
	}
	return out, nil
}
