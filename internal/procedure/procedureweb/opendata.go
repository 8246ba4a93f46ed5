package procedureweb

import (
	"context"
	"strconv"

	"congthuong/internal/db"
	"congthuong/internal/procedure"
	"congthuong/internal/procedure/proceduredb"
	"congthuong/internal/web"
)

// datasets offers the procedures' catalogue.
func (s *handlers) datasets(ctx context.Context, p *web.Printer) ([]web.Dataset, error) {
	return []web.Dataset{{ID: "procedures", Title: p.T("procedures.dataset_title"), Description: p.T("procedures.dataset_text"),
		Keywords: []string{p.T("procedures.home_file")}, Theme: "GOVE", Frequency: web.FreqIrregular, Page: "/procedures",
		Columns: []string{"code", "national_code", "name", "field", "level", "online", "working_days", "fee", "url"},
		Rows: func(ctx context.Context, _ string, emit func([]string) error) error {
			return db.EachPage(func(page db.Page) ([]*procedure.Procedure, error) {
				page.Sort = "code"
				list, _, err := s.procedures.FindProcedures(ctx, proceduredb.ProcedureFilter{Page: page})
				return list, err
			}, func(pr *procedure.Procedure) error {
				days := ""
				if pr.Term.WorkingDays > 0 {
					days = strconv.Itoa(pr.Term.WorkingDays)
				}
				fee := pr.Fee
				if p.Lang() == "en" && pr.FeeEN != "" {
					fee = pr.FeeEN
				}
				return emit([]string{pr.Code, pr.NationalCode, p.Name(pr.Name()), pr.Field, p.T("procedures.level_" + pr.Level),
					p.T("procedures.online_" + pr.Online), days, fee, s.AbsURL("/procedures/" + pr.Code)})
			})
		}}}, nil
}

// sitemap lists the procedures' public pages.
func (s *handlers) sitemap(ctx context.Context) ([]web.SitemapURL, error) {
	out := []web.SitemapURL{{Path: "/procedures"}, {Path: "/tracking"}, {Path: "/verify"}}
	err := db.EachPage(func(page db.Page) ([]*procedure.Procedure, error) {
		page.Sort = "code"
		list, _, err := s.procedures.FindProcedures(ctx, proceduredb.ProcedureFilter{Page: page})
		return list, err
	}, func(p *procedure.Procedure) error {
		out = append(out, web.SitemapURL{Path: "/procedures/" + p.Code})
		return nil
	})
	return out, err
}
