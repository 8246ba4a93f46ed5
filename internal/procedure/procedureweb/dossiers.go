package procedureweb

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/db"
	"congthuong/internal/procedure"
	"congthuong/internal/procedure/proceduredb"
	"congthuong/internal/stats"
	"congthuong/internal/web"
)

// dossierInput is what a filing sends.
type dossierInput struct {
	ProcedureCode string              `json:"procedure_code"`
	UnitCode      string              `json:"unit_code"`
	Channel       int                 `json:"channel"`
	Applicant     procedure.Applicant `json:"applicant"`
	Form          map[string]string   `json:"form"`
}

// readWithPapers reads a request's JSON into v: the body, or, for a
// multipart form, its part named part, with the "file" parts as papers.
// The caller closes the papers with the returned function.
func readWithPapers(w http.ResponseWriter, r *http.Request, part string, v any) ([]proceduredb.Upload, func(), error) {
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		return nil, func() {}, web.DecodeJSON(w, r, v)
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFilingRequest)
	if err := r.ParseMultipartForm(web.MultipartMemory); err != nil {
		return nil, func() {}, congthuong.FieldErr(congthuong.EINVALID, "file", "procedure.upload_could_not_read_at_most_files_mib", proceduredb.MaxDossierFiles, web.FileMiB)
	}
	if err := web.CleanForm(r); err != nil {
		return nil, func() {}, err
	}
	if err := json.Unmarshal([]byte(r.FormValue(part)), v); err != nil {
		return nil, func() {}, web.ErrBadJSON(err)
	}
	var uploads []proceduredb.Upload
	var opened []io.Closer
	closeAll := func() {
		for _, c := range opened {
			c.Close()
		}
	}
	for _, hdr := range r.MultipartForm.File["file"] {
		f, err := hdr.Open()
		if err != nil {
			closeAll()
			return nil, func() {}, err
		}
		opened = append(opened, f)
		uploads = append(uploads, proceduredb.Upload{FileName: hdr.Filename, Content: f})
	}
	return uploads, closeAll, nil
}

// apiSubmitDossier files a dossier: a JSON body, or a multipart form whose
// "dossier" part is that JSON and whose "file" parts are the papers (the
// part's name after "file:" naming the document, when given).
func (s *handlers) apiSubmitDossier(w http.ResponseWriter, r *http.Request) error {
	if err := web.RequireLogin(r); err != nil {
		return err // before the papers are read
	}
	var in dossierInput
	uploads, closeAll, err := readWithPapers(w, r, "dossier", &in)
	if err != nil {
		return err
	}
	defer closeAll()
	cal, err := s.schedules.Current(r.Context())
	if err != nil {
		return err
	}
	d := &procedure.Dossier{ProcedureCode: in.ProcedureCode, UnitCode: in.UnitCode, Channel: in.Channel, Applicant: in.Applicant, Form: in.Form}
	if err := s.procedures.SubmitDossier(r.Context(), d, cal, uploads...); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/dossiers/"+d.Code)
	web.WriteJSON(w, http.StatusCreated, d)
	return nil
}

// mayStep refuses a step on a dossier the actor cannot see before its
// papers are read: nobody uploads megabytes to a dossier that, for them,
// does not exist. The store checks the step itself.
func (s *handlers) mayStep(r *http.Request) error {
	if err := web.RequireLogin(r); err != nil {
		return err
	}
	_, _, err := s.procedures.FindDossier(r.Context(), r.PathValue("code"))
	return err
}

// dossierView is a dossier with its events and whether it is overdue now.
type dossierView struct {
	*procedure.Dossier
	Overdue bool                       `json:"overdue"`
	Events  []proceduredb.DossierEvent `json:"events"`
}

func (s *handlers) apiGetDossier(w http.ResponseWriter, r *http.Request) error {
	d, events, err := s.procedures.FindDossier(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, dossierView{Dossier: d, Overdue: d.Overdue(s.Now()), Events: events})
	return nil
}

// apiStepDossier takes a workflow step: JSON, or a multipart form whose
// "step" part is that JSON and whose "file" parts are a supplement's papers.
func (s *handlers) apiStepDossier(w http.ResponseWriter, r *http.Request) error {
	if err := s.mayStep(r); err != nil {
		return err
	}
	var step proceduredb.DossierStep
	uploads, closeAll, err := readWithPapers(w, r, "step", &step)
	if err != nil {
		return err
	}
	defer closeAll()
	cal, err := s.schedules.Current(r.Context())
	if err != nil {
		return err
	}
	d, err := s.procedures.StepDossier(r.Context(), r.PathValue("code"), step, cal, uploads...)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, d)
	return nil
}

// maxFilingRequest carries a dossier's filing or step with its papers.
const maxFilingRequest = proceduredb.MaxDossierFiles*db.MaxStoredFile + web.FormRoom

// The public's failed tracking questions are limited per client address:
// codes are sequential, so a guesser would otherwise try them all.
const (
	maxTrackingFailures = 20
	trackingWindow      = 10 * time.Minute
)

// apiTrackDossier is the public's question: a dossier's status and due
// time, given its code and the tracking key on the receipt or the
// applicant's phone.
func (s *handlers) apiTrackDossier(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	key := q.Get("key")
	if key == "" {
		key = q.Get("phone")
	}
	t, err := s.track(w, r, r.PathValue("code"), key)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	web.WriteJSON(w, http.StatusOK, t)
	return nil
}

// track asks the store, within the client's allowance of failures.
func (s *handlers) track(w http.ResponseWriter, r *http.Request, code, key string) (*proceduredb.Tracking, error) {
	client := web.ClientOf(r)
	if wait := s.tracking.Wait(client); wait > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait/time.Second)+1))
		return nil, congthuong.Errorf(congthuong.ETOOMANY, "procedure.too_many_dossiers_not_found_from_your")
	}
	t, err := s.procedures.TrackDossier(r.Context(), code, key)
	if congthuong.ErrorCode(err) == congthuong.ENOTFOUND {
		s.tracking.Fail(client)
	}
	return t, err
}

// dossierFilter reads status, due, q and paging.
func dossierFilter(q url.Values) (proceduredb.DossierFilter, error) {
	page, err := web.ListPage(q)
	return proceduredb.DossierFilter{Status: procedure.Status(q.Get("status")), Due: q.Get("due"), Queue: q.Get("queue"), Q: q.Get("q"), Page: page}, err
}

func (s *handlers) apiListDossiers(w http.ResponseWriter, r *http.Request) error {
	f, err := dossierFilter(r.URL.Query())
	if err != nil {
		return err
	}
	list, total, err := s.procedures.FindDossiers(r.Context(), f)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, web.NewList(list, total, f.Page))
	return nil
}

// dossiersPage is a page of the worklist.
type dossiersPage struct {
	Items    []dossierView
	Filter   proceduredb.DossierFilter
	Pager    web.Pager
	Statuses []procedure.Status
	// Applicant marks an applicant's own list, with their drafts and, for
	// each dossier, what they have to do next.
	Applicant bool
	Drafts    []draftRow
	// Work is the desk's counts, for staff; Leader marks a leader, who
	// decides.
	Work   *proceduredb.Worklist
	Leader bool
}

// draftRow is a draft in the applicant's list, under its procedure's name.
type draftRow struct {
	*procedure.Draft
	Name congthuong.Name
}

// trackingPage is the public's question (code and key) and its answer.
type trackingPage struct {
	Code, Key string
	T         *proceduredb.Tracking
}

// dossierFormPage is one printed form of a dossier: which, the dossier,
// its procedure and desk, and the note and time of the step it records.
type dossierFormPage struct {
	Form string
	D    *procedure.Dossier
	P    *procedure.Procedure
	Note string
	At   time.Time
	// Head is the issuing authority; Dated the place and date line.
	Head  procedure.Letterhead
	Dated string
	// Fields are the applicant's answers under their labels, the tax code
	// said once.
	Fields []labelled
	// Signer and SignLines are who signs the result and the lines above
	// their name; VerifyURL and QR where anyone checks it.
	Signer    *proceduredb.Signer
	SignLines []string
	VerifyURL string
	QR        template.HTML
	// Events are the dossier's steps, for the control sheet (form 05).
	Events []proceduredb.DossierEvent
}

// verifyPage is the number asked about and what the register says of it.
type verifyPage struct {
	Number string
	R      *proceduredb.ResultVerification
}

// showDossiers is the worklist: the desk's dossiers for staff (what is due
// today, tomorrow, overdue), its own for an enterprise.
func (s *handlers) showDossiers(w http.ResponseWriter, r *http.Request) error {
	a := congthuong.ActorFrom(r.Context())
	if a.Anonymous() {
		return web.ForbiddenOrLogin(a)
	}
	p := s.PrinterFor(r)
	f, err := dossierFilter(r.URL.Query())
	if err != nil {
		return err
	}
	list, total, err := s.procedures.FindDossiers(r.Context(), f)
	if err != nil {
		return err
	}
	now := s.Now()
	views := make([]dossierView, len(list))
	for i, d := range list {
		views[i] = dossierView{Dossier: d, Overdue: d.Overdue(now)}
	}
	page := dossiersPage{Items: views, Filter: f, Pager: web.NewPager(total, f.Page), Statuses: procedure.Statuses, Applicant: !a.IsStaff()}
	if a.IsStaff() {
		if page.Work, err = s.procedures.Worklist(r.Context()); err != nil {
			return err
		}
		page.Leader = a.Role == congthuong.RoleLeader || a.IsAdmin()
	}
	if page.Applicant {
		drafts, err := s.procedures.Drafts(r.Context())
		if err != nil {
			return err
		}
		for _, dr := range drafts {
			row := draftRow{Draft: dr, Name: congthuong.Name{VI: dr.ProcedureCode}}
			if proc, err := s.procedures.FindProcedure(r.Context(), dr.ProcedureCode); err == nil {
				row.Name = proc.Name()
			}
			page.Drafts = append(page.Drafts, row)
		}
	}
	web.Show(s.Server, w, r, http.StatusOK, "dossiers", &web.View{Title: p.T("dossiers.title"), Nav: "dossiers"}, page)
	return nil
}

// showTracking is the public's tracking form and answer.
func (s *handlers) showTracking(w http.ResponseWriter, r *http.Request) error {
	p := s.PrinterFor(r)
	q := r.URL.Query()
	v := &web.View{Title: p.T("tracking.title"), Nav: "procedures"}
	d := trackingPage{Code: q.Get("code"), Key: q.Get("key")}
	status := http.StatusOK
	if q.Get("code") != "" {
		t, err := s.track(w, r, q.Get("code"), q.Get("key"))
		switch congthuong.ErrorCode(err) {
		case "":
			d.T = t
		case congthuong.ENOTFOUND:
			v.Error, status = p.T("tracking.not_found"), http.StatusNotFound
		case congthuong.ETOOMANY:
			v.Error, status = p.T("tracking.too_many"), http.StatusTooManyRequests
		default:
			return err
		}
	}
	web.Show(s.Server, w, r, status, "tracking", v, d)
	return nil
}

func (s *handlers) apiVerifyResult(w http.ResponseWriter, r *http.Request) error {
	v, err := s.procedures.VerifyResult(r.Context(), r.URL.Query().Get("number"))
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, v)
	return nil
}

// apologyInput is an apology slip's new date (YYYY-MM-DD, at the close of
// office hours, or RFC 3339) and reason.
type apologyInput struct {
	NewDue string `json:"new_due"`
	Reason string `json:"reason"`
}

func (s *handlers) apiApologize(w http.ResponseWriter, r *http.Request) error {
	var in apologyInput
	if err := web.DecodeJSON(w, r, &in); err != nil {
		return err
	}
	d, err := s.apologize(r, in)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, d)
	return nil
}

func (s *handlers) apologize(r *http.Request, in apologyInput) (*procedure.Dossier, error) {
	due, err := time.Parse(time.RFC3339, in.NewDue)
	if err != nil {
		day, derr := calendar.ParseDate(in.NewDue)
		if derr != nil {
			return nil, congthuong.FieldErr(congthuong.EINVALID, "new_due", "procedure.write_new_date_as_yyyy_mm_dd")
		}
		cal, err := s.schedules.Current(r.Context())
		if err != nil {
			return nil, err
		}
		due = day.At(int(cal.OfficeHours().Close()))
	}
	return s.procedures.Apologize(r.Context(), r.PathValue("code"), due, in.Reason)
}

// doApologize gives an apology slip from the dossier's page.
func (s *handlers) doApologize(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	if _, err := s.apologize(r, apologyInput{NewDue: r.PostForm.Get("new_due"), Reason: r.PostForm.Get("reason")}); err != nil {
		return err
	}
	http.Redirect(w, r, "/dossiers/"+url.PathEscape(r.PathValue("code"))+"/forms/04", http.StatusSeeOther)
	return nil
}

// showDossierForm prints one of the one-stop forms of Circular
// 01/2018/TT-VPCP (01 receipt and appointment, 02 supplement request, 04
// apology and new appointment), or the result document of an approved
// dossier, which its number lets anyone verify.
func (s *handlers) showDossierForm(w http.ResponseWriter, r *http.Request) error {
	d, events, err := s.procedures.FindDossier(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	form := r.PathValue("form")
	var note string
	var at time.Time
	switch form {
	case "result":
		if d.ResultNumber == "" {
			return congthuong.Errorf(congthuong.ENOTFOUND, "procedure.dossier_has_no_result_document")
		}
	case "01":
		if d.ReceivedAt == nil {
			return congthuong.Errorf(congthuong.ECONFLICT, "procedure.dossier_not_received_yet")
		}
	case "03":
		for _, e := range events {
			if e.Action == string(procedure.RefuseIntake) {
				note, at = e.Message, e.At
			}
		}
		if at.IsZero() {
			return congthuong.Errorf(congthuong.ENOTFOUND, "procedure.no_form_this_dossier", form)
		}
	case "05":
		if d.ReceivedAt == nil || !congthuong.ActorFrom(r.Context()).IsStaff() {
			return congthuong.Errorf(congthuong.ENOTFOUND, "procedure.no_form_this_dossier", form)
		}
	case "fee":
		if d.FeePaidAt == nil {
			return congthuong.Errorf(congthuong.ENOTFOUND, "procedure.no_form_this_dossier", form)
		}
	case "02", "04":
		want := string(procedure.RequestSupplement)
		if form == "04" {
			want = "apologize"
		}
		for _, e := range events {
			if e.Action == want {
				note, at = e.Message, e.At
			}
		}
		if at.IsZero() {
			return congthuong.Errorf(congthuong.ENOTFOUND, "procedure.no_form_this_dossier", form)
		}
	default:
		return congthuong.Errorf(congthuong.ENOTFOUND, "procedure.no_form", form)
	}
	proc, err := s.procedures.FindProcedure(r.Context(), d.ProcedureCode)
	if err != nil {
		return err
	}
	u, err := s.units.FindUnit(r.Context(), d.UnitCode, s.Today())
	if err != nil {
		return err
	}
	p := s.PrinterFor(r)
	page := dossierFormPage{Form: form, D: d, P: proc, Note: note, At: at, Head: procedure.LetterheadOf(proc.Level, u)}
	for _, f := range proc.Fields {
		if v := d.Form[f.Name]; v != "" && !(f.Type == "tax_code" && v == d.Applicant.TaxCode) {
			if day, err := calendar.ParseDate(v); f.Type == "date" && err == nil {
				v = fmt.Sprintf("%02d/%02d/%d", day.Day, day.Month, day.Year)
			}
			page.Fields = append(page.Fields, labelled{f.LabelVI, v})
		}
	}
	switch form {
	case "result":
		if d.ResultAt != nil {
			page.Dated = page.Head.DateLine(*d.ResultAt)
		}
		if page.Signer, err = s.procedures.ResultSigner(r.Context(), d); err != nil {
			return err
		}
		title := ""
		if page.Signer != nil {
			title = page.Signer.Title
		}
		page.SignLines = page.Head.SignatureLines(title)
		page.VerifyURL = strings.TrimSuffix(s.procedures.SiteURL, "/") + "/verify?number=" + d.ResultNumber // digits, letters and slashes
		if page.QR, err = web.QR(page.VerifyURL, p.T("dossiers.qr_label")); err != nil {
			return err
		}
	case "01":
		page.Dated = page.Head.DateLine(*d.ReceivedAt)
	case "fee":
		page.Dated = page.Head.DateLine(*d.FeePaidAt)
	case "05":
		page.Dated, page.Events = page.Head.DateLine(*d.ReceivedAt), events
	default:
		page.Dated = page.Head.DateLine(at)
	}
	web.Show(s.Server, w, r, http.StatusOK, "dossier_form", &web.View{Title: p.T("dossiers.form_title_"+form) + " — " + d.Code, Nav: "dossiers"}, page)
	return nil
}

// showVerify is the public's check of a result document by its number.
func (s *handlers) showVerify(w http.ResponseWriter, r *http.Request) error {
	p := s.PrinterFor(r)
	number := r.URL.Query().Get("number")
	v := &web.View{Title: p.T("verify.title"), Nav: "procedures"}
	d := verifyPage{Number: number}
	status := http.StatusOK
	if number != "" {
		res, err := s.procedures.VerifyResult(r.Context(), number)
		switch congthuong.ErrorCode(err) {
		case "":
			d.R = res
		case congthuong.ENOTFOUND:
			status = http.StatusNotFound
		default:
			return err
		}
	}
	web.Show(s.Server, w, r, status, "verify", v, d)
	return nil
}

// apiDossierFile sends a paper of a dossier to its applicant or its desk.
func (s *handlers) apiDossierFile(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return congthuong.Errorf(congthuong.ENOTFOUND, "common.no_such_file")
	}
	f, content, err := s.procedures.OpenDossierFile(r.Context(), r.PathValue("code"), id)
	if err != nil {
		return err
	}
	defer content.Close()
	web.ServeFile(w, r, web.StoredFile{Name: f.FileName, Type: f.ContentType, SHA256: f.SHA256, Cache: "private, no-store"}, content)
	return nil
}

// scorecard reads ?unit= and ?period= and counts.
func (s *handlers) scorecard(r *http.Request) (*proceduredb.Scorecard, error) {
	q := r.URL.Query()
	p, err := stats.ParsePeriod(q.Get("period"))
	if err != nil {
		return nil, congthuong.FieldErrOf(congthuong.EINVALID, "period", err)
	}
	return s.procedures.Scorecard(r.Context(), q.Get("unit"), p)
}

func (s *handlers) apiScorecard(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.scorecard(r)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, sc)
	return nil
}

// exportScorecard writes a scorecard as a workbook: the counters and rates,
// then the dossiers that cost points.
func (s *handlers) exportScorecard(w http.ResponseWriter, r *http.Request) error {
	sc, err := s.scorecard(r)
	if err != nil {
		return err
	}
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }
	i := strconv.Itoa
	rows := [][]string{{"unit", sc.UnitCode}, {"period", sc.Period}, {"carried_over", i(sc.CarriedOver)}, {"received", i(sc.Received)},
		{"received_in_person", i(sc.ReceivedInPerson)}, {"received_online", i(sc.ReceivedOnline)}, {"received_by_post", i(sc.ReceivedByPost)},
		{"done_early", i(sc.DoneEarly)}, {"done_on_time", i(sc.DoneOnTime)}, {"done_late", i(sc.DoneLate)},
		{"in_progress_within", i(sc.InProgressWithin)}, {"in_progress_past", i(sc.InProgressPast)}, {"paused", i(sc.Paused)},
		{"on_time_rate", f(sc.OnTimeRate)}, {"online_rate", f(sc.OnlineRate)}, {"full_online_rate", f(sc.FullOnlineRate)},
		{"digitisation_rate", f(sc.DigitisationRate)}}
	for _, code := range sc.CostingPoints {
		rows = append(rows, []string{"costing_points", code})
	}
	return web.WriteWorkbook(w, "scorecard", []string{"item", "value"}, func(emit func([]string) error) error {
		for _, row := range rows {
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	})
}
