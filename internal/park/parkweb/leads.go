package parkweb

import (
	"net/http"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/park"
	"congthuong/internal/park/parkdb"
	"congthuong/internal/web"
)

// interestPage is an investor's form to register interest in a site, and
// its confirmation once sent.
type interestPage struct {
	Site *park.Site
	L    park.Lead
	Land string
	web.Stamp
	Sent *park.Lead
}

func (s *handlers) interestView(w http.ResponseWriter, r *http.Request, status int, d interestPage, err error) {
	p := s.PrinterFor(r)
	d.Stamp = s.StampFor("interest")
	v := &web.View{Title: p.T("parks.interest_title"), Nav: "parks"}
	v.SetFormErrors(p, err)
	web.Show(s.Server, w, r, status, "park_interest", v, d)
}

func (s *handlers) showInterest(w http.ResponseWriter, r *http.Request) error {
	site, err := s.parks.FindPark(congthuong.NewContext(r.Context(), congthuong.Actor{}), r.PathValue("code"))
	if err != nil {
		return err
	}
	s.interestView(w, r, http.StatusOK, interestPage{Site: site}, nil)
	return nil
}

// doInterest records an investor's interest; programs are turned away as
// on every public form (web.Sender), and one client sends at most a few an
// hour.
func (s *handlers) doInterest(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	site, err := s.parks.FindPark(congthuong.NewContext(r.Context(), congthuong.Actor{}), r.PathValue("code"))
	if err != nil {
		return err
	}
	f := r.PostForm
	d := interestPage{Site: site, Land: strings.TrimSpace(f.Get("land_ha")), L: park.Lead{Name: f.Get("name"),
		Organisation: f.Get("organisation"), Email: f.Get("email"), Phone: f.Get("phone"), Sector: f.Get("sector"), Message: f.Get("message")}}
	human, stale := s.Sender(f, "interest")
	switch {
	case !human:
		s.interestView(w, r, http.StatusOK, interestPage{Site: site, Sent: &park.Lead{}}, nil)
		return nil
	case stale:
		s.interestView(w, r, http.StatusUnprocessableEntity, d, congthuong.Errorf(congthuong.EINVALID, "parks.form_expired"))
		return nil
	}
	if d.Land != "" {
		ha, err := strconv.ParseFloat(strings.ReplaceAll(d.Land, ",", "."), 64)
		if err != nil {
			s.interestView(w, r, http.StatusUnprocessableEntity, d, congthuong.FieldErr(congthuong.EINVALID, "land_ha", "park.lead_land_invalid"))
			return nil
		}
		d.L.LandHa = &ha
	}
	client := web.ClientOf(r)
	if s.interests.Wait(client) > 0 {
		return congthuong.Errorf(congthuong.ETOOMANY, "parks.too_many_interests")
	}
	lead, err := s.parks.RegisterInterest(r.Context(), site.Code, &d.L, s.PrinterFor(r).Lang())
	if err != nil {
		if congthuong.ErrorCode(err) != congthuong.EINVALID {
			return err
		}
		s.interestView(w, r, http.StatusUnprocessableEntity, d, err)
		return nil
	}
	s.interests.Fail(client)
	s.interestView(w, r, http.StatusOK, interestPage{Site: site, Sent: lead}, nil)
	return nil
}

// leadsPage is the department's list of investors' leads.
type leadsPage struct {
	Leads    []*park.Lead
	Pager    web.Pager
	Status   string
	Statuses []string
	Counts   map[string]int
	All      int
}

func (s *handlers) showLeads(w http.ResponseWriter, r *http.Request) error {
	a := congthuong.ActorFrom(r.Context())
	if !park.MayHandleLeads(a) {
		return web.ForbiddenOrLogin(a)
	}
	q := r.URL.Query()
	page, err := web.ListPage(q)
	if err != nil {
		return err
	}
	if page.Limit == 0 {
		page.Limit = 50
	}
	d := leadsPage{Statuses: park.LeadStatuses}
	if st := q.Get("status"); park.ValidLeadStatus(st) {
		d.Status = st
	}
	leads, total, err := s.parks.Leads(r.Context(), parkdb.LeadFilter{Status: d.Status, Site: strings.ToUpper(q.Get("site")), Page: page})
	if err != nil {
		return err
	}
	if d.Counts, err = s.parks.LeadCounts(r.Context()); err != nil {
		return err
	}
	for _, n := range d.Counts {
		d.All += n
	}
	d.Leads, d.Pager = leads, web.NewPager(total, page)
	web.Show(s.Server, w, r, http.StatusOK, "park_leads", &web.View{Title: s.PrinterFor(r).T("parks.leads_title"), Nav: "parks"}, d)
	return nil
}

// leadPage is one lead and its follow-up form.
type leadPage struct {
	Lead     *park.Lead
	Statuses []string
}

func (s *handlers) leadView(w http.ResponseWriter, r *http.Request, status int, lead *park.Lead, err error) {
	p := s.PrinterFor(r)
	v := &web.View{Title: p.T("parks.lead_title", lead.ID), Nav: "parks"}
	if err != nil {
		v.Errors, v.Error = web.FormErrors(p, err)
	}
	web.Show(s.Server, w, r, status, "park_lead", v, leadPage{Lead: lead, Statuses: park.LeadStatuses})
}

func (s *handlers) showLead(w http.ResponseWriter, r *http.Request) error {
	a := congthuong.ActorFrom(r.Context())
	if !park.MayHandleLeads(a) {
		return web.ForbiddenOrLogin(a)
	}
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	lead, err := s.parks.FindLead(r.Context(), id)
	if err != nil {
		return err
	}
	s.leadView(w, r, http.StatusOK, lead, nil)
	return nil
}

// doLead records the department's follow-up of a lead; a refused step is
// shown again as typed.
func (s *handlers) doLead(w http.ResponseWriter, r *http.Request) error {
	a := congthuong.ActorFrom(r.Context())
	if !park.MayHandleLeads(a) {
		return web.ForbiddenOrLogin(a)
	}
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	version, _ := strconv.Atoi(r.PostForm.Get("version"))
	step := parkdb.LeadStep{Version: version, Status: r.PostForm.Get("status"), Owner: r.PostForm.Get("owner"), Note: r.PostForm.Get("note")}
	if r.PostForm.Get("take") != "" {
		step.Owner = a.Username
	}
	if _, err := s.parks.FollowUp(r.Context(), id, step); err != nil {
		code := congthuong.ErrorCode(err)
		if code != congthuong.EINVALID && code != congthuong.ECONFLICT {
			return err
		}
		lead, ferr := s.parks.FindLead(r.Context(), id)
		if ferr != nil {
			return ferr
		}
		lead.Status, lead.Owner, lead.Note = step.Status, step.Owner, step.Note
		s.leadView(w, r, web.ErrorStatus(err), lead, err)
		return nil
	}
	s.Flash(w, "flash.saved")
	http.Redirect(w, r, "/leads/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	return nil
}

// tasks tells the staff who follow investors up how many new leads await
// them, for their home page.
func (s *handlers) tasks(r *http.Request) ([]web.Task, error) {
	if !park.MayHandleLeads(congthuong.ActorFrom(r.Context())) {
		return nil, nil
	}
	counts, err := s.parks.LeadCounts(r.Context())
	if err != nil || counts[park.LeadNew] == 0 {
		return nil, err
	}
	return []web.Task{{Title: s.PrinterFor(r).T("parks.task_new_leads"), Count: counts[park.LeadNew], Counted: true,
		Link: "/leads?status=" + park.LeadNew, Urgent: true}}, nil
}
