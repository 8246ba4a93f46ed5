package unitweb

import (
	"context"
	"net/http"

	"congthuong/internal/db"
	"congthuong/internal/unit"
	"congthuong/internal/unit/unitdb"

	"congthuong/internal/web"
)

// home offers the administrative units.
func (s *handlers) home(r *http.Request) (web.HomePart, error) {
	p := s.PrinterFor(r)
	return web.HomePart{Services: []web.Service{{Order: 80, ID: "units", Title: p.T("units.home_title"),
		Text: p.T("units.home_text"), Link: "/units"}}}, nil
}

// sitemap lists the units' pages: the list and every unit valid today.
func (s *handlers) sitemap(ctx context.Context) ([]web.SitemapURL, error) {
	out := []web.SitemapURL{{Path: "/units"}}
	err := db.EachPage(func(page db.Page) ([]unit.Unit, error) {
		page.Sort = "code"
		list, _, err := s.units.FindUnits(ctx, unitdb.UnitFilter{ValidOn: s.Today(), Page: page})
		return list, err
	}, func(u unit.Unit) error {
		out = append(out, web.SitemapURL{Path: "/units/" + u.Code})
		return nil
	})
	return out, err
}
