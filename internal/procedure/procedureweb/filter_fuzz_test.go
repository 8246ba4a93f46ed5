package procedureweb

import (
	"net/url"
	"testing"

	"congthuong/internal/db"
)

// FuzzFilters reads any query string as the catalogue's and the dossiers'
// filters: an error or a page within bounds, never a panic.
func FuzzFilters(f *testing.F) {
	for _, s := range []string{"limit=10&offset=20&sort=-code", "limit=-1", "limit=99999999999999999999", "due=yesterday&status=x",
		"level=9&online=maybe", "q=%00%ff", "sort=--", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		check := func(p db.Page) {
			if p.Limit < 0 || p.Limit > db.MaxLimit || p.Offset < 0 {
				t.Errorf("%q gave the page %+v", raw, p)
			}
		}
		if f, err := procedureFilter(q); err == nil {
			check(f.Page)
		}
		if f, err := dossierFilter(q); err == nil {
			check(f.Page)
		}
	})
}
