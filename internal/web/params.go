package web

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"

	"congthuong"
	"congthuong/internal/store"
)

// listPage reads the paging every list shares: limit, offset and sort.
func listPage(q url.Values) (store.Page, error) {
	var v congthuong.Validation
	p := store.Page{Sort: q.Get("sort")}
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > store.MaxLimit {
			v.Add("limit", "limit must be a whole number from 1 to "+strconv.Itoa(store.MaxLimit))
		}
		p.Limit = n
	}
	if s := q.Get("offset"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			v.Add("offset", "offset must be a whole number, 0 or more")
		}
		p.Offset = n
	}
	return p, v.Err("invalid paging")
}

// list is the envelope of every list response.
type list[T any] struct {
	Items  []T `json:"items"`
	Total  int `json:"total"`
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
	// TotalCapped says that a search stopped counting at store.SearchLimit.
	TotalCapped bool `json:"total_capped,omitempty"`
}

func newList[T any](items []T, total int, p store.Page) list[T] {
	limit := p.Limit
	if limit <= 0 {
		limit = store.DefaultLimit
	}
	if items == nil {
		items = []T{}
	}
	return list[T]{Items: items, Total: total, Limit: limit, Offset: p.Offset}
}

// maxJSONBody bounds request bodies of the JSON API.
const maxJSONBody = 1 << 20

// decodeJSON reads a JSON body into v, refusing unknown fields so that a
// misspelt field is an error rather than silently ignored.
// A NUL character, which one database stores and the other refuses, is
// refused in any string.
func decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxJSONBody))
	if err != nil {
		return errBadJSON(err)
	}
	if bytes.Contains(body, []byte(`\u0000`)) {
		return errBadText
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return errBadJSON(err)
	}
	return nil
}

// pager is what list pages need to draw previous/next links.
type pager struct {
	Total, Limit, Offset int
	Capped               bool
}

func (p pager) HasPrev() bool { return p.Offset > 0 }
func (p pager) HasNext() bool { return p.Offset+p.Limit < p.Total }
func (p pager) Prev() int     { return max(0, p.Offset-p.Limit) }
func (p pager) Next() int     { return p.Offset + p.Limit }
func (p pager) From() int {
	if p.Total == 0 {
		return 0
	}
	return p.Offset + 1
}
func (p pager) To() int { return min(p.Total, p.Offset+p.Limit) }

func newPager(total int, pg store.Page) pager {
	limit := pg.Limit
	if limit <= 0 {
		limit = store.DefaultLimit
	}
	return pager{Total: total, Limit: limit, Offset: pg.Offset}
}
