package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"congthuong"
	"congthuong/internal/auth"
	"congthuong/internal/db"
	"congthuong/internal/news/newsdb"
	"congthuong/internal/park/parkdb"
	"congthuong/internal/store"
)

// request is one kind of request of the mix, with its weight and the
// statuses that count as served.
type request struct {
	name   string
	weight int
	build  func() (*http.Request, error)
	ok     func(status int) bool
}

// mixStats are one kind's figures.
type mixStats struct {
	durations []time.Duration
	errors    int
	firstErr  string // what the first failure said
}

func (m *mixStats) fail(what string) {
	if m.errors == 0 {
		m.firstErr = what
	}
	m.errors++
}

const mixPassword = "load-test-password"

// runMix drives a realistic mix for d from conc connections: public pages,
// API reads, logins, data entry and dossier filings, in the weights a
// department sees; then a bare net/http handler serving the mix's most
// frequent answer, as the baseline. It prints each kind's figures.
func runMix(ctx context.Context, st *store.Store, platform string, conc int, d time.Duration) error {
	sys := congthuong.NewContext(ctx, congthuong.System())
	users := []*auth.User{
		{Username: "mix-officer", Role: congthuong.RoleOfficer, UnitCode: "31"},
		{Username: "mix-firm", Role: congthuong.RoleEnterprise, UnitCode: "31", TaxCode: "0100233488"},
	}
	// People log in as themselves: the logins go round a department's
	// staff, so that the login throttle (per account and address) sees
	// what it would see in a department, not one account's storm.
	const loginStaff = 16
	for i := 1; i <= loginStaff; i++ {
		users = append(users, &auth.User{Username: fmt.Sprintf("mix-staff-%02d", i), Role: congthuong.RoleOfficer, UnitCode: "31"})
	}
	tokens := map[string]string{}
	for _, u := range users {
		u.DisplayName, u.Active = u.Username, true
		if err := st.CreateUser(sys, u, mixPassword); err != nil {
			return err
		}
		tok, err := st.CreateSession(ctx, u.ID)
		if err != nil {
			return err
		}
		tokens[u.Username] = tok
	}
	get := func(path, user string) func() (*http.Request, error) {
		return func() (*http.Request, error) {
			r, err := http.NewRequest("GET", platform+path, nil)
			if err == nil && user != "" {
				r.AddCookie(&http.Cookie{Name: "ct_session", Value: tokens[user]})
			}
			return r, err
		}
	}
	post := func(path, user, ctype string, body func() string) func() (*http.Request, error) {
		return func() (*http.Request, error) {
			r, err := http.NewRequest("POST", platform+path, strings.NewReader(body()))
			if err == nil {
				r.Header.Set("Content-Type", ctype)
				if user != "" {
					r.AddCookie(&http.Cookie{Name: "ct_session", Value: tokens[user]})
				}
			}
			return r, err
		}
	}
	is := func(codes ...int) func(int) bool {
		return func(s int) bool {
			for _, c := range codes {
				if s == c {
					return true
				}
			}
			return false
		}
	}
	// The portal's most read pages: the home page and the latest article.
	latest, _, err := st.News.List(ctx, newsdb.Filter{Page: db.Page{Limit: 1}})
	if err != nil || len(latest) == 0 {
		return fmt.Errorf("the demo has no published article: %v", err)
	}
	article := "/news/" + latest[0].Slug
	// An investor's most read site: the first of the department's parks.
	sites, _, err := st.Parks.FindParks(sys, parkdb.ParkFilter{Province: "31", Page: db.Page{Limit: 1}})
	if err != nil || len(sites) == 0 {
		return fmt.Errorf("the demo has no industrial park in Hải Phòng: %v", err)
	}
	site := "/parks/" + url.PathEscape(sites[0].Code)
	months := 0
	var mu sync.Mutex
	nextMonth := func() int { mu.Lock(); defer mu.Unlock(); months++; return months }
	logins := 0
	nextLogin := func() int { mu.Lock(); defer mu.Unlock(); logins++; return logins }
	mix := []request{
		{"page /", 10, get("/", ""), is(200)},
		{"page article", 6, get(article, ""), is(200)},
		{"page /parks", 10, get("/parks?province=31&kind=park", ""), is(200)},
		{"page /procedures", 8, get("/procedures?q=thuoc+la", ""), is(200)},
		{"page /stats", 7, get("/stats?indicator=RETAIL_SALES&period=2024&units=31", ""), is(200)},
		{"page /news", 3, get("/news", ""), is(200)},
		{"page /documents", 2, get("/documents?q=khuyen+mai", ""), is(200)},
		{"page /questions", 2, get("/questions", ""), is(200)},
		{"page a site", 4, get(site, ""), is(200)},
		{"api parks.geojson", 3, get("/api/v1/parks.geojson?province=31", ""), is(200)},
		{"page licence lookup", 4, get("/licences/lookup?q=thuoc+la", ""), is(200)},
		{"page /markets", 3, get("/markets", ""), is(200)},
		{"page /promotions", 2, get("/promotions", ""), is(200)},
		{"api markets.geojson", 2, get("/api/v1/markets.geojson?province=31", ""), is(200)},
		{"api parks", 15, get("/api/v1/parks?kind=cluster&min_free_ha=10", ""), is(200)},
		{"api units", 10, get("/api/v1/units?level=commune&parent=31", ""), is(200)},
		{"api procedures", 8, get("/api/v1/procedures?q=thuoc+la", ""), is(200)},
		{"api analytics", 7, get("/api/v1/stats/analytics?indicator=IIP&period=2024-01..2024-04&units=group:ct28_phiabac", ""), is(200)},
		{"api analytics communes", 4, get("/api/v1/stats/analytics?indicator=RETAIL_SALES&period=2026-01..2026-09&units=children:31", ""), is(200)},
		{"api worklist", 5, get("/api/v1/dossiers?due=overdue", "mix-officer"), is(200)},
		{"login", 2, post("/login", "", "application/x-www-form-urlencoded", func() string {
			who := fmt.Sprintf("mix-staff-%02d", nextLogin()%loginStaff+1)
			return url.Values{"username": {who}, "password": {mixPassword}}.Encode()
		}), is(303)},
		{"data entry", 5, post("/api/v1/stats/values/import", "mix-officer", "text/csv", func() string {
			// Months of 2030–2099, then again (revisions).
			m := nextMonth()
			return fmt.Sprintf("indicator,unit,period,value\nRETAIL_SALES,31,%d-%02d,%d\n", 2030+m%840/12, m%12+1, 1000+m)
		}), is(200)},
		{"dossier filing", 20, post("/api/v1/dossiers", "mix-firm", "application/json", func() string {
			return `{"procedure_code":"CT-KM-MAYRUI","unit_code":"31","applicant":{"name":"Công ty Mẫu","phone":"0912345678"},
				"form":{"tax_code":"0100233488","start_date":"2026-12-01","end_date":"2026-12-31"}}`
		}), is(201)},
	}
	total := 0
	for _, m := range mix {
		total += m.weight
	}
	tr := &http.Transport{MaxIdleConnsPerHost: conc, MaxConnsPerHost: conc, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	figures := make([]mixStats, len(mix))
	var locks chan *lockWaits
	if st.Dialect.Name == "postgres" {
		sampleCtx, stopSampling := context.WithTimeout(ctx, d)
		defer stopSampling()
		locks = make(chan *lockWaits, 1)
		go func() { locks <- sampleLocks(sampleCtx, st.Read.DB, 20*time.Millisecond) }()
	}
	memCtx, stopMem := context.WithTimeout(ctx, d)
	defer stopMem()
	heap := make(chan uint64, 1)
	go func() { heap <- peakHeap(memCtx, 250*time.Millisecond) }()
	stopProfile, err := profile()
	if err != nil {
		return err
	}
	deadline := time.Now().Add(d)
	start := time.Now()
	var wg sync.WaitGroup
	for i := 0; i < conc; i++ {
		wg.Add(1)
		go func(seed uint64) {
			defer wg.Done()
			rnd := rand.New(rand.NewPCG(seed, 1))
			mine := make([]mixStats, len(mix))
			for time.Now().Before(deadline) {
				pick := rnd.IntN(total)
				k := 0
				for ; pick >= mix[k].weight; k++ {
					pick -= mix[k].weight
				}
				req, err := mix[k].build()
				if err != nil {
					mine[k].fail(err.Error())
					continue
				}
				t0 := time.Now()
				res, err := client.Do(req)
				if err != nil {
					mine[k].fail(err.Error())
					continue
				}
				body, _ := io.ReadAll(res.Body)
				res.Body.Close()
				if !mix[k].ok(res.StatusCode) {
					mine[k].fail(fmt.Sprintf("%d %.200s", res.StatusCode, body))
					continue
				}
				mine[k].durations = append(mine[k].durations, time.Since(t0))
			}
			mu.Lock()
			for k := range mine {
				figures[k].durations = append(figures[k].durations, mine[k].durations...)
				if figures[k].errors == 0 {
					figures[k].firstErr = mine[k].firstErr
				}
				figures[k].errors += mine[k].errors
			}
			mu.Unlock()
		}(uint64(i))
	}
	wg.Wait()
	elapsed := time.Since(start)
	stopProfile()

	// The baseline serves the mix's most frequent answer from memory.
	res, err := http.Get(platform + "/api/v1/parks?kind=cluster&min_free_ha=10")
	if err != nil {
		return err
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	baseline, err := serve(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		io.Copy(w, bytes.NewReader(body))
	}))
	if err != nil {
		return err
	}
	base := load(baseline+"/", len(body), conc, d)

	fmt.Printf("mix, %d connections, %s, %s\n", conc, d, st.Dialect.Name)
	fmt.Printf("%-24s %9s %9s %9s %9s %7s\n", "request", "req/s", "p50", "p95", "p99", "errors")
	all := 0
	errs := 0
	for k, m := range mix {
		f := figures[k]
		sort.Slice(f.durations, func(i, j int) bool { return f.durations[i] < f.durations[j] })
		pct := func(p int) time.Duration {
			if len(f.durations) == 0 {
				return 0
			}
			return f.durations[len(f.durations)*p/100].Round(10 * time.Microsecond)
		}
		fmt.Printf("%-24s %9.0f %9s %9s %9s %7d\n", m.name, float64(len(f.durations))/elapsed.Seconds(), pct(50), pct(95), pct(99), f.errors)
		all += len(f.durations)
		errs += f.errors
	}
	fmt.Printf("%-24s %9.0f %9s %9s %9s %7d\n", "all", float64(all)/elapsed.Seconds(), "", "", "", errs)
	fmt.Printf("%-24s %9.0f %9s %9s %9s %7d\n", "net/http baseline", base.rps, base.p50, base.p95, base.p99, base.errors)
	fmt.Printf("ratio mix / net/http: %.2f\n", float64(all)/elapsed.Seconds()/base.rps)
	fmt.Println(memoryLine(<-heap))
	if locks != nil {
		fmt.Println(<-locks)
	}
	if errs > 0 {
		for k, m := range mix {
			if figures[k].errors > 0 {
				fmt.Printf("%s failed first with: %s\n", m.name, figures[k].firstErr)
			}
		}
		return fmt.Errorf("%d requests failed", errs)
	}
	return nil
}
