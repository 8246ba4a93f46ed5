package newsweb

import (
	"context"

	"congthuong/internal/db"
	"congthuong/internal/news/newsdb"
	"congthuong/internal/web"
)

// datasets offers the published news and announcements, without their
// bodies (the feeds and pages carry those).
func (s *handlers) datasets(ctx context.Context, p *web.Printer) ([]web.Dataset, error) {
	return []web.Dataset{{ID: "news", Title: p.T("news.dataset_title"), Description: p.T("news.dataset_text"),
		Keywords: []string{p.T("news.title")}, Theme: "GOVE", Frequency: web.FreqContinuous, Page: "/news",
		Columns: []string{"published", "kind", "category", "title", "summary", "url"},
		Rows: func(ctx context.Context, _ string, emit func([]string) error) error {
			return db.EachPage(func(page db.Page) ([]*newsdb.Article, error) {
				list, _, err := s.news.List(ctx, newsdb.Filter{Page: page})
				return list, err
			}, func(a *newsdb.Article) error {
				t, published := a.In(p.Lang()), ""
				if a.PublishAt != nil {
					published = a.PublishAt.Format("2006-01-02T15:04:05Z07:00")
				}
				return emit([]string{published, p.T("news.kind_" + a.Kind), p.T("news.category_" + a.Category), t.Title, t.Summary,
					s.AbsURL("/news/" + a.Slug)})
			})
		}}}, nil
}
