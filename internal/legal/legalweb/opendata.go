package legalweb

import (
	"context"

	"congthuong/internal/calendar"
	"congthuong/internal/db"
	"congthuong/internal/legal"
	"congthuong/internal/legal/legaldb"
	"congthuong/internal/web"
)

// datasets offers the published legal documents.
func (s *handlers) datasets(ctx context.Context, p *web.Printer) ([]web.Dataset, error) {
	return []web.Dataset{{ID: "legal-documents", Title: p.T("legal.dataset_title"), Description: p.T("legal.dataset_text"),
		Keywords: []string{p.T("legal.home_title")}, Theme: "GOVE", Frequency: web.FreqIrregular, Page: "/documents",
		Columns: []string{"number", "type", "issuer", "signer", "field", "title", "issued_on", "effective_on", "expires_on", "status", "url"},
		Rows: func(ctx context.Context, _ string, emit func([]string) error) error {
			return db.EachPage(func(page db.Page) ([]*legal.Document, error) {
				list, _, err := s.library.List(ctx, legaldb.Filter{Page: page})
				return list, err
			}, func(d *legal.Document) error {
				return emit([]string{d.Number, p.T("legal.type_" + d.Type), d.Issuer, d.Signer, p.T("legal.field_" + d.Field),
					d.Title(p.Lang()), d.IssuedOn.String(), optionalDay(d.EffectiveOn), optionalDay(d.ExpiresOn),
					p.T("legal.status_" + d.Status), s.AbsURL("/documents/" + d.Slug)})
			})
		}}}, nil
}

// optionalDay writes a day that may be unknown.
func optionalDay(d *calendar.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}
