// Command ctbench measures every figure docs/PERFORMANCE.md quotes, on
// SQLite and on PostgreSQL, each beside its baseline measured in the same
// run (raw SQL, a bare net/http handler), and prints one table with the
// commit and the machine. scripts/bench runs it.
package main

import (
	"bytes"
	"context"
	"database/sql"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

func main() {
	large := flag.Bool("large", false, "also run the large sizes (analytics at 10,000,000 values)")
	only := flag.String("only", "", "run only the jobs whose name matches this regular expression (units, enterprises, enterprise import, values import, analytics, scorecard, parks, filings, http, mix)")
	pg := flag.String("postgres", os.Getenv("CONGTHUONG_TEST_POSTGRES"), "PostgreSQL server URL (databases are created and dropped in it)")
	scale := flag.Int("scale", 10, "the mix's scale: the demo plus this many provinces' worth of data")
	conc := flag.Int("c", 32, "the load's concurrent connections")
	dur := flag.Duration("d", 30*time.Second, "how long each load runs")
	keep := flag.String("out", "", "keep every run's output in this folder (default: a temporary one, removed)")
	flag.Parse()
	if *pg == "" {
		fail(fmt.Errorf("no PostgreSQL: set CONGTHUONG_TEST_POSTGRES or -postgres (scripts/bench starts one)"))
	}
	pick, err := regexp.Compile(*only)
	if err != nil {
		fail(err)
	}
	out := *keep
	if out == "" {
		if out, err = os.MkdirTemp("", "ctbench-*"); err != nil {
			fail(err)
		}
		defer os.RemoveAll(out)
	} else if err := os.MkdirAll(out, 0o755); err != nil {
		fail(err)
	}
	b := &bench{pg: *pg, out: out, res: results{}}
	start := time.Now()
	var rows []row
	for _, j := range jobs {
		if (j.large && !*large) || !pick.MatchString(j.name) {
			continue
		}
		rows = append(rows, b.goBench(j)...)
	}
	if pick.MatchString("http") || pick.MatchString("mix") {
		ctload := filepath.Join(out, "ctload")
		if err := b.cmd("build ctload", "go", "build", "-o", ctload, "./cmd/ctload"); err != nil {
			fail(err)
		}
		for _, db := range []string{"sqlite", "postgres"} {
			if pick.MatchString("http") {
				rows = append(rows, b.http(ctload, db, *conc, *dur/3)...)
			}
			if pick.MatchString("mix") {
				rows = append(rows, b.mix(ctload, db, *scale, *conc, *dur)...)
			}
		}
	}
	printTable(os.Stdout, rows, time.Since(start))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "ctbench:", err)
	os.Exit(1)
}

// bench runs the measurements, keeping each one's output in out.
type bench struct {
	pg  string
	out string
	res results
}

// cmd runs a command from the module's root (see output) and reads the
// benchmark lines it prints into b.res.
func (b *bench) cmd(what string, name string, args ...string) error {
	out, err := b.output(what, name, args...)
	if err != nil {
		return err
	}
	return readBench(bytes.NewReader(out), b.res)
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// goBench runs a job's benchmarks and reads its figures on both databases.
func (b *bench) goBench(j job) []row {
	err := b.cmd(j.name, "go", "test", "-run", "XXX", "-bench", j.bench, "-benchtime", j.benchtime, "-timeout", "60m", j.pkg)
	var rows []row
	for _, f := range j.figures {
		for _, db := range []string{"sqlite", "postgres"} {
			r := row{figure: f.name, db: db, unit: f.unit, target: f.target}
			name := strings.ReplaceAll(f.bench, "{db}", db)
			v, ok := b.res[name][f.metric]
			// A failure on one database leaves the other's figures.
			switch {
			case ok:
				r.value, r.ok = v*f.scale, true
			case err != nil:
				r.note = "failed: " + firstLine(err.Error())
			default:
				r.note = "not measured: " + name
			}
			if f.base != "" {
				if bv, ok := b.res[strings.ReplaceAll(f.base, "{db}", db)][f.metric]; ok {
					r.base, r.hasBase = bv*f.scale, true
				}
			}
			rows = append(rows, r)
		}
	}
	return rows
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// database gives a run a fresh PostgreSQL database, dropped by the
// function it returns ("" for SQLite: ctload makes its own).
func (b *bench) database(db string) (string, func(), error) {
	if db == "sqlite" {
		return "", func() {}, nil
	}
	admin, err := sql.Open("pgx", b.pg)
	if err != nil {
		return "", nil, err
	}
	name := fmt.Sprintf("ct_bench_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6)
	if _, err := admin.ExecContext(context.Background(), "CREATE DATABASE "+name); err != nil {
		admin.Close()
		return "", nil, err
	}
	u, err := url.Parse(b.pg)
	if err != nil {
		admin.Close()
		return "", nil, err
	}
	u.Path = "/" + name
	return u.String(), func() {
		// WITH (FORCE) needs PostgreSQL 13; a plain drop otherwise.
		if _, err := admin.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			if _, err := admin.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name); err != nil {
				fmt.Fprintf(os.Stderr, "ctbench: database %s left behind: %v\n", name, err)
			}
		}
		admin.Close()
	}, nil
}

// http loads one API path (ctload's default) and its bare net/http
// baseline.
func (b *bench) http(ctload, db string, conc int, d time.Duration) []row {
	r := row{figure: "GET /api/v1/units?level=commune&parent=31, throughput", db: db, unit: "req/s", target: ratioAtLeast(0.5)}
	dbURL, drop, err := b.database(db)
	if err == nil {
		defer drop()
		var out []byte
		out, err = b.output("http "+db, ctload, "-d", d.String(), "-c", fmt.Sprint(conc), "-database-url", dbURL)
		if err == nil {
			plat, base := readSingle(bytes.NewReader(out))
			r.value, r.ok, r.base, r.hasBase = plat, plat > 0, base, base > 0
		}
	}
	if err != nil {
		r.note = "failed: " + firstLine(err.Error())
	}
	return []row{r}
}

// mix drives the whole platform's mix at scale and reads its throughput,
// its public pages' worst p95, and the memory it took.
func (b *bench) mix(ctload, db string, scale, conc int, d time.Duration) []row {
	name := fmt.Sprintf("whole-platform mix, scale %d, %d connections", scale, conc)
	rows := []row{
		{figure: name + ", throughput", db: db, unit: "req/s", target: atLeast(1500, "req/s")},
		{figure: name + ", public pages' worst p95", db: db, unit: "ms", target: below(30, "ms")},
		{figure: name + ", peak heap in use (server and load in one process)", db: db, unit: "MiB"},
		{figure: name + ", max resident memory", db: db, unit: "MiB"},
	}
	dbURL, drop, err := b.database(db)
	if err == nil {
		defer drop()
		var out []byte
		out, err = b.output("mix "+db, ctload, "-mix", "-scale", fmt.Sprint(scale), "-c", fmt.Sprint(conc), "-d", d.String(), "-database-url", dbURL)
		if err == nil {
			f, rerr := readMix(bytes.NewReader(out))
			err = rerr
			rows[0].value, rows[0].ok, rows[0].base, rows[0].hasBase = f.rps, f.rps > 0, f.baseRPS, f.baseRPS > 0
			rows[1].value, rows[1].ok, rows[1].note = f.pagesP95, f.pagesP95 > 0, f.worstPage
			rows[2].value, rows[2].ok = f.heapMB, f.heapMB > 0
			rows[3].value, rows[3].ok = f.rssMB, f.rssMB > 0
		}
	}
	if err != nil {
		for i := range rows {
			rows[i].note = "failed: " + firstLine(err.Error())
		}
	}
	return rows
}

// output runs a command from the module's root, with the PostgreSQL
// server in its environment, and returns what it printed, also kept in a
// file named after what.
func (b *bench) output(what, name string, args ...string) ([]byte, error) {
	fmt.Fprintf(os.Stderr, "ctbench: %s …\n", what)
	c := exec.Command(name, args...)
	c.Env = append(os.Environ(), "CONGTHUONG_TEST_POSTGRES="+b.pg)
	var buf bytes.Buffer
	c.Stdout, c.Stderr = &buf, &buf
	t0 := time.Now()
	err := c.Run()
	file := filepath.Join(b.out, regexp.MustCompile(`[^a-z0-9]+`).ReplaceAllString(strings.ToLower(what), "-")+".txt")
	os.WriteFile(file, buf.Bytes(), 0o644)
	if err != nil {
		return nil, fmt.Errorf("%s: %v (output in %s)\n%s", what, err, file, tail(buf.String(), 2000))
	}
	fmt.Fprintf(os.Stderr, "ctbench: %s done in %s\n", what, time.Since(t0).Round(time.Second))
	return buf.Bytes(), nil
}

// readSingle reads ctload's one-path table: the platform's and the
// baseline's requests per second.
func readSingle(r io.Reader) (platform, baseline float64) {
	data, _ := io.ReadAll(r)
	for _, line := range strings.Split(string(data), "\n") {
		fields := strings.Fields(line)
		if len(fields) < 2 {
			continue
		}
		var v float64
		if _, err := fmt.Sscan(fields[1], &v); err != nil {
			continue
		}
		switch fields[0] {
		case "congthuong":
			platform = v
		case "net/http":
			baseline = v
		}
	}
	return platform, baseline
}

// machine says what the figures were measured on.
func machine() string {
	model := "unknown CPU"
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
	}
	return fmt.Sprintf("%d cores, %s, %s %s/%s", runtime.NumCPU(), model, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// commit is the measured commit, marked when the tree has changes.
func commit() string {
	out, err := exec.Command("git", "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "unknown"
	}
	c := strings.TrimSpace(string(out))
	if st, err := exec.Command("git", "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(bytes.TrimSpace(st)) > 0 {
		c += " (with uncommitted changes)"
	}
	return c
}
