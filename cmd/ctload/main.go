// Command ctload measures the platform under HTTP load on loopback against a
// baseline measured in the same run: a bare net/http handler that returns
// the very same bytes. It starts both itself, so one command reproduces the
// figure in docs/PERFORMANCE.md:
//
//	go run ./cmd/ctload -path '/api/v1/units?level=commune&parent=31' -c 16 -d 10s
//	go run ./cmd/ctload -parks 5000 -path '/api/v1/parks?kind=cluster&min_free_ha=10' -c 16 -d 10s
//	go run ./cmd/ctload -mix -scale 1 -c 32 -d 30s
//	go run ./cmd/ctload -scale 10 -path / -c 1 -d 10s
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/pprof"
	"sort"
	"sync"
	"time"

	"congthuong/internal/audit"
	"congthuong/internal/setup"
	"congthuong/internal/site"
	"congthuong/internal/store"
	"congthuong/internal/web"
)

func main() {
	path := flag.String("path", "/api/v1/units?level=commune&parent=31", "request path to load")
	conc := flag.Int("c", 16, "concurrent connections")
	dur := flag.Duration("d", 10*time.Second, "duration of each run")
	dbURL := flag.String("database-url", "", "postgres:// URL (default: embedded SQLite in a temporary folder)")
	parks := flag.Int("parks", 0, "generate this many industrial parks and clusters, 40 tenants each, before the runs")
	mix := flag.Bool("mix", false, "drive the realistic mix (pages, API reads, logins, data entry, filings) instead of one path")
	scale := flag.Int("scale", -1, "the demo data plus this many provinces' worth of generated sites, statistics and dossiers (default 1 with -mix, none without)")
	flag.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the platform's measured load (not the setup, not the baseline) to this file")
	flag.Parse()
	if *mix {
		*parks = 0
		*scale = max(*scale, 1)
	} else {
		*scale = max(*scale, 0)
	}
	if err := run(*path, *conc, *dur, *dbURL, *parks, *scale, *mix); err != nil {
		fmt.Fprintln(os.Stderr, "ctload:", err)
		os.Exit(1)
	}
}

var cpuProfile string

// profile starts the CPU profile -cpuprofile asks for and returns what
// stops it; the setup and the baseline stay out of it, so that its shares
// are the platform's under load.
func profile() (stop func(), err error) {
	if cpuProfile == "" {
		return func() {}, nil
	}
	f, err := os.Create(cpuProfile)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

func run(path string, conc int, dur time.Duration, dbURL string, parks, scale int, mix bool) error {
	demo := scale > 0
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "ctload-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	st, err := store.Open(ctx, dbURL, dir)
	if err != nil {
		return err
	}
	defer st.Close()
	// A key in memory: the load seals its audit entries as a platform does.
	key, err := audit.NewKey()
	if err != nil {
		return err
	}
	st.SetAuditKey(key)
	if _, err := setup.Prepare(ctx, st, log, setup.Options{AdminPassword: "load-test-password", Demo: demo}); err != nil {
		return err
	}
	if parks > 0 {
		start := time.Now()
		if err := setup.GenerateParks(ctx, st, parks, 40); err != nil {
			return err
		}
		fmt.Printf("generated %d sites and %d tenants in %s\n", parks, parks*40, time.Since(start).Round(time.Millisecond))
	}
	if demo {
		start := time.Now()
		got, err := setup.GenerateScale(ctx, st, scale)
		if err != nil {
			return err
		}
		fmt.Printf("scale %d: %d provinces, %d sites with %d tenants, %d values, %d dossiers added to the demo in %s\n",
			scale, got.Provinces, got.Sites, got.Sites*40, got.Values, got.Dossiers, time.Since(start).Round(time.Millisecond))
		// What the server's hourly maintenance (SQLite) and autovacuum
		// (PostgreSQL) do after such growth, done now.
		if err := st.Optimize(ctx); err != nil {
			return err
		}
		if st.Dialect.Name == "postgres" {
			if _, err := st.Read.ExecContext(ctx, "VACUUM (ANALYZE)"); err != nil {
				return err
			}
		}
	}
	h, err := site.New(st, log, web.Options{SecureCookies: true})
	if err != nil {
		return err
	}
	platform, err := serve(h)
	if err != nil {
		return err
	}
	if mix {
		return runMix(ctx, st, platform, conc, dur)
	}

	// The baseline returns what the platform returns, from memory.
	res, err := http.Get(platform + path)
	if err != nil {
		return err
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", path, res.Status)
	}
	ctype := res.Header.Get("Content-Type")
	baseline, err := serve(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctype)
		w.Write(body)
	}))
	if err != nil {
		return err
	}

	fmt.Printf("GET %s (%d bytes), %d connections, %s per run, %s\n", path, len(body), conc, dur, st.Dialect.Name)
	base := load(baseline+path, len(body), conc, dur)
	stop, err := profile()
	if err != nil {
		return err
	}
	plat := load(platform+path, len(body), conc, dur)
	stop()
	fmt.Printf("%-10s %10s %9s %9s %9s %7s\n", "server", "req/s", "p50", "p95", "p99", "errors")
	for _, r := range []struct {
		name string
		s    stats
	}{{"net/http", base}, {"congthuong", plat}} {
		fmt.Printf("%-10s %10.0f %9s %9s %9s %7d\n", r.name, r.s.rps, r.s.p50, r.s.p95, r.s.p99, r.s.errors)
	}
	fmt.Printf("ratio congthuong / net/http: %.2f\n", plat.rps/base.rps)
	if plat.errors > 0 || base.errors > 0 {
		return fmt.Errorf("requests failed")
	}
	return nil
}

func serve(h http.Handler) (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	go http.Serve(ln, h)
	return "http://" + ln.Addr().String(), nil
}

type stats struct {
	rps           float64
	p50, p95, p99 time.Duration
	errors        int
}

// load sends GETs from conc workers for d and checks each answer's status
// and size.
func load(url string, size, conc int, d time.Duration) stats {
	tr := &http.Transport{MaxIdleConnsPerHost: conc, MaxConnsPerHost: conc, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	deadline := time.Now().Add(d)
	var mu sync.Mutex
	var all []time.Duration
	errors := 0
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < conc; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			bad := 0
			for time.Now().Before(deadline) {
				t0 := time.Now()
				res, err := client.Get(url)
				if err != nil {
					bad++
					continue
				}
				n, _ := io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode != http.StatusOK || int(n) != size {
					bad++
					continue
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			all = append(all, mine...)
			errors += bad
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	pct := func(p int) time.Duration {
		if len(all) == 0 {
			return 0
		}
		return all[len(all)*p/100].Round(10 * time.Microsecond)
	}
	return stats{rps: float64(len(all)) / elapsed.Seconds(), p50: pct(50), p95: pct(95), p99: pct(99), errors: errors}
}
