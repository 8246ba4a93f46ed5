package setup

import (
	"context"
	"fmt"
	"math"

	"congthuong/internal/stats"
	"congthuong/internal/store"
	"congthuong/internal/tabular"
)

// Sources written on demo values, so that nobody takes them for data.
const (
	demoPublished = "Số liệu công bố năm 2024 (bản trình diễn)"
	demoMade      = "Số liệu mẫu, không có thật (bản trình diễn)"
)

// demoStats loads Hải Phòng's published 2024 figures, the year before
// worked back from their growth, a plausible monthly series for 2024 and
// the first months of 2025, and industrial production of the 28 northern
// localities for January–April 2024 (25 grew, 11 by 10% or more).
func demoStats(ctx context.Context, st *store.Store, north []string) error {
	var rows []stats.ValueRow
	add := func(code, unitCode, period string, v float64, source string) {
		p, err := stats.ParsePeriod(period)
		if err != nil {
			panic(err)
		}
		rows = append(rows, stats.ValueRow{Line: len(rows) + 2, Indicator: code, UnitCode: unitCode, Period: p,
			Value: math.Round(v*10) / 10, Status: stats.Official, Source: source})
	}
	// Hải Phòng 2024 (DESIGN: published figures) and 2023 from the growth.
	add("RETAIL_SALES", "31", "2024", 225784, demoPublished)
	add("RETAIL_SALES", "31", "2023", 225784/1.136, demoMade)
	add("EXPORTS", "31", "2024", 36400, demoPublished)
	add("EXPORTS", "31", "2023", 36400/1.197, demoMade)
	add("IMPORTS", "31", "2024", 28300, demoMade) // a trade surplus over US$8 billion
	add("IMPORTS", "31", "2023", 24100, demoMade)
	add("IIP", "31", "2024", 115.43, demoPublished)
	add("IIP_MANUFACTURING", "31", "2024", 116, demoPublished)
	add("ECOMMERCE_INDEX", "31", "2024", 36.2, demoPublished)
	add("CLUSTERS", "31", "2024", 18, demoPublished)
	add("CLUSTER_AREA", "31", "2024", 742.5, demoPublished)
	// A monthly series for 2024 and early 2025 (estimates for the latest month).
	season := []float64{1.02, 0.86, 0.97, 0.98, 1.0, 1.0, 1.01, 1.02, 1.0, 1.03, 1.04, 1.07}
	for m := 1; m <= 12; m++ {
		add("RETAIL_SALES", "31", fmt.Sprintf("2024-%02d", m), 225784/12*season[m-1]/sum(season)*12, demoMade)
		add("IIP", "31", fmt.Sprintf("2024-%02d", m), 110+float64((m*7)%11), demoMade)
	}
	// The 28 northern localities, January–April 2024: exports of three of
	// them as published, industrial production made up to the published count.
	ytd := "2024-01..2024-04"
	add("EXPORTS", "31", ytd, 16000, demoPublished)
	add("EXPORTS", "31", "2023-01..2023-04", 16000/1.21, demoMade)
	add("EXPORTS", "19", ytd, 17800, demoPublished) // Thái Nguyên
	add("EXPORTS", "19", "2023-01..2023-04", 17800/1.147, demoMade)
	add("EXPORTS", "24", ytd, 16500, demoPublished) // Bắc Giang
	add("EXPORTS", "24", "2023-01..2023-04", 16500/1.22, demoMade)
	for i, code := range north {
		iip := 103 + float64(i%5)*1.1
		switch {
		case i%9 == 4:
			iip = 96 + float64(i%3) // three fell
		case i < 12:
			iip = 110.5 + float64(i)*0.9
		}
		add("IIP", code, ytd, iip, demoMade)
	}
	res, err := st.ImportValues(ctx, tabular.Rows(rows), false)
	if err != nil {
		return fmt.Errorf("demo statistics: %w", err)
	}
	if res.Created != len(rows) {
		return fmt.Errorf("demo statistics: %d of %d values created", res.Created, len(rows))
	}
	return nil
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}
