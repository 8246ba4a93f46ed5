package parkweb

import (
	"net/url"
	"testing"

	"congthuong/internal/db"
)

// FuzzParkFilter reads any query string as the registry's filter: an error
// or a page within bounds and no negative area, never a panic.
func FuzzParkFilter(f *testing.F) {
	for _, s := range []string{"limit=10&offset=20&sort=-name", "limit=-1", "limit=99999999999999999999", "min_free_ha=1,2,3",
		"max_port_km=NaN", "kind=zone&wastewater=maybe", "q=%00%ff", "sort=--", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		if f, err := parkFilter(q); err == nil {
			if p := f.Page; p.Limit < 0 || p.Limit > db.MaxLimit || p.Offset < 0 {
				t.Errorf("%q gave the page %+v", raw, p)
			}
			if f.MinFree < 0 {
				t.Errorf("%q gave a negative area", raw)
			}
		}
	})
}
