package procedureweb

import (
	"net/http"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/procedure"
	"congthuong/internal/procedure/proceduredb"
	"congthuong/internal/web"
)

// tasks are the reader's dossiers to act on, for their home page: for
// staff, the desk's counts (what awaits a leader's decision first); for an
// applicant, what the office asked of them, the results ready and the
// drafts not sent.
func (s *handlers) tasks(r *http.Request) ([]web.Task, error) {
	a := congthuong.ActorFrom(r.Context())
	p := s.PrinterFor(r)
	if a.IsStaff() {
		wl, err := s.procedures.Worklist(r.Context())
		if err != nil {
			return nil, err
		}
		var out []web.Task
		if a.Role == congthuong.RoleLeader || a.IsAdmin() {
			out = append(out, web.Task{Title: p.T("work.decide"), Count: wl.Decide, Counted: true, Link: "/dossiers?queue=decide", Urgent: wl.Decide > 0})
		}
		if a.CanWrite() {
			out = append(out, web.Task{Title: p.T("work.new"), Count: wl.New, Counted: true, Link: "/dossiers?queue=new"},
				web.Task{Title: p.T("work.mine"), Count: wl.Mine, Counted: true, Link: "/dossiers?queue=mine"})
		}
		out = append(out, web.Task{Title: p.T("work.overdue"), Count: wl.Overdue, Counted: true, Link: "/dossiers?due=overdue", Urgent: wl.Overdue > 0},
			web.Task{Title: p.T("work.today"), Count: wl.DueToday, Counted: true, Link: "/dossiers?due=today"},
			web.Task{Title: p.T("scorecard.title"), Link: "/dossiers/scorecard"})
		return out, nil
	}
	count := func(f proceduredb.DossierFilter) (int, error) {
		f.Page = db.Page{Limit: 1}
		_, n, err := s.procedures.FindDossiers(r.Context(), f)
		return n, err
	}
	asked, err := count(proceduredb.DossierFilter{Queue: "waiting"})
	if err != nil {
		return nil, err
	}
	ready, err := count(proceduredb.DossierFilter{Status: procedure.Processed})
	if err != nil {
		return nil, err
	}
	drafts, err := s.procedures.Drafts(r.Context())
	if err != nil {
		return nil, err
	}
	var out []web.Task
	if asked > 0 {
		out = append(out, web.Task{Title: p.T("tasks.asked"), Count: asked, Counted: true, Link: "/dossiers?queue=waiting", Urgent: true})
	}
	if ready > 0 {
		out = append(out, web.Task{Title: p.T("tasks.ready"), Count: ready, Counted: true, Link: "/dossiers?status=processed"})
	}
	if len(drafts) > 0 {
		out = append(out, web.Task{Title: p.T("tasks.drafts"), Count: len(drafts), Counted: true, Link: "/dossiers#drafts"})
	}
	return append(out, web.Task{Title: p.T("tasks.file"), Link: "/procedures"}, web.Task{Title: p.T("dossiers.mine"), Link: "/dossiers"}), nil
}
