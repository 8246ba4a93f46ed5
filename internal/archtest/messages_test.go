package archtest

import (
	"go/ast"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"congthuong"
	"congthuong/internal/i18n"
	_ "congthuong/internal/site" // every catalogue
)

// idShape is what a message ID looks like: words of lower-case letters,
// digits and underscores joined by dots, the first naming its namespace.
var idShape = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$`)

// quoted finds the quoted strings of a template or a script.
var quoted = regexp.MustCompile(`"([a-z][a-z0-9_.%]*)"|'([a-z][a-z0-9_.%]*)'`)

// fileName tells a file's name from a message ID of the same shape.
var fileName = regexp.MustCompile(`\.(html|json|js|css|go|sql|xlsx|csv|txt|png|svg|ico|docx|geojson|md|tmpl|gz|key)$`)

// messageUses is what the source says of message IDs: the literals shaped
// like one of the catalogue's namespaces, whole (exact, with where each is)
// or as the start of IDs made at run time (prefixes: "parks.status_" + s,
// printf "role.%s").
type messageUses struct {
	exact    map[string]string
	prefixes []string
}

func (u *messageUses) add(lit, where string, namespaces map[string]bool) {
	ns, _, ok := strings.Cut(lit, ".")
	if !ok || !namespaces[ns] {
		return
	}
	if i := strings.IndexByte(lit, '%'); i >= 0 {
		u.prefixes = append(u.prefixes, lit[:i])
		return
	}
	if strings.HasSuffix(lit, "_") || strings.HasSuffix(lit, ".") {
		u.prefixes = append(u.prefixes, lit)
		return
	}
	if idShape.MatchString(lit) {
		if _, seen := u.exact[lit]; !seen {
			u.exact[lit] = where
		}
	}
}

// findMessageUses reads every Go file but tests, every template and every
// script of the module.
func findMessageUses(t *testing.T, namespaces map[string]bool) *messageUses {
	t.Helper()
	u := &messageUses{exact: map[string]string{}}
	goFiles(t, func(path string, fset *token.FileSet, f *ast.File) {
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					u.add(s, fset.Position(lit.Pos()).String(), namespaces)
				}
			}
			return true
		})
	})
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules" || d.Name() == "testdata" || d.Name() == "vendor") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !(strings.HasSuffix(path, ".html") || strings.HasSuffix(path, ".js")) || strings.HasSuffix(path, ".min.js") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(b), "\n") {
			for _, m := range quoted.FindAllStringSubmatch(line, -1) {
				u.add(m[1]+m[2], path+":"+strconv.Itoa(i+1), namespaces)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestMessagesExist: every message ID the code, the templates and the
// scripts name is in the catalogues, in both languages (Load checks that
// each catalogue gives the same IDs in each). A page showing an ID no
// catalogue gives would show the ID itself.
func TestMessagesExist(t *testing.T) {
	c := i18n.Default()
	u := findMessageUses(t, namespaces(c))
	if len(u.exact) < 500 {
		t.Fatalf("found %d message IDs in the source; the search has broken", len(u.exact))
	}
	for id, where := range u.exact {
		if !c.Has(id) && !fileName.MatchString(id) {
			t.Errorf("%s: message %q is in no catalogue", where, id)
		}
	}
}

// TestMessagesUsed: every message of the catalogues is named by the code,
// a template or a script, whole or by a prefix the code completes at run
// time; a message nothing names is a translation nobody keeps right.
func TestMessagesUsed(t *testing.T) {
	c := i18n.Default()
	u := findMessageUses(t, namespaces(c))
	for _, id := range c.IDs() {
		if _, ok := u.exact[id]; ok {
			continue
		}
		if slices.ContainsFunc(u.prefixes, func(p string) bool { return strings.HasPrefix(id, p) }) {
			continue
		}
		t.Errorf("message %q (catalogue %s) is used nowhere", id, c.Owner(id))
	}
}

// TestDynamicMessages: the messages named by a value the code completes
// at run time (a role, a level, a flash) exist for every value.
func TestDynamicMessages(t *testing.T) {
	c := i18n.Default()
	ids := []string{"units.level_country", "units.level_province", "units.level_commune", "flash.saved", "flash.deleted", "flash.password_changed"}
	for _, r := range congthuong.Roles {
		ids = append(ids, "role."+string(r))
	}
	for _, id := range ids {
		if !c.Has(id) {
			t.Errorf("no message %s", id)
		}
	}
}

// namespaces are the first words of the catalogue's IDs.
func namespaces(c *i18n.Catalogue) map[string]bool {
	out := map[string]bool{}
	for _, id := range c.IDs() {
		ns, _, _ := strings.Cut(id, ".")
		out[ns] = true
	}
	return out
}
