package web

import (
	"net/url"
	"testing"

	"congthuong/internal/store"
)

// FuzzQueryParams reads any query string with every list's reader: an
// error or a page within bounds, never a panic.
func FuzzQueryParams(f *testing.F) {
	for _, s := range []string{"limit=10&offset=20&sort=-name", "limit=-1", "limit=99999999999999999999", "min_free_ha=1,2,3",
		"max_port_km=NaN", "kind=zone&wastewater=maybe", "due=yesterday&status=x", "q=%00%ff", "sort=--", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		check := func(p store.Page) {
			if p.Limit < 0 || p.Limit > store.MaxLimit || p.Offset < 0 {
				t.Errorf("%q gave the page %+v", raw, p)
			}
		}
		if p, err := ListPage(q); err == nil {
			check(p)
		}
		if f, err := procedureFilter(q); err == nil {
			check(f.Page)
		}
		if f, err := dossierFilter(q); err == nil {
			check(f.Page)
		}
	})
}
