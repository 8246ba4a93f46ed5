package procedureweb

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/commerce"
	"congthuong/internal/procedure"
	"congthuong/internal/procedure/proceduredb"
	"congthuong/internal/vietqr"
	"congthuong/internal/web"
)

// dossierPage is a dossier as its viewer needs it: what it is, what to do
// next, the steps the viewer may take from where it is (and only those),
// its papers and its history.
type dossierPage struct {
	D dossierView
	// Fields are the procedure's form fields with their labels, in the
	// reader's language.
	Fields []labelled
	// Applicant says that the viewer is the dossier's applicant; Staff,
	// one of the desk's staff, who also read the office's notes.
	Applicant, Staff bool
	// Asked is the office's last request to the applicant (papers to add,
	// a fee) while it waits for them, with the message it came with.
	Asked procedure.Action
	// AskedMessage is what the office wrote with that request.
	AskedMessage string
	Steps        []stepForm
	// FeeQR is the VietQR code that pays the fee asked for, to Account,
	// the dossier's code its reference; empty when fees are paid at the
	// desk.
	FeeQR   template.HTML
	Account proceduredb.FeeAccount
	// RecordLicence is set for staff who may record, in the licences
	// register, the licence an approved dossier issued.
	RecordLicence bool
}

// labelled is one answer of the applicant's form, under its label.
type labelled struct{ Label, Value string }

// stepForm is one step the viewer may take, with the fields it needs: a
// message to the applicant (required where the law wants a reason), an
// internal note for staff, the officer to give the dossier to, papers.
type stepForm struct {
	Action       procedure.Action
	NeedsMessage bool
	// Message offers a message to the applicant; Note, an internal note.
	Message, Note bool
	Officers      []proceduredb.Officer
	Files         bool
	// Amount asks for the fee in đồng.
	Amount bool
	// Danger marks a step that ends or refuses the dossier.
	Danger bool
	// Values and Errors are what was typed into this form and what was
	// wrong with it, when it was sent and refused.
	Values url.Values
	Errors map[string]string
}

// Value is what was typed in the field, for the template.
func (f stepForm) Value(field string) string { return f.Values.Get(field) }

// ID is the element id of one of the form's fields.
func (f stepForm) ID(field string) string { return field + "-" + string(f.Action) }

func (s *handlers) showDossier(w http.ResponseWriter, r *http.Request) error {
	return s.renderDossier(w, r, http.StatusOK, "", nil, nil)
}

// renderDossier shows the dossier's page; a step that was refused (action,
// with the values sent and the error) is shown again as it was typed, with
// the error at the top and beside the field.
func (s *handlers) renderDossier(w http.ResponseWriter, r *http.Request, status int, failed procedure.Action, values url.Values, stepErr error) error {
	ctx := r.Context()
	d, events, err := s.procedures.FindDossier(ctx, r.PathValue("code"))
	if err != nil {
		return err
	}
	proc, err := s.procedures.FindProcedure(ctx, d.ProcedureCode)
	if err != nil {
		return err
	}
	p := s.PrinterFor(r)
	a := congthuong.ActorFrom(ctx)
	roles := procedure.RolesOf(a, proc, d)
	page := dossierPage{D: dossierView{Dossier: d, Overdue: d.Overdue(s.Now()), Events: events}}
	for _, role := range roles {
		page.Applicant = page.Applicant || role == procedure.AsApplicant
		page.Staff = page.Staff || role != procedure.AsApplicant
	}
	if _, issues := commerce.KindOfProcedure(d.ProcedureCode); issues && d.Outcome == "approved" && d.ResultNumber != "" && a.IsStaff() && a.CanWrite() {
		page.RecordLicence = true
	}
	for _, f := range proc.Fields {
		if v := d.Form[f.Name]; v != "" {
			if day, err := calendar.ParseDate(v); f.Type == "date" && err == nil {
				v = p.Date(day.At(12 * 60))
			}
			page.Fields = append(page.Fields, labelled{p.Name(congthuong.Name{VI: f.LabelVI, EN: f.LabelEN}), v})
		}
	}
	if d.Status == procedure.SupplementRequested || d.Status == procedure.FeeRequested {
		asked := procedure.RequestSupplement
		if d.Status == procedure.FeeRequested {
			asked = procedure.RequestFee
		}
		page.Asked = asked
		for _, e := range events {
			if e.Action == string(asked) {
				page.AskedMessage = e.Message
			}
		}
		if acct := s.procedures.FeeAccount; asked == procedure.RequestFee && page.Applicant && acct.BIN != "" && d.FeeAmount > 0 {
			payload, err := vietqr.Transfer{BIN: acct.BIN, Account: acct.Number, Amount: d.FeeAmount, Reference: d.Code}.Payload()
			if err != nil {
				return err
			}
			if page.FeeQR, err = web.QR(payload, p.T("dossiers.fee_qr_label")); err != nil {
				return err
			}
			page.Account = acct
		}
	}
	v := &web.View{Title: p.T("dossiers.dossier") + " " + d.Code, Nav: "dossiers", Anchors: map[string]string{}}
	for _, action := range procedure.Available(d.State, roles) {
		f := stepForm{Action: action, NeedsMessage: procedure.NeedsReason(action),
			Message: procedure.NeedsReason(action) || procedure.TellsApplicant(action), Note: page.Staff,
			Files: action == procedure.Supplement, Amount: action == procedure.RequestFee, Danger: action == procedure.RefuseIntake || action == procedure.Refuse ||
				action == procedure.Stop || action == procedure.Withdraw}
		if action == procedure.Assign {
			if f.Officers, err = s.procedures.DeskOfficers(ctx, d); err != nil {
				return err
			}
		}
		if action == failed {
			f.Values = values
			f.Errors, v.Error = web.FormErrors(p, stepErr)
			for field, msg := range f.Errors {
				v.Anchors[field] = f.ID(field)
				if v.Errors == nil {
					v.Errors = map[string]string{}
				}
				v.Errors[field] = msg
			}
		}
		page.Steps = append(page.Steps, f)
	}
	if failed != "" && v.Error == "" {
		v.Error = p.ErrorText(stepErr)
	}
	web.Show(s.Server, w, r, status, "dossier", v, page)
	return nil
}

// doStepDossier takes a workflow step from the dossier's page. A step the
// workflow or the checks refuse shows the page again with what was typed.
func (s *handlers) doStepDossier(w http.ResponseWriter, r *http.Request) error {
	if err := s.mayStep(r); err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFilingRequest)
	if err := r.ParseMultipartForm(web.MultipartMemory); err != nil && err != http.ErrNotMultipart {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	if err := web.CleanForm(r); err != nil {
		return err
	}
	var uploads []proceduredb.Upload
	if r.MultipartForm != nil {
		for _, hdr := range r.MultipartForm.File["file"] {
			if hdr.Size == 0 {
				continue // no file chosen
			}
			f, err := hdr.Open()
			if err != nil {
				return err
			}
			defer f.Close()
			uploads = append(uploads, proceduredb.Upload{FileName: hdr.Filename, Content: f})
		}
	}
	cal, err := s.schedules.Current(r.Context())
	if err != nil {
		return err
	}
	f := r.PostForm
	version, _ := strconv.Atoi(f.Get("version"))
	step := proceduredb.DossierStep{Action: procedure.Action(f.Get("action")), Message: f.Get("message"), Note: f.Get("note"),
		Handler: f.Get("handler"), Version: version}
	if raw := f.Get("amount"); raw != "" {
		// "200.000", "200 000" and "200000" are the same amount.
		step.Amount, _ = strconv.ParseInt(strings.NewReplacer(".", "", ",", "", " ", "").Replace(raw), 10, 64)
		if step.Amount == 0 {
			step.Amount = -1 // not a number: refused with the field's message
		}
	}
	if step.Action == procedure.Supplement && len(uploads) == 0 {
		err = congthuong.FieldErr(congthuong.EINVALID, "file", "procedureweb.choose_papers")
	} else {
		_, err = s.procedures.StepDossier(r.Context(), r.PathValue("code"), step, cal, uploads...)
	}
	if err != nil {
		switch congthuong.ErrorCode(err) {
		case congthuong.EINVALID, congthuong.ECONFLICT, congthuong.EFORBIDDEN:
			return s.renderDossier(w, r, web.ErrorStatus(err), step.Action, f, err)
		}
		return err
	}
	s.Flash(w, "flash.step_"+string(step.Action))
	http.Redirect(w, r, "/dossiers/"+url.PathEscape(r.PathValue("code")), http.StatusSeeOther)
	return nil
}
