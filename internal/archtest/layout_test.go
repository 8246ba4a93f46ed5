package archtest

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// The layout's rules (docs/ARCHITECTURE.md, "Packages and what they may
// import"), over what each package imports, directly or not.
const mod = "congthuong/internal/"

// modules are the capabilities with a domain package, its SQL (<m>db)
// and its handlers (<m>web), by rank: a module's SQL may use the SQL of a
// module of lower rank, never of the same or a higher one. The first four
// (and the legal library, beside accounts) are the shared reference
// modules every other may read; statistics come
// before parks and procedures, which parks write from inside their own
// transaction; commerce comes after procedures, whose approved dossiers
// issue its licences.
var modules = map[string]int{
	"calendar": 0, "unit": 1, "enterprise": 2, "auth": 3, "legal": 3,
	"stats": 4, "park": 5, "procedure": 5, "news": 5, "qa": 5,
	"commerce": 6,
}

// shared are the modules whose SQL another module's handlers may read.
func shared(m string) bool { return modules[m] <= modules["auth"] }

// pkgKind tells what a package of the module is: "domain" (a module's
// types and rules, or a shared helper without storage), "sql" and "web" of
// a module m, or "db", "webcore", "root", and "wiring" for the packages
// that put modules together (store, site, setup, the test helpers,
// commands).
func pkgKind(path string) (kind, m string) {
	switch {
	case path == "congthuong":
		return "root", ""
	case !strings.HasPrefix(path, mod):
		return "wiring", "" // commands, the embedded data
	}
	rel := strings.TrimPrefix(path, mod)
	parts := strings.Split(rel, "/")
	if _, ok := modules[parts[0]]; ok {
		switch {
		case len(parts) == 1:
			return "domain", parts[0]
		case parts[1] == parts[0]+"db":
			return "sql", parts[0]
		case parts[1] == parts[0]+"web":
			return "web", parts[0]
		}
		return "unknown", parts[0]
	}
	switch rel {
	case "db":
		return "db", ""
	case "web":
		return "webcore", ""
	case "audit", "tabular", "i18n", "config", "vietqr", "vsic":
		return "domain", ""
	case "store", "site", "setup", "storetest", "webtest", "mailer", "smtptest", "archtest":
		return "wiring", ""
	}
	return "unknown", ""
}

// mayImport says why from may not depend on to, or "" if it may; direct
// says that from imports to itself. The rules on the standard library and
// on reading another module's SQL hold for direct imports (a library may
// use net/http; parks' handlers reach statistics' SQL through parks'),
// the others for every dependency.
func mayImport(from, to string, direct bool) string {
	fk, fm := pkgKind(from)
	tk, tm := pkgKind(to)
	if !strings.HasPrefix(to, "congthuong") {
		if direct && (fk == "domain" || fk == "root") && (to == "database/sql" || to == "net/http") {
			return "domain code knows no SQL and no HTTP"
		}
		return ""
	}
	switch {
	case fk == "unknown":
		return "the package has no place in the layout; add it to the layout test and docs/ARCHITECTURE.md"
	case fk == "root":
		return "the root package imports the standard library only"
	case tk == "wiring" && fk != "wiring":
		return "only the wiring (commands, site, setup, test helpers) imports " + to
	case fk == "domain" && (tk == "sql" || tk == "web" || tk == "db" || tk == "webcore"):
		return "domain code imports no storage and no handlers"
	case fk == "db" && tk != "domain" && tk != "root":
		return "the database core imports no module"
	case fk == "db" && tm != "":
		return "the database core imports no module"
	case fk == "sql" && (tk == "web" || tk == "webcore"):
		return "SQL imports no handlers"
	case fk == "sql" && tk == "sql" && tm != fm && modules[tm] >= modules[fm]:
		return "a module's SQL uses only the SQL of modules ranked before it"
	case fk == "webcore" && tm != "" && !shared(tm):
		return "the web core imports no business module"
	case fk == "webcore" && tk == "web":
		return "the web core imports no module's handlers"
	case fk == "web" && tk == "web" && tm != fm:
		return "a module's handlers never import another module's handlers"
	case direct && fk == "web" && tk == "sql" && tm != fm && !shared(tm):
		return "a module's handlers read only its own SQL and the shared reference modules'"
	}
	return ""
}

// TestLayout checks every package's dependencies, direct or not, against
// the layout's rules.
func TestLayout(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}|{{join .Imports " "}}|{{join .Deps " "}}`, "congthuong/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	packages := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		from, rest, _ := strings.Cut(line, "|")
		imports, deps, _ := strings.Cut(rest, "|")
		direct := strings.Fields(imports)
		packages++
		for _, to := range strings.Fields(deps) {
			if why := mayImport(from, to, slices.Contains(direct, to)); why != "" {
				t.Errorf("%s depends on %s: %s", from, to, why)
			}
		}
	}
	if packages < 30 {
		t.Fatalf("go list gave %d packages", packages)
	}
}

// TestLayoutRules: the rules refuse what they are meant to.
func TestLayoutRules(t *testing.T) {
	refused := [][2]string{
		{mod + "park", "database/sql"},
		{mod + "stats", "net/http"},
		{mod + "procedure", mod + "procedure/proceduredb"},
		{mod + "db", mod + "unit"},
		{mod + "db", mod + "web"},
		{mod + "stats/statsdb", mod + "park/parkdb"},
		{mod + "park/parkdb", mod + "procedure/proceduredb"},
		{mod + "unit/unitdb", mod + "enterprise/enterprisedb"},
		{mod + "park/parkweb", mod + "stats/statsweb"},
		{mod + "park/parkweb", mod + "stats/statsdb"},
		{mod + "park/parkweb", mod + "store"},
		{mod + "web", mod + "stats"},
		{mod + "web", mod + "store"},
		{mod + "stats/statsdb", mod + "web"},
		{"congthuong", mod + "i18n"},
		{mod + "newthing", mod + "db"},
	}
	for _, r := range refused {
		if mayImport(r[0], r[1], true) == "" {
			t.Errorf("%s may import %s; the rules should refuse it", r[0], r[1])
		}
	}
	allowed := [][2]string{
		{mod + "park/parkdb", mod + "stats/statsdb"},
		{mod + "procedure/proceduredb", mod + "auth/authdb"},
		{mod + "park/parkweb", mod + "unit/unitdb"},
		{mod + "web", mod + "auth/authdb"},
		{mod + "site", mod + "park/parkweb"},
		{mod + "stats", mod + "tabular"},
	}
	for _, a := range allowed {
		if why := mayImport(a[0], a[1], true); why != "" {
			t.Errorf("%s may not import %s (%s); the rules should allow it", a[0], a[1], why)
		}
	}
	if mayImport(mod+"park/parkweb", mod+"stats/statsdb", false) != "" {
		t.Error("parks' handlers may reach statistics' SQL through parks' SQL")
	}
	if mayImport(mod+"park/parkweb", mod+"stats/statsweb", false) == "" {
		t.Error("a module's handlers may not reach another's handlers, even through a third package")
	}
}
