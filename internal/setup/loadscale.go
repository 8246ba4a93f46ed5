package setup

import (
	"context"
	"fmt"
	"time"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/enterprise"
	"congthuong/internal/stats"
	"congthuong/internal/store"
	"congthuong/internal/tabular"
	"congthuong/internal/unit"
	"congthuong/internal/unit/unitdb"
)

// Scale is what GenerateScale adds to the demo for load tests: scale 1 is
// a province the size of Hải Phòng; scale n, n provinces' worth.
type Scale struct {
	Sites     int // industrial parks and clusters, 40 tenants each
	Values    int // statistics of the provinces and their communes
	Dossiers  int // filed over the past year
	Provinces int
}

// loadIndicators are the indicators a province and its communes report
// every month.
var loadIndicators = []string{"IIP", "IIP_MANUFACTURING", "RETAIL_SALES", "RETAIL_GOODS", "ACCOMMODATION_FOOD",
	"EXPORTS", "IMPORTS", "ELECTRICITY_SUPPLIED"}

// GenerateScale writes n provinces' worth of sites, tenants, monthly
// statistics (since the communes began, 2025-07) and dossiers, starting with
// Hải Phòng, through the same imports and filings users go through.
func GenerateScale(ctx context.Context, st *store.Store, n int) (Scale, error) {
	var got Scale
	sys := congthuong.NewContext(ctx, congthuong.System())
	if err := GenerateParks(ctx, st, 500*n, 40); err != nil {
		return got, err
	}
	got.Sites = 500 * n
	today := unit.Today(st.Now())
	provinces, _, err := st.FindUnits(sys, unitdb.UnitFilter{Level: unit.Province, ValidOn: today, Page: store.Page{Limit: store.MaxLimit, Sort: "code"}})
	if err != nil {
		return got, err
	}
	// Hải Phòng first, then the others in code order.
	var codes []string
	codes = append(codes, "31")
	for _, p := range provinces {
		if p.Code != "31" && len(codes) < n {
			codes = append(codes, p.Code)
		}
	}
	got.Provinces = len(codes)
	var rows []stats.ValueRow
	var communes []string
	months := monthsBetween(time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC), st.Now())
	for _, prov := range codes {
		units, _, err := st.FindUnits(sys, unitdb.UnitFilter{Level: unit.Commune, Parent: prov, ValidOn: today, Page: store.Page{Limit: store.MaxLimit}})
		if err != nil {
			return got, err
		}
		reporters := []string{prov}
		for _, u := range units {
			reporters = append(reporters, u.Code)
			communes = append(communes, u.Code)
		}
		for ui, code := range reporters {
			for mi, m := range months {
				for ii, ind := range loadIndicators {
					p, err := stats.ParsePeriod(m)
					if err != nil {
						return got, err
					}
					v := float64(100 + (ui*7+mi*3+ii)%40)
					rows = append(rows, stats.ValueRow{Line: len(rows) + 2, Indicator: ind, UnitCode: code, Period: p,
						Value: v, Status: stats.Official, Source: "Số liệu sinh cho kiểm thử tải"})
				}
			}
		}
	}
	res, err := st.ImportValues(sys, tabular.Rows(rows), false)
	if err != nil {
		return got, fmt.Errorf("generate values: %w", err)
	}
	got.Values = res.Rows

	cal, err := st.Calendar(ctx, calendar.DefaultOptions())
	if err != nil {
		return got, err
	}
	clock := st.Now
	defer func() { st.Now = clock }()
	dept, err := st.FindProcedure(sys, "CT-KM-MAYRUI")
	if err != nil {
		return got, err
	}
	commune, err := st.FindProcedure(sys, "CT-THUOCLA-BANLE")
	if err != nil {
		return got, err
	}
	var taxCodes []string
	for seq := 3_000_000; len(taxCodes) < 50; seq += 13 {
		if tc, ok := enterprise.WithCheckDigit(fmt.Sprintf("09%07d", seq)); ok {
			taxCodes = append(taxCodes, tc)
		}
	}
	count := 2000 * n
	start := clock().AddDate(-1, 0, 0)
	step := clock().Sub(start) / time.Duration(count)
	for i := 0; i < count; i++ {
		at := start.Add(time.Duration(i) * step)
		st.Now = func() time.Time { return at }
		taxCode := taxCodes[i%len(taxCodes)]
		d := madeUpDossier(dept, "31", taxCode, at, i)
		if i%2 == 1 && len(communes) > 0 {
			d = madeUpDossier(commune, communes[i%len(communes)], taxCode, at, i)
		}
		d.Demo = false
		if err := st.SubmitDossier(sys, d, cal); err != nil {
			return got, fmt.Errorf("generate dossier %d: %w", i, err)
		}
	}
	got.Dossiers = count
	return got, nil
}

// monthsBetween lists the months from from to the one before to, as
// periods (2025-07, 2025-08 …).
func monthsBetween(from, to time.Time) []string {
	var out []string
	for m := from; m.Before(to.AddDate(0, -1, 0)); m = m.AddDate(0, 1, 0) {
		out = append(out, m.Format("2006-01"))
	}
	return out
}
