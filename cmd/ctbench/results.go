package main

import (
	"bufio"
	"io"
	"regexp"
	"runtime"
	"strconv"
	"strings"
)

// results are what one run printed: each benchmark's metrics by unit
// ("ns/op", "p95-ms" …), by the benchmark's full name without the
// GOMAXPROCS suffix.
type results map[string]map[string]float64

// benchLine is a line of `go test -bench` output: the name (with its
// -GOMAXPROCS suffix when that is above 1), the iterations, then pairs of
// value and unit.
var benchLine = regexp.MustCompile(`^(Benchmark\S+)\s+\d+\s+(.*)$`)

// procsSuffix is what go test adds to the names here: "-N" for N
// processors, nothing for one (so a name ending in a date's "-08" keeps
// it).
var procsSuffix = func() string {
	if n := runtime.GOMAXPROCS(0); n > 1 {
		return "-" + strconv.Itoa(n)
	}
	return ""
}()

// readBench adds the benchmark lines of r to res.
func readBench(r io.Reader, res results) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		m := benchLine.FindStringSubmatch(strings.TrimSpace(sc.Text()))
		if m == nil {
			continue
		}
		fields := strings.Fields(m[2])
		metrics := map[string]float64{}
		for i := 0; i+1 < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				break
			}
			metrics[fields[i+1]] = v
		}
		if len(metrics) > 0 {
			res[strings.TrimSuffix(m[1], procsSuffix)] = metrics
		}
	}
	return sc.Err()
}

// mixLine is a line of ctload's mix table: a request's name, then req/s,
// p50, p95, p99 and errors.
var mixLine = regexp.MustCompile(`^(.+?)\s{2,}(\d+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\d+)$`)

// mixFigures are what ctbench reads of a mix: the platform's and the
// baseline's throughput, the worst p95 of the public pages, and the
// memory ctload reports.
type mixFigures struct {
	rps, baseRPS  float64
	pagesP95      float64 // ms
	worstPage     string
	heapMB, rssMB float64
}

var memLine = regexp.MustCompile(`memory: peak heap in use ([\d.]+) MiB.* max RSS ([\d.]+) MiB`)

// readMix reads ctload -mix output.
func readMix(r io.Reader) (mixFigures, error) {
	var f mixFigures
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if m := memLine.FindStringSubmatch(line); m != nil {
			f.heapMB, _ = strconv.ParseFloat(m[1], 64)
			f.rssMB, _ = strconv.ParseFloat(m[2], 64)
			continue
		}
		if strings.HasPrefix(line, "all ") || strings.HasPrefix(line, "net/http baseline ") {
			fields := strings.Fields(line)
			i := 1
			if fields[0] == "net/http" {
				i = 2
			}
			v, _ := strconv.ParseFloat(fields[i], 64)
			if fields[0] == "all" {
				f.rps = v
			} else {
				f.baseRPS = v
			}
			continue
		}
		m := mixLine.FindStringSubmatch(line)
		if m == nil || !strings.HasPrefix(m[1], "page ") {
			continue
		}
		if p95 := durationMS(m[4]); p95 > f.pagesP95 {
			f.pagesP95, f.worstPage = p95, m[1]
		}
	}
	return f, sc.Err()
}

// durationMS reads a Go duration as ctload prints it (1.23ms, 850µs, 2s)
// in milliseconds; 0 when it cannot.
func durationMS(s string) float64 {
	for _, u := range []struct {
		suffix string
		ms     float64
	}{{"µs", 1e-3}, {"us", 1e-3}, {"ms", 1}, {"ns", 1e-6}, {"s", 1000}} {
		if strings.HasSuffix(s, u.suffix) {
			v, err := strconv.ParseFloat(strings.TrimSuffix(s, u.suffix), 64)
			if err != nil {
				return 0
			}
			return v * u.ms
		}
	}
	return 0
}
