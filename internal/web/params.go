package web

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"

	"congthuong/internal/db"

	"congthuong"
)

// ListPage reads the paging every list shares: limit, offset and sort.
func ListPage(q url.Values) (db.Page, error) {
	var v congthuong.Validation
	p := db.Page{Sort: q.Get("sort")}
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > db.MaxLimit {
			v.Add("limit", "web.limit_must_whole_number_from_1", strconv.Itoa(db.MaxLimit))
		}
		p.Limit = n
	}
	if s := q.Get("offset"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			v.Add("offset", "web.offset_must_whole_number_0_more")
		}
		p.Offset = n
	}
	return p, v.Err("web.invalid_paging")
}

// List is the envelope of every List response.
type List[T any] struct {
	Items  []T `json:"items"`
	Total  int `json:"total"`
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
	// TotalCapped says that a search stopped counting at db.SearchLimit.
	TotalCapped bool `json:"total_capped,omitempty"`
}

func NewList[T any](items []T, total int, p db.Page) List[T] {
	limit := p.Limit
	if limit <= 0 {
		limit = db.DefaultLimit
	}
	if items == nil {
		items = []T{}
	}
	return List[T]{Items: items, Total: total, Limit: limit, Offset: p.Offset}
}

// maxJSONBody bounds request bodies of the JSON API.
const maxJSONBody = 1 << 20

// DecodeJSON reads a JSON body into v, refusing unknown fields so that a
// misspelt field is an error rather than silently ignored.
// A NUL character, which one database stores and the other refuses, is
// refused in any string.
func DecodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxJSONBody))
	if err != nil {
		return ErrBadJSON(err)
	}
	if bytes.Contains(body, []byte(`\u0000`)) {
		return errBadText
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return ErrBadJSON(err)
	}
	return nil
}

// Pager is what list pages need to draw previous/next links.
type Pager struct {
	Total, Limit, Offset int
	Capped               bool
}

func (p Pager) HasPrev() bool { return p.Offset > 0 }
func (p Pager) HasNext() bool { return p.Offset+p.Limit < p.Total }
func (p Pager) Prev() int     { return max(0, p.Offset-p.Limit) }
func (p Pager) Next() int     { return p.Offset + p.Limit }
func (p Pager) From() int {
	if p.Total == 0 {
		return 0
	}
	return p.Offset + 1
}
func (p Pager) To() int { return min(p.Total, p.Offset+p.Limit) }

func NewPager(total int, pg db.Page) Pager {
	limit := pg.Limit
	if limit <= 0 {
		limit = db.DefaultLimit
	}
	return Pager{Total: total, Limit: limit, Offset: pg.Offset}
}
