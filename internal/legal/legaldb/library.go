// Package legaldb keeps the legal documents library: documents, what they
// replace, and their files.
package legaldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/calendar"
	"congthuong/internal/db"
	"congthuong/internal/legal"
	"congthuong/internal/unit"
)

// Library is the legal documents' SQL.
type Library struct{ *db.DB }

// New returns the library over d.
func New(d *db.DB) *Library { return &Library{DB: d} }

const documentColumns = `id, slug, number, type, issuer, signer, field, title_vi, title_en, abstract_vi, abstract_en,
	issued_on, effective_on, expires_on, published, demo, version, modified_at, modified_by`

func scanDocument(sc db.Scanner) (*legal.Document, error) {
	var d legal.Document
	var issued string
	var effective, expires sql.NullString
	if err := sc.Scan(&d.ID, &d.Slug, &d.Number, &d.Type, &d.Issuer, &d.Signer, &d.Field, &d.TitleVI, &d.TitleEN, &d.AbstractVI,
		&d.AbstractEN, &issued, &effective, &expires, &d.Published, &d.Demo, &d.Version, &d.ModifiedAt, &d.ModifiedBy); err != nil {
		return nil, err
	}
	d.IssuedOn, _ = calendar.ParseDate(issued)
	d.EffectiveOn, d.ExpiresOn = dayOf(effective), dayOf(expires)
	d.ModifiedAt = d.ModifiedAt.UTC()
	d.Replaces, d.ReplacedBy = []legal.Relation{}, []legal.Relation{}
	return &d, nil
}

func dayOf(s sql.NullString) *calendar.Date {
	if !s.Valid {
		return nil
	}
	d, err := calendar.ParseDate(s.String)
	if err != nil {
		return nil
	}
	return &d
}

func dayText(d *calendar.Date) any {
	if d == nil {
		return nil
	}
	return d.String()
}

// today is the day in Vietnam by the store's clock.
func (s *Library) today() calendar.Date { return calendar.DateOf(s.Now()) }

// visible limits a query to what the actor reads: the public reads
// published documents; the library's keepers read all.
func visible(w *db.Where, actor congthuong.Actor, alias string) {
	if !legal.MayWrite(actor) {
		w.Add(alias + "published = TRUE")
	}
}

// Find reads a document by its address or number, with its relations and
// its status today.
func (s *Library) Find(ctx context.Context, key string) (*legal.Document, error) {
	w := &db.Where{}
	w.Add("(slug = ? OR slug = ?)", key, legal.Slug(key))
	visible(w, congthuong.ActorFrom(ctx), "")
	d, err := scanDocument(s.Read.QueryRowContext(ctx, `SELECT `+documentColumns+` FROM legal_documents`+w.SQL(), w.Args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congthuong.Errorf(congthuong.ENOTFOUND, "legal.no_document", key)
	}
	if err != nil {
		return nil, fmt.Errorf("legaldb: find document: %w", err)
	}
	if err := s.relate(ctx, []*legal.Document{d}); err != nil {
		return nil, err
	}
	return d, nil
}

// Filter selects documents.
type Filter struct {
	Q      string
	Type   string
	Field  string
	Status string
	Year   int
	Page   db.Page
}

var documentSorts = map[string]string{"issued": "issued_on", "number": "number", "effective": "effective_on"}

// statusSQL is the condition of each status today ($1 is today), the SQL
// form of legal.Document.StatusOn.
func statusSQL(status string) string {
	replacedBy := func(scope string) string {
		return `EXISTS (SELECT 1 FROM legal_replacements r JOIN legal_documents o ON o.id = r.document_id WHERE r.number = legal_documents.number
			AND r.scope = '` + scope + `' AND o.published = TRUE AND o.effective_on IS NOT NULL AND o.effective_on <= ?)`
	}
	expired := `(expires_on IS NOT NULL AND expires_on <= ?)`
	pending := `(effective_on IS NOT NULL AND effective_on > ?)`
	switch status {
	case legal.Expired:
		return expired
	case legal.Replaced:
		return "NOT " + expired + " AND " + replacedBy(legal.Whole)
	case legal.Pending:
		return "NOT " + expired + " AND NOT " + replacedBy(legal.Whole) + " AND " + pending
	case legal.PartlyReplaced:
		return "NOT " + expired + " AND NOT " + replacedBy(legal.Whole) + " AND NOT " + pending + " AND " + replacedBy(legal.Part)
	}
	return "NOT " + expired + " AND NOT " + replacedBy(legal.Whole) + " AND NOT " + pending + " AND NOT " + replacedBy(legal.Part)
}

// List reads a page of documents, newest issued first, and how many match.
func (s *Library) List(ctx context.Context, f Filter) ([]*legal.Document, int, error) {
	w := &db.Where{}
	visible(w, congthuong.ActorFrom(ctx), "")
	if f.Type != "" {
		w.Add("type = ?", f.Type)
	}
	if f.Field != "" {
		w.Add("field = ?", f.Field)
	}
	if f.Year > 0 {
		w.Add("issued_on >= ? AND issued_on < ?", fmt.Sprintf("%04d-01-01", f.Year), fmt.Sprintf("%04d-01-01", f.Year+1))
	}
	if slices.Contains(legal.Statuses, f.Status) {
		cond := statusSQL(f.Status)
		today := s.today().String()
		args := make([]any, strings.Count(cond, "?"))
		for i := range args {
			args[i] = today
		}
		w.Add(cond, args...)
	}
	w.Words("search_text", unit.Fold(f.Q))
	order, err := f.Page.OrderBy(documentSorts, "issued_on DESC", "id DESC")
	if err != nil {
		return nil, 0, err
	}
	docs, total, err := db.List(ctx, s.DB, "documents", db.Listing{Columns: documentColumns, From: "legal_documents", Where: w,
		Order: order, Page: f.Page}, scanDocument)
	if err != nil {
		return nil, 0, fmt.Errorf("legaldb: %w", err)
	}
	return docs, total, s.relate(ctx, docs)
}

// relate reads what the documents replace and what replaces them (the
// replacing documents the reader may see), and sets their status today.
func (s *Library) relate(ctx context.Context, docs []*legal.Document) error {
	if len(docs) == 0 {
		return nil
	}
	byID, byNumber := map[int64]*legal.Document{}, map[string]*legal.Document{}
	ids, numbers := make([]string, 0, len(docs)), make([]string, 0, len(docs))
	for _, d := range docs {
		byID[d.ID], byNumber[d.Number] = d, d
		ids = append(ids, strconv.FormatInt(d.ID, 10))
		numbers = append(numbers, d.Number)
	}
	// What they replace, with the replaced document's address when the
	// library holds it.
	w := &db.Where{}
	w.Add("r.document_id IN (" + strings.Join(ids, ", ") + ")")
	type rel struct {
		owner int64
		legal.Relation
	}
	scan := func(sc db.Scanner) (rel, error) {
		var r rel
		var slug, title, effective sql.NullString
		err := sc.Scan(&r.owner, &r.Number, &r.Scope, &slug, &title, &effective)
		r.Slug, r.TitleVI, r.EffectiveOn = slug.String, title.String, dayOf(effective)
		return r, err
	}
	actor := congthuong.ActorFrom(ctx)
	seen := "o.published = TRUE"
	if legal.MayWrite(actor) {
		seen = "1 = 1"
	}
	replaces, err := db.Collect(ctx, s.Read, `SELECT r.document_id, r.number, r.scope, o.slug, o.title_vi, o.effective_on
		FROM legal_replacements r LEFT JOIN legal_documents o ON o.number = r.number AND `+seen+w.SQL()+` ORDER BY r.number`, w.Args, scan)
	if err != nil {
		return fmt.Errorf("legaldb: replacements: %w", err)
	}
	for _, r := range replaces {
		byID[r.owner].Replaces = append(byID[r.owner].Replaces, r.Relation)
	}
	// What replaces them: the replacing documents the reader sees.
	w = &db.Where{}
	w.In("r.number", numbers)
	w.Add(seen)
	by, err := db.Collect(ctx, s.Read, `SELECT r.document_id, o.number, r.scope, o.slug, o.title_vi, o.effective_on, r.number
		FROM legal_replacements r JOIN legal_documents o ON o.id = r.document_id`+w.SQL()+` ORDER BY o.issued_on, o.id`, w.Args,
		func(sc db.Scanner) (rel, error) {
			var r rel
			var effective sql.NullString
			var replaced string
			err := sc.Scan(&r.owner, &r.Number, &r.Scope, &r.Slug, &r.TitleVI, &effective, &replaced)
			r.EffectiveOn = dayOf(effective)
			r.owner = byNumber[replaced].ID
			return r, err
		})
	if err != nil {
		return fmt.Errorf("legaldb: replaced by: %w", err)
	}
	for _, r := range by {
		byID[r.owner].ReplacedBy = append(byID[r.owner].ReplacedBy, r.Relation)
	}
	today := s.today()
	for _, d := range docs {
		d.Status = d.StatusOn(today)
	}
	return nil
}

// Numbers maps the document numbers found in texts (a procedure's legal
// basis) to the addresses of the published documents the library holds.
func (s *Library) Numbers(ctx context.Context, texts []string) (map[string]string, error) {
	var numbers []string
	for _, t := range texts {
		for _, n := range legal.NumberPattern.FindAllString(t, -1) {
			if !slices.Contains(numbers, n) {
				numbers = append(numbers, n)
			}
		}
	}
	out := map[string]string{}
	if len(numbers) == 0 {
		return out, nil
	}
	w := &db.Where{}
	w.In("number", numbers)
	w.Add("published = TRUE")
	rows, err := db.Collect(ctx, s.Read, `SELECT number, slug FROM legal_documents`+w.SQL(), w.Args, func(sc db.Scanner) ([2]string, error) {
		var x [2]string
		return x, sc.Scan(&x[0], &x[1])
	})
	if err != nil {
		return nil, fmt.Errorf("legaldb: numbers: %w", err)
	}
	for _, x := range rows {
		out[x[0]] = x[1]
	}
	return out, nil
}

// searchText is what search reads of a document.
func searchText(d *legal.Document) string {
	return unit.Fold(strings.Join([]string{d.Number, d.Issuer, d.Signer, d.TitleVI, d.TitleEN, d.AbstractVI, d.AbstractEN}, " "))
}

// Save creates a document (version 0) or replaces one at version, with
// what it replaces.
func (s *Library) Save(ctx context.Context, d *legal.Document) error {
	actor := congthuong.ActorFrom(ctx)
	if !legal.MayWrite(actor) {
		if actor.Anonymous() {
			return congthuong.Errorf(congthuong.EUNAUTHORIZED, "common.log_first")
		}
		return congthuong.Errorf(congthuong.EFORBIDDEN, "legal.only_department")
	}
	d.Normalize()
	if err := d.Validate(); err != nil {
		return err
	}
	return s.WithTx(ctx, func(tx *db.Tx) error {
		var before *legal.Document
		if d.ID != 0 {
			b, err := scanDocument(tx.QueryRowContext(ctx, `SELECT `+documentColumns+` FROM legal_documents WHERE id = $1`, d.ID))
			if errors.Is(err, sql.ErrNoRows) {
				return congthuong.Errorf(congthuong.ENOTFOUND, "legal.no_document", strconv.FormatInt(d.ID, 10))
			}
			if err != nil {
				return fmt.Errorf("legaldb: read document: %w", err)
			}
			if b.Version != d.Version {
				return congthuong.Errorf(congthuong.ECONFLICT, "legal.changed_meanwhile")
			}
			before = b
		}
		var other int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM legal_documents WHERE (number = $1 OR slug = $2) AND id <> $3`, d.Number,
			legal.Slug(d.Number), d.ID).Scan(&other)
		if err == nil {
			return congthuong.FieldErr(congthuong.ECONFLICT, "number", "legal.number_taken", d.Number)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("legaldb: number: %w", err)
		}
		d.Slug, d.ModifiedAt, d.ModifiedBy = legal.Slug(d.Number), tx.Now, tx.Actor.Name()
		args := []any{d.Slug, d.Number, d.Type, d.Issuer, d.Signer, d.Field, d.TitleVI, d.TitleEN, d.AbstractVI, d.AbstractEN,
			d.IssuedOn.String(), dayText(d.EffectiveOn), dayText(d.ExpiresOn), d.Published, d.Demo, searchText(d), tx.Now, d.ModifiedBy}
		if before == nil {
			d.Version = 1
			err = tx.QueryRowContext(ctx, `INSERT INTO legal_documents (slug, number, type, issuer, signer, field, title_vi, title_en,
				abstract_vi, abstract_en, issued_on, effective_on, expires_on, published, demo, search_text, created_at, created_by,
				modified_at, modified_by, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
				$18, $17, $18, 1) RETURNING id`, args...).Scan(&d.ID)
		} else {
			d.Version = before.Version + 1
			_, err = tx.ExecContext(ctx, `UPDATE legal_documents SET slug = $1, number = $2, type = $3, issuer = $4, signer = $5,
				field = $6, title_vi = $7, title_en = $8, abstract_vi = $9, abstract_en = $10, issued_on = $11, effective_on = $12,
				expires_on = $13, published = $14, demo = $15, search_text = $16, modified_at = $17, modified_by = $18, version = $19
				WHERE id = $20`, append(args, d.Version, d.ID)...)
		}
		if err != nil {
			return fmt.Errorf("legaldb: save document: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM legal_replacements WHERE document_id = $1`, d.ID); err != nil {
			return fmt.Errorf("legaldb: replacements: %w", err)
		}
		for _, r := range d.Replaces {
			if _, err := tx.ExecContext(ctx, `INSERT INTO legal_replacements (document_id, number, scope) VALUES ($1, $2, $3)
				ON CONFLICT (document_id, number) DO NOTHING`, d.ID, r.Number, r.Scope); err != nil {
				return fmt.Errorf("legaldb: replacements: %w", err)
			}
		}
		action, b := audit.Create, any(nil)
		if before != nil {
			action, b = audit.Update, *before
		}
		return tx.Audit(ctx, action, "legal_document", d.Number, "", b, *d)
	})
}
