package parkweb_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"congthuong/internal/setup"
	"congthuong/internal/site"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/web"
	"congthuong/internal/webtest"
)

// BenchmarkParks5000 loads 5,000 published sites (polygons) with 200,000
// tenants and 16,670 plots through the imports (not timed), then measures, per database:
// a filtered list and the full GeoJSON as staff (built for each request,
// never cached) and as the public (cached), and a bare handler writing the
// GeoJSON's bytes as the baseline; and one site's plots.
func BenchmarkParks5000(b *testing.B) {
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
			start := time.Now()
			if err := setup.GenerateParks(ctx, st, 5000, 40); err != nil {
				b.Fatal(err)
			}
			b.Logf("%s: 5,000 sites and 200,000 tenants imported in %s", db.name, time.Since(start).Round(time.Millisecond))
			srv, err := site.New(st, log, web.Options{SecureCookies: true})
			if err != nil {
				b.Fatal(err)
			}
			admin, err := st.FindUserByUsername(ctx, setup.AdminUsername)
			if err != nil {
				b.Fatal(err)
			}
			tok, err := st.CreateSession(ctx, admin.ID)
			if err != nil {
				b.Fatal(err)
			}
			get := func(target string, staff bool) *httptest.ResponseRecorder {
				r := httptest.NewRequest("GET", target, nil)
				if staff {
					r.AddCookie(&http.Cookie{Name: "ct_session", Value: tok})
				}
				w := httptest.NewRecorder()
				srv.ServeHTTP(w, r)
				if w.Code != 200 {
					b.Fatalf("%s: %d %.300s", target, w.Code, w.Body)
				}
				return w
			}
			geo := get("/api/v1/parks.geojson", false).Body.Bytes()
			b.Logf("parks.geojson: %d bytes", len(geo))
			queries := []string{"/api/v1/parks?kind=cluster&min_free_ha=10", "/api/v1/parks?wastewater=1&max_port_km=20&sort=-free",
				"/api/v1/parks?q=khu+12", "/api/v1/parks?sector=C25&province=31", "/api/v1/parks?offset=4000"}
			for _, c := range []struct {
				name   string
				target func(i int) string
				staff  bool
			}{
				{"list-staff", func(i int) string { return queries[i%len(queries)] }, true},
				{"list-public", func(i int) string { return queries[i%len(queries)] }, false},
				{"geojson-staff", func(int) string { return "/api/v1/parks.geojson" }, true},
				{"geojson-public", func(int) string { return "/api/v1/parks.geojson" }, false},
				{"plots", func(i int) string { return fmt.Sprintf("/api/v1/parks/KCN-G%05d/plots", (i%1000)*3) }, false},
			} {
				b.Run(c.name, func(b *testing.B) {
					storetest.Timed(b, func(i int) { get(c.target(i), c.staff) })
				})
			}
			b.Run("geojson-baseline", func(b *testing.B) {
				h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("Content-Type", "application/geo+json; charset=utf-8")
					w.Write(geo)
				})
				storetest.Timed(b, func(int) {
					w := httptest.NewRecorder()
					h.ServeHTTP(w, httptest.NewRequest("GET", "/api/v1/parks.geojson", nil))
				})
			})
		})
	}
}
