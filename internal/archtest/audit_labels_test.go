package archtest

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"congthuong/internal/i18n"
)

// audited finds what a change writes into the audit log: the action and
// the kind of record, a literal.
var audited = regexp.MustCompile(`audit\.[A-Z][A-Za-z]*, "([a-z_]+)"`)

// TestAuditLabels: every kind of record the code writes into the audit log
// has a name in the catalogue (audit.entity_…), so that the log's page
// never shows a table's name.
func TestAuditLabels(t *testing.T) {
	c := i18n.Default()
	seen := 0
	err := filepath.WalkDir(filepath.Join(root, "internal"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range audited.FindAllSubmatch(src, -1) {
			seen++
			if id := "audit.entity_" + string(m[1]); !c.Has(id) {
				rel, _ := filepath.Rel(root, path)
				t.Errorf("%s audits %q, which has no name (%s)", rel, m[1], id)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 20 {
		t.Errorf("found only %d audited changes: is the pattern still right?", seen)
	}
}
