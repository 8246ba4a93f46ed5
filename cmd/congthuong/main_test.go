package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/config"
	"congthuong/internal/procedure"
	"congthuong/internal/procedure/proceduredb"
	"congthuong/internal/storetest"
)

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		// The crash tests' server: the platform itself, until it is killed.
		main()
		return
	}
	storetest.Main(m)
}

const adminPassword = "browser-test-password"

// startMain runs the platform on a free loopback port with a fresh data
// folder (or the given one), as the README's command would.
func startMain(t *testing.T, dir string, demo bool) *Main {
	t.Helper()
	m := newMain(dir, demo, adminPassword, io.Discard)
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	return m
}

// newMain configures, without starting, a platform on a free loopback port.
func newMain(dir string, demo bool, password string, out io.Writer) *Main {
	c := config.Default()
	c.Addr, c.DataDir, c.Demo, c.AdminPassword = "127.0.0.1:0", dir, demo, password
	return &Main{Config: c, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Out: out}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// TestFirstAndSecondStart checks that a first start creates everything and
// prints the one-time password once, and that a second start reuses it all.
func TestFirstAndSecondStart(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	m := newMain(dir, true, "", &out)
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "One-time password:") {
		t.Errorf("first start did not print the password: %q", out.String())
	}
	if code, body := get(t, m.URL()+"/api/v1/units?level=commune&parent=31"); code != 200 || !strings.Contains(body, `"total":114`) {
		t.Errorf("units: %d %.200s", code, body)
	}
	// The demo statistics reproduce the published figures.
	if code, body := get(t, m.URL()+"/api/v1/stats/analytics?indicator=IIP&period=2024-01..2024-04&units=group:ct28_phiabac"); code != 200 ||
		!strings.Contains(body, `"count":28,"count_growth_positive":25,"count_growth_at_least_10":11`) {
		t.Errorf("demo industrial production of the 28 northern localities: %d %.300s", code, body)
	}
	if code, body := get(t, m.URL()+"/api/v1/stats/analytics?indicator=RETAIL_SALES&period=2024&units=31"); code != 200 ||
		!strings.Contains(body, `"value":225784`) || !strings.Contains(body, `"growth_pct":13.6`) {
		t.Errorf("demo retail sales of Hải Phòng: %d %.400s", code, body)
	}
	// Hải Phòng's parks and clusters, in the counts and areas published for mid-2025.
	if code, body := get(t, m.URL()+"/api/v1/parks/summary?by=province"); code != 200 ||
		!strings.Contains(body, `{"unit_code":"31","kind":"park","count":40,"planned_ha":11208,`) ||
		!strings.Contains(body, `{"unit_code":"31","kind":"cluster","count":79,"planned_ha":3837.5,`) {
		t.Errorf("demo parks and clusters: %d %.400s", code, body)
	}
	// A few hundred demo dossiers, in every state, some overdue.
	sysCtx := congthuong.NewContext(context.Background(), congthuong.System())
	if _, total, err := m.Store.FindDossiers(sysCtx, proceduredb.DossierFilter{}); err != nil || total != 300 {
		t.Errorf("demo dossiers: %d %v", total, err)
	}
	for _, st := range []procedure.Status{procedure.Received, procedure.Processing, procedure.SupplementRequested, procedure.Returned, procedure.Withdrawn} {
		if _, n, _ := m.Store.FindDossiers(sysCtx, proceduredb.DossierFilter{Status: st}); n == 0 {
			t.Errorf("no demo dossier is %s", st)
		}
	}
	// Hải Phòng's catalogue: 132 procedures online, 111 of them in full.
	if _, body := get(t, m.URL()+"/api/v1/procedures?limit=1"); !strings.Contains(body, `"total":132`) {
		t.Errorf("demo catalogue: %.200s", body)
	}
	if _, body := get(t, m.URL()+"/api/v1/procedures?limit=1&online=full"); !strings.Contains(body, `"total":111`) {
		t.Errorf("demo catalogue, full online: %.200s", body)
	}
	if code, body := get(t, m.URL()+"/api/v1/parks?q=dinh+vu"); code != 200 || !strings.Contains(body, `"eco_status":"converting"`) {
		t.Errorf("Đình Vũ, being converted to an eco-industrial park: %d %.300s", code, body)
	}
	if code, body := get(t, m.URL()+"/"); code != 200 || !strings.Contains(body, "demo-banner") {
		t.Errorf("home lacks the demo banner: %d", code)
	}
	// The shipped calendar overrides are loaded once: one an administrator
	// deletes stays deleted.
	sys := congthuong.NewContext(context.Background(), congthuong.System())
	overrides, err := m.Store.CalendarOverrides(sys)
	if err != nil || len(overrides) != len(calendar.ShippedOverrides()) {
		t.Fatalf("first start loaded %d calendar overrides, %v", len(overrides), err)
	}
	if err := m.Store.DeleteCalendarOverride(sys, overrides[0].Date, overrides[0].Scope); err != nil {
		t.Fatal(err)
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	m2 := newMain(dir, true, "", &out)
	if err := m2.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer m2.Close()
	if out.Len() != 0 {
		t.Errorf("second start printed %q", out.String())
	}
	// The administrator and the demo's four accounts, whose passwords the
	// administrator resets to act as them.
	if n, _ := m2.Store.CountUsers(context.Background()); n != 5 {
		t.Errorf("second start has %d users, want the administrator and 4 demo accounts", n)
	}
	if again, _ := m2.Store.CalendarOverrides(sys); len(again) != len(overrides)-1 {
		t.Errorf("second start has %d calendar overrides, want %d", len(again), len(overrides)-1)
	}
}

// TestCommands runs the administration commands as a user would.
func TestCommands(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"CONGTHUONG_DATA": dir, "CONGTHUONG_ADMIN_PASSWORD": adminPassword}
	getenv := func(k string) string { return env[k] }
	sh := func(args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := run(context.Background(), args, &out, &errOut, getenv)
		return code, out.String(), errOut.String()
	}
	if code, out, _ := sh("openapi"); code != 0 || !strings.Contains(out, `"/api/v1/parks/{code}"`) || !strings.Contains(out, `"/api/v1/me"`) {
		t.Errorf("openapi: %d, the document lacks a module's paths", code)
	}
	if code, out, _ := sh("migrate"); code != 0 || !strings.Contains(out, "0001_init.sql") {
		t.Fatalf("migrate: %d %s", code, out)
	}
	if code, out, _ := sh("migrate"); code != 0 || !strings.Contains(out, "up to date") {
		t.Errorf("second migrate: %d %s", code, out)
	}
	if code, out, errOut := sh("user", "add", "lan", "commune", "11560"); code != 0 || !strings.Contains(out, "one-time password") {
		t.Fatalf("user add: %d %s %s", code, out, errOut)
	}
	if code, _, errOut := sh("user", "add", "lan", "commune", "11560"); code == 0 || !strings.Contains(errOut, "already taken") {
		t.Errorf("duplicate user add: %d %s", code, errOut)
	}
	if code, out, _ := sh("user", "reset-password", "lan"); code != 0 || !strings.Contains(out, "new one-time password") {
		t.Errorf("reset: %d %s", code, out)
	}
	csv := filepath.Join(dir, "e.csv")
	os.WriteFile(csv, []byte("tax_code,name,unit_code\n0100233488,Công ty A,11560\n0100233480,Công ty B,99999\n"), 0o644)
	if code, _, errOut := sh("import", "enterprises", csv); code == 0 || !strings.Contains(errOut, "row 3, column tax_code") ||
		!strings.Contains(errOut, "row 3, column unit_code") {
		t.Errorf("bad import: %d %s", code, errOut)
	}
	os.WriteFile(csv, []byte("tax_code,name,unit_code\n0100233488,Công ty A,11560\n"), 0o644)
	if code, out, _ := sh("import", "enterprises", csv); code != 0 || !strings.Contains(out, "1 created") {
		t.Errorf("import: %d %s", code, out)
	}
	if code, out, errOut := sh("indicator", "add", "code=export_share", "name_vi=Tỷ trọng xuất khẩu", "name_en=Export share",
		"measure=%", "kind=formula", "formula=EXPORTS / (EXPORTS + IMPORTS) * 100", "decimals=1"); code != 0 || !strings.Contains(out, "EXPORT_SHARE saved") {
		t.Errorf("indicator add: %d %s %s", code, out, errOut)
	}
	if code, _, errOut := sh("indicator", "add", "code=BAD_SHARE", "name_vi=x", "name_en=x", "measure=%", "kind=formula",
		"formula=EXPORTS / GDP"); code == 0 || !strings.Contains(errOut, "no indicator GDP") {
		t.Errorf("indicator add with an unknown input: %d %s", code, errOut)
	}
	if code, out, _ := sh("indicator", "list"); code != 0 || !strings.Contains(out, "EXPORT_SHARE") || !strings.Contains(out, "RETAIL_SALES") {
		t.Errorf("indicator list: %d %s", code, out)
	}
	values := filepath.Join(dir, "v.csv")
	os.WriteFile(values, []byte("indicator,unit,period,value\nRETAIL_SALES,31,2024,225784\nEXPORTS,30,2025-08,1\nGDP,31,2024,1\n"), 0o644)
	if code, _, errOut := sh("import", "values", values); code == 0 || !strings.Contains(errOut, "row 3, column unit") ||
		!strings.Contains(errOut, "row 4, column indicator") {
		t.Errorf("bad value import: %d %s", code, errOut)
	}
	os.WriteFile(values, []byte("indicator,unit,period,value\nRETAIL_SALES,31,2024,225784\n"), 0o644)
	if code, out, _ := sh("import", "values", values); code != 0 || !strings.Contains(out, "1 created") {
		t.Errorf("value import: %d %s", code, out)
	}
	if code, out, _ := sh("import", "values", values); code != 0 || !strings.Contains(out, "1 unchanged") {
		t.Errorf("value re-import: %d %s", code, out)
	}
	if code, out, errOut := sh("files", "check", "verify=true"); code != 0 || !strings.Contains(out, `"missing": []`) {
		t.Errorf("files check: %d %s %s", code, out, errOut)
	}
	if code, _, errOut := sh("files", "prune", "older_than=10m"); code == 0 || !strings.Contains(errOut, "younger than an hour") {
		t.Errorf("files prune of young files: %d %s", code, errOut)
	}
	if code, _, errOut := sh("files", "sweep"); code == 0 || !strings.Contains(errOut, "usage: congthuong files") {
		t.Errorf("files with an unknown verb: %d %s", code, errOut)
	}
	// Parks from a sheet, then from GeoJSON (a polygon).
	parks := filepath.Join(dir, "parks.csv")
	os.WriteFile(parks, []byte("code,kind,name_vi,unit_code,status,planned_ha\nCCN-X,cluster,Cụm X,11560,planned,\"42,5\"\nCCN-Y,cluster,Cụm Y,99999,planned,20\n"), 0o644)
	if code, _, errOut := sh("import", "parks", parks); code == 0 || !strings.Contains(errOut, "row 3, column unit_code") {
		t.Errorf("bad park import: %d %s", code, errOut)
	}
	os.WriteFile(parks, []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[106.6,20.8],[106.7,20.8],[106.7,20.9],[106.6,20.8]]]},
		"properties":{"code":"CCN-X","kind":"cluster","type":"general","name_vi":"Cụm X","unit_code":"11560","status":"planned","planned_ha":42.5}}]}`), 0o644)
	if code, out, errOut := sh("import", "parks", parks); code != 0 || !strings.Contains(out, "1 created") {
		t.Errorf("GeoJSON park import: %d %s %s", code, out, errOut)
	}
	// The calendar command gives the API's answers.
	if code, out, errOut := sh("calendar", "deadline", "received=2025-04-25T09:00:00+07:00", "working_days=3"); code != 0 ||
		!strings.Contains(out, `"due": "2025-04-29T17:00:00+07:00"`) {
		t.Errorf("calendar deadline: %d %s %s", code, out, errOut)
	}
	if code, out, _ := sh("calendar", "days", "from=2026-04-26", "to=2026-04-27"); code != 0 ||
		!strings.Contains(out, `"name_vi": "Giỗ Tổ Hùng Vương"`) || !strings.Contains(out, `"kind": "compensatory"`) {
		t.Errorf("calendar days: %d %s", code, out)
	}
	if code, _, errOut := sh("calendar", "deadline", "received=soon", "working_days=3"); code == 0 || !strings.Contains(errOut, "received") {
		t.Errorf("calendar deadline with a bad time: %d %s", code, errOut)
	}
	if code, _, errOut := sh("calendar", "week"); code == 0 || !strings.Contains(errOut, "usage") {
		t.Errorf("calendar week: %d %s", code, errOut)
	}
	if code, out, _ := sh("audit", "verify"); code != 0 || !strings.Contains(out, "intact") {
		t.Fatalf("verify: %d %s", code, out)
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	if code, out, errOut := sh("backup", backup); code != 0 {
		t.Fatalf("backup: %s %s", out, errOut)
	}

	// Tamper with the log behind the platform's back: verify names the entry.
	m := startMain(t, dir, false)
	if _, err := m.Store.Read.Exec(`UPDATE audit_log SET after = '{"name":"forged"}' WHERE entity = 'enterprise'`); err != nil {
		t.Fatal(err)
	}
	m.Close()
	if code, _, errOut := sh("audit", "verify"); code == 0 || !strings.Contains(errOut, "altered") {
		t.Errorf("verify after tampering: %d %s", code, errOut)
	}
	// Restoring the backup brings back the intact chain.
	if code, out, errOut := sh("restore", backup); code != 0 || !strings.Contains(out, "kept as") {
		t.Fatalf("restore: %d %s %s", code, out, errOut)
	}
	if code, out, _ := sh("audit", "verify"); code != 0 || !strings.Contains(out, "intact") {
		t.Errorf("verify after restore: %d %s", code, out)
	}
	// Each verification and backup anchored the head outside the database,
	// so deleting the newest entries shows.
	if b, err := os.ReadFile(filepath.Join(dir, "audit-anchors.log")); err != nil || strings.Count(string(b), "\n") != 3 {
		t.Errorf("anchors: %q, %v", b, err)
	}
	m = startMain(t, dir, false)
	if _, err := m.Store.Read.Exec(`DELETE FROM audit_log WHERE id > (SELECT MAX(id) - 3 FROM audit_log)`); err != nil {
		t.Fatal(err)
	}
	m.Close()
	if code, _, errOut := sh("audit", "verify"); code == 0 || !strings.Contains(errOut, "newest entries were removed") {
		t.Errorf("verify after the newest entries were deleted: %d %s", code, errOut)
	}
	// Without its key a sealed log is not written to.
	os.Rename(filepath.Join(dir, "audit.key"), filepath.Join(dir, "audit.key.moved"))
	if code, _, errOut := sh("audit", "verify"); code == 0 || !strings.Contains(errOut, "audit.key is missing") {
		t.Errorf("verify without the key: %d %s", code, errOut)
	}
	if code, _, _ := sh("frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d", code)
	}
}

func systemCtx() context.Context {
	return congthuong.NewContext(context.Background(), congthuong.System())
}
