package web

import (
	"net/url"
	"testing"

	"congthuong/internal/db"
)

// FuzzQueryParams reads any query string as a list's paging: an error or
// a page within bounds, never a panic.
func FuzzQueryParams(f *testing.F) {
	for _, s := range []string{"limit=10&offset=20&sort=-name", "limit=-1", "limit=99999999999999999999",
		"q=%00%ff", "sort=--", ""} {
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
		if p, err := ListPage(q); err == nil {
			check(p)
		}
	})
}
