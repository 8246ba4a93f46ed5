package procedureweb_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	"congthuong"
	"congthuong/internal/auth"
	"congthuong/internal/procedure/proceduredb"
	"congthuong/internal/setup"
	"congthuong/internal/site"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/web"
	"congthuong/internal/webtest"
)

// BenchmarkSubmitDossiers has 100 enterprises file dossiers at once over
// HTTP on loopback for CONGTHUONG_BENCH_SECONDS (10 by default; the
// documented figures use 30), then checks that every acknowledged dossier
// is stored, under its own code.
func BenchmarkSubmitDossiers(b *testing.B) {
	seconds := 10
	if s, err := strconv.Atoi(os.Getenv("CONGTHUONG_BENCH_SECONDS")); err == nil && s > 0 {
		seconds = s
	}
	for _, db := range []struct {
		name string
		open func(testing.TB) *store.Store
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
		b.Run(db.name, func(b *testing.B) {
			st := db.open(b)
			ctx := context.Background()
			log := slog.New(slog.NewTextHandler(io.Discard, nil))
			if _, err := setup.Prepare(ctx, st, log, setup.Options{AdminPassword: webtest.TestPassword}); err != nil {
				b.Fatal(err)
			}
			srv, err := site.New(st, log, web.Options{SecureCookies: false})
			if err != nil {
				b.Fatal(err)
			}
			ts := httptest.NewServer(srv)
			defer ts.Close()
			sys := congthuong.NewContext(ctx, congthuong.System())
			u := &auth.User{Username: "bench", DisplayName: "bench", Role: congthuong.RoleEnterprise, UnitCode: "31", TaxCode: "0100233488", Active: true}
			if err := st.CreateUser(sys, u, webtest.TestPassword); err != nil {
				b.Fatal(err)
			}
			tok, err := st.CreateSession(ctx, u.ID)
			if err != nil {
				b.Fatal(err)
			}
			filing := []byte(`{"procedure_code":"CT-KM-MAYRUI","unit_code":"31","applicant":{"name":"Công ty Mẫu","phone":"0912345678"},
				"form":{"tax_code":"0100233488","start_date":"2026-12-01","end_date":"2026-12-31"}}`)
			const submitters = 100
			tr := &http.Transport{MaxIdleConnsPerHost: submitters, MaxConnsPerHost: submitters}
			defer tr.CloseIdleConnections()
			client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
			var mu sync.Mutex
			codes := map[string]bool{}
			var durations []time.Duration
			failures := 0
			deadline := time.Now().Add(time.Duration(seconds) * time.Second)
			b.ResetTimer()
			start := time.Now()
			var wg sync.WaitGroup
			for i := 0; i < submitters; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for time.Now().Before(deadline) {
						req, _ := http.NewRequest("POST", ts.URL+"/api/v1/dossiers", bytes.NewReader(filing))
						req.Header.Set("Content-Type", "application/json")
						req.AddCookie(&http.Cookie{Name: "ct_session", Value: tok})
						t0 := time.Now()
						res, err := client.Do(req)
						if err != nil {
							mu.Lock()
							failures++
							mu.Unlock()
							continue
						}
						var d struct {
							Code string `json:"code"`
						}
						json.NewDecoder(res.Body).Decode(&d)
						res.Body.Close()
						mu.Lock()
						if res.StatusCode != http.StatusCreated || d.Code == "" || codes[d.Code] {
							failures++
						} else {
							codes[d.Code] = true
							durations = append(durations, time.Since(t0))
						}
						mu.Unlock()
					}
				}()
			}
			wg.Wait()
			elapsed := time.Since(start)
			b.StopTimer()
			_, stored, err := st.FindDossiers(sys, proceduredb.DossierFilter{Page: store.Page{Limit: 1}})
			if err != nil || stored != len(codes) || failures > 0 {
				b.Fatalf("%d acknowledged, %d stored, %d failed or repeated: %v", len(codes), stored, failures, err)
			}
			b.ReportMetric(float64(len(codes))/elapsed.Seconds(), "dossiers/s")
			b.ReportMetric(p95ms(durations), "p95-ms")
			b.Logf("%s: %d dossiers in %s from %d submitters, every one stored under its own code", db.name, len(codes), elapsed.Round(time.Millisecond), submitters)
		})
	}
}

func p95ms(d []time.Duration) float64 {
	if len(d) == 0 {
		return 0
	}
	sorted := append([]time.Duration(nil), d...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	return float64(sorted[len(sorted)*95/100]) / 1e6
}
