package main

import "fmt"

// target is what a figure should reach, said in words and checked on its
// value or on its ratio to the baseline.
type target struct {
	text string
	met  func(value, ratio float64) bool
}

func below(limit float64, unit string) target {
	return target{fmt.Sprintf("< %g %s", limit, unit), func(v, _ float64) bool { return v < limit }}
}

func atLeast(limit float64, unit string) target {
	return target{fmt.Sprintf("≥ %g %s", limit, unit), func(v, _ float64) bool { return v >= limit }}
}

// belowWithin is below, and at most r times the baseline.
func belowWithin(limit float64, unit string, r float64) target {
	return target{fmt.Sprintf("< %g %s, ratio ≤ %g", limit, unit, r), func(v, ratio float64) bool { return v < limit && ratio <= r }}
}

func ratioAtLeast(r float64) target {
	return target{fmt.Sprintf("ratio ≥ %g", r), func(_, ratio float64) bool { return ratio >= r }}
}

// figure is one number docs/PERFORMANCE.md quotes: a benchmark's metric
// ({db} in the names stands for sqlite or postgres), shown in unit after
// multiplying by scale, beside its baseline's same metric when it has one.
type figure struct {
	name   string
	bench  string
	metric string
	unit   string
	scale  float64
	base   string
	target target
}

// job is one `go test -bench` run and the figures it gives.
type job struct {
	name      string
	pkg       string
	bench     string
	benchtime string
	// large jobs run only with -large (their sizes make the run longer
	// than the default's quarter of an hour).
	large   bool
	figures []figure
}

const ms, sec = 1.0, 1e-9 // scales: p95-ms as is; ns/op to seconds

var jobs = []job{
	{name: "units", pkg: "./internal/unit/unitdb/", bench: "FindUnits$", benchtime: "300x", figures: []figure{
		{"unit search (3,355 units), p95", "BenchmarkFindUnits/{db}/store", "p95-ms", "ms", ms, "BenchmarkFindUnits/{db}/raw-sql", below(10, "ms")},
	}},
	{name: "enterprises", pkg: "./internal/enterprise/enterprisedb/", bench: "Enterprises100k$", benchtime: "300x", figures: []figure{
		{"enterprise search at 100,000, mixed queries, p95", "BenchmarkEnterprises100k/{db}/search", "p95-ms", "ms", ms, "BenchmarkEnterprises100k/{db}/raw-sql", below(10, "ms")},
	}},
	{name: "enterprise import", pkg: "./internal/enterprise/enterprisedb/", bench: "ImportFile100k$", benchtime: "1x", figures: []figure{
		{"import 100,000 enterprises from CSV", "BenchmarkImportFile100k/{db}/csv", "ns/op", "s", sec, "BenchmarkImportFile100k/{db}/raw", below(10, "s")},
		{"import 100,000 enterprises from XLSX", "BenchmarkImportFile100k/{db}/xlsx", "ns/op", "s", sec, "", below(10, "s")},
	}},
	{name: "values import", pkg: "./internal/stats/statsdb/", bench: "ImportValues1M$", benchtime: "1x", figures: []figure{
		{"import 1,000,000 values from CSV", "BenchmarkImportValues1M/{db}/store", "ns/op", "s", sec, "BenchmarkImportValues1M/{db}/raw", belowWithin(5, "s", 3)},
	}},
	{name: "analytics", pkg: "./internal/stats/statsdb/", bench: "Analytics1M$", benchtime: "30x", figures: []figure{
		{"analytics at 1M values, a month, p95", "BenchmarkAnalytics1M/{db}/period=2025-08", "p95-ms", "ms", ms, "BenchmarkAnalytics1M/{db}/raw-sql-month", below(10, "ms")},
		{"analytics at 1M values, a half-year, p95", "BenchmarkAnalytics1M/{db}/period=2026H1", "p95-ms", "ms", ms, "BenchmarkAnalytics1M/{db}/raw-sql-half-sum", below(10, "ms")},
	}},
	{name: "analytics 10M", pkg: "./internal/stats/statsdb/", bench: "Analytics10M$", benchtime: "30x", large: true, figures: []figure{
		{"analytics at 10M values, a month, p95", "BenchmarkAnalytics10M/{db}/period=2025-08", "p95-ms", "ms", ms, "BenchmarkAnalytics10M/{db}/raw-sql-month", below(10, "ms")},
		{"analytics at 10M values, a half-year, p95", "BenchmarkAnalytics10M/{db}/period=2026H1", "p95-ms", "ms", ms, "BenchmarkAnalytics10M/{db}/raw-sql-half-sum", below(10, "ms")},
	}},
	{name: "scorecard", pkg: "./internal/procedure/proceduredb/", bench: "Scorecard1M$", benchtime: "10x", figures: []figure{
		{"Decision 766 scorecard, a month of 1,000,000 dossiers, p95", "BenchmarkScorecard1M/{db}/period=2025-03", "p95-ms", "ms", ms, "BenchmarkScorecard1M/{db}/raw-sql-month-receipts", below(300, "ms")},
		{"Decision 766 scorecard, the year, p95", "BenchmarkScorecard1M/{db}/period=2025", "p95-ms", "ms", ms, "BenchmarkScorecard1M/{db}/raw-sql-month-receipts", below(300, "ms")},
	}},
	{name: "parks", pkg: "./internal/park/parkweb/", bench: "Parks5000$", benchtime: "100x", figures: []figure{
		{"parks.geojson, 5,000 sites, uncached, p95", "BenchmarkParks5000/{db}/geojson-staff", "p95-ms", "ms", ms, "BenchmarkParks5000/{db}/geojson-baseline", below(100, "ms")},
		{"parks list with filters, public, p95", "BenchmarkParks5000/{db}/list-public", "p95-ms", "ms", ms, "", below(30, "ms")},
	}},
	{name: "filings", pkg: "./internal/procedure/procedureweb/", bench: "SubmitDossiers$", benchtime: "1x", figures: []figure{
		{"dossiers filed online under load", "BenchmarkSubmitDossiers/{db}", "dossiers/s", "/s", 1, "", target{}},
	}},
}
