package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestReadBench: benchmark lines give each sub-benchmark's metrics by
// unit, without the GOMAXPROCS suffix; other lines are left.
func TestReadBench(t *testing.T) {
	// The sample's names carry this machine's suffix, as go test writes
	// them here.
	out := strings.ReplaceAll(`goos: linux
BenchmarkFindUnits/sqlite/store{P}         	     300	   3512345 ns/op	         5.50 p95-ms
BenchmarkFindUnits/sqlite/raw-sql{P}       	     300	   1712345 ns/op	         2.60 p95-ms
    unit_bench_test.go:30: a log line
BenchmarkImportValues1M/postgres         	       1	5400000000 ns/op
BenchmarkSubmitDossiers/sqlite{P} 1 10000000000 ns/op 212.5 dossiers/s 40.1 p95-ms
BenchmarkScorecard1M/sqlite/period=2025-03{P} 10 500000000 ns/op 522 p95-ms
BenchmarkScorecard1M/sqlite/period=2025{P} 10 900000000 ns/op 1070 p95-ms
PASS
`, "{P}", procsSuffix)
	res := results{}
	if err := readBench(strings.NewReader(out), res); err != nil {
		t.Fatal(err)
	}
	if got := res["BenchmarkFindUnits/sqlite/store"]["p95-ms"]; got != 5.5 {
		t.Errorf("store p95 %v", got)
	}
	if got := res["BenchmarkImportValues1M/postgres"]["ns/op"]; got != 5.4e9 {
		t.Errorf("import %v", got)
	}
	if got := res["BenchmarkSubmitDossiers/sqlite"]["dossiers/s"]; got != 212.5 {
		t.Errorf("filings %v", got)
	}
	if res["BenchmarkScorecard1M/sqlite/period=2025-03"]["p95-ms"] != 522 || res["BenchmarkScorecard1M/sqlite/period=2025"]["p95-ms"] != 1070 {
		t.Errorf("a month's and the year's scorecards mixed up: %v", res)
	}
	if len(res) != 6 {
		t.Errorf("%d benchmarks read: %v", len(res), res)
	}
}

// TestReadMix: the mix's throughput, its baseline, the worst p95 of the
// public pages (not of the API or the writes), and the memory line.
func TestReadMix(t *testing.T) {
	out := `mix, 32 connections, 30s, sqlite
request                      req/s       p50       p95       p99  errors
page /                         120     3.1ms    12.5ms    20ms       0
page /parks                     90     4ms     31.25ms   40ms       0
api parks                      200     1ms      95ms     120ms       0
dossier filing                  50    20ms     1.2s       2s         0
all                           1610
net/http baseline            40000     0.5ms     1ms      2ms       0
ratio mix / net/http: 0.04
memory: peak heap in use 312.4 MiB (server and load generator in one process), max RSS 401.0 MiB
`
	f, err := readMix(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if f.rps != 1610 || f.baseRPS != 40000 || f.pagesP95 != 31.25 || f.worstPage != "page /parks" || f.heapMB != 312.4 || f.rssMB != 401 {
		t.Errorf("%+v", f)
	}
}

// TestTable: a figure is judged on its value or its ratio, one without a
// target or not measured is not judged, and the table says which.
func TestTable(t *testing.T) {
	rows := []row{
		{figure: "fast", db: "sqlite", value: 5, ok: true, base: 2.5, hasBase: true, unit: "ms", target: below(10, "ms")},
		{figure: "slow", db: "postgres", value: 12, ok: true, unit: "ms", target: below(10, "ms")},
		{figure: "http", db: "sqlite", value: 400, ok: true, base: 1000, hasBase: true, unit: "req/s", target: ratioAtLeast(0.5)},
		{figure: "broken", db: "sqlite", unit: "s", target: below(5, "s"), note: "failed: boom"},
	}
	want := []string{"✔", "✘", "✘", ""}
	for i, r := range rows {
		if got := r.verdict(); got != want[i] {
			t.Errorf("%s: %q, want %q", r.figure, got, want[i])
		}
	}
	var buf bytes.Buffer
	printTable(&buf, rows, 0)
	table := buf.String()
	for _, s := range []string{"| fast | SQLite | 5.00 ms | 2.50 ms | 2.00 | < 10 ms | ✔ |", "| broken | SQLite | — | — | — | < 5 s |  failed: boom |", "cores"} {
		if !strings.Contains(table, s) {
			t.Errorf("the table lacks %q:\n%s", s, table)
		}
	}
}
