package parkweb

import (
	"context"
	"net/url"

	"congthuong"

	"congthuong/internal/park"
	"congthuong/internal/park/parkdb"
	"congthuong/internal/web"
)

// datasets offers the registry of industrial parks and clusters, in the
// columns of its import.
func (s *handlers) datasets(ctx context.Context, p *web.Printer) ([]web.Dataset, error) {
	return []web.Dataset{{ID: "industrial-parks", Title: p.T("parks.dataset_title"), Description: p.T("parks.dataset_text"),
		Keywords: []string{p.T("parks.home_title")}, Theme: "ECON", Frequency: web.FreqContinuous, Page: "/parks",
		Columns: park.SiteColumns,
		Rows: func(ctx context.Context, _ string, emit func([]string) error) error {
			return s.parks.EachPark(ctx, parkdb.ParkFilter{}, func(site *park.Site) error { return emit(park.SiteRecord(site)) })
		}}}, nil
}

// sitemap lists the registry's public pages: the map and every site.
func (s *handlers) sitemap(ctx context.Context) ([]web.SitemapURL, error) {
	out := []web.SitemapURL{{Path: "/parks"}, {Path: "/parks/summary"}}
	err := s.parks.EachPark(congthuong.NewContext(ctx, congthuong.Actor{}), parkdb.ParkFilter{}, func(site *park.Site) error {
		out = append(out, web.SitemapURL{Path: "/parks/" + url.PathEscape(site.Code), Modified: site.UpdatedAt})
		return nil
	})
	return out, err
}
