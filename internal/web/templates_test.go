package web_test

import (
	"slices"
	"testing"

	"github.com/jba/templatecheck"

	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/webtest"
)

// TestTemplateTypes checks every page's template against the type of the
// data its handler gives it (web.PageOf): a field the template names that
// the type lacks, a function called with the wrong arguments or a range
// over what cannot be ranged fails here, not in front of a user on the
// branch a test did not walk.
func TestTemplateTypes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		types := e.Server.TemplateTypes()
		if len(types) < 35 {
			t.Fatalf("%d templates; the server lost some", len(types))
		}
		var untyped []string
		for name, tt := range types {
			if tt.Dot == nil {
				untyped = append(untyped, name)
				continue
			}
			if err := templatecheck.CheckHTML(tt.Template.Lookup("layout.html"), tt.Dot); err != nil {
				t.Errorf("template %s: %v", name, err)
			}
		}
		slices.Sort(untyped)
		if len(untyped) > 0 {
			t.Errorf("pages without a type for their data (Module.Types): %v", untyped)
		}
	})
}
