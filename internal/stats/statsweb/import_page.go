package statsweb

import (
	"bytes"
	"net/http"
	"strings"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/stats"
	"congthuong/internal/stats/statsdb"
	"congthuong/internal/web"
)

// importPage is the form that imports figures from a file, the columns a
// file has, and what an upload did: the outcome (every bad row named,
// nothing written unless all are good) and the figures warned about.
type importPage struct {
	Columns, GrowthColumns string
	// Kind is what the file holds: values, or growth rates the
	// statistics office published (only the department imports those).
	Kind       string
	MayPublish bool
	web.ImportOutcome
	Warnings []web.ImportProblem
}

func (s *handlers) showImportValues(w http.ResponseWriter, r *http.Request) error {
	if a := congthuong.ActorFrom(r.Context()); !a.IsStaff() || !a.CanWrite() {
		return web.ForbiddenOrLogin(a)
	}
	web.Show(s.Server, w, r, http.StatusOK, "stats_import", &web.View{Title: s.PrinterFor(r).T("stats_import.title"), Nav: "stats"},
		newImportPage(r))
	return nil
}

func newImportPage(r *http.Request) importPage {
	page := importPage{Columns: strings.Join(stats.ValueColumns, ", "), GrowthColumns: strings.Join(stats.GrowthColumns, ", "),
		Kind: "values", MayPublish: congthuong.ActorFrom(r.Context()).IsDepartment()}
	if r.FormValue("kind") == "growth" && page.MayPublish {
		page.Kind = "growth"
	}
	return page
}

// doImportValues imports an uploaded file of figures, as the API does:
// "check only" runs it without writing.
func (s *handlers) doImportValues(w http.ResponseWriter, r *http.Request) error {
	if a := congthuong.ActorFrom(r.Context()); !a.IsStaff() || !a.CanWrite() {
		return web.ForbiddenOrLogin(a)
	}
	p := s.PrinterFor(r)
	v := &web.View{Title: p.T("stats_import.title"), Nav: "stats"}
	f, err := s.ReceiveImport(w, r)
	page := newImportPage(r)
	var res db.ImportResult
	if err == nil && page.Kind == "growth" {
		defer f.Release()
		var out statsdb.GrowthImportResult
		out, err = s.stats.ImportGrowth(f.Ctx, stats.ReadGrowthImport(bytes.NewReader(f.Body)), r.FormValue("dry_run") == "on")
		res = db.ImportResult{Rows: out.Rows, Created: out.Created, Updated: out.Updated, DryRun: out.DryRun}
	} else if err == nil {
		defer f.Release()
		var out statsdb.ValueImportResult
		out, err = s.stats.ImportValues(f.Ctx, stats.ReadValueImport(bytes.NewReader(f.Body)), r.FormValue("dry_run") == "on")
		res = db.ImportResult{Rows: out.Rows, Created: out.Created, Updated: out.Updated, Unchanged: out.Unchanged, DryRun: out.DryRun}
		for _, w := range out.Warnings {
			page.Warnings = append(page.Warnings, web.ImportProblem{Row: w.Row, Field: w.Field, Message: p.Message(w.Message, w.Args...)})
		}
	}
	if congthuong.ErrorCode(err) == congthuong.EINTERNAL {
		return err
	}
	page.ImportOutcome = web.Outcome(p, res, err)
	status := http.StatusOK
	if err != nil {
		v.Errors, v.Error = web.FormErrors(p, err)
		status = web.ErrorStatus(err)
	}
	web.Show(s.Server, w, r, status, "stats_import", v, page)
	return nil
}
