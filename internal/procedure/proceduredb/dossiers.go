package proceduredb

import (
	"context"
	"crypto/subtle"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/auth/authdb"
	"congthuong/internal/calendar"
	"congthuong/internal/db"
	"congthuong/internal/enterprise"
	"congthuong/internal/procedure"
	"congthuong/internal/unit"
)

const dossierColumns = `d.id, d.code, d.procedure_code, p.name_vi, d.unit_code, d.province_code, d.channel, d.applicant_name,
	d.applicant_tax_code, d.applicant_phone, d.applicant_email, d.applicant_address, d.form, d.status, d.stage,
	d.supplement_requested, d.outcome, d.handler, d.submitted_at, d.received_at, d.due_at, d.pauses, d.finished_at, d.demo, d.version,
	d.result_number, d.result_at, d.apology_due, d.created_by, d.tracking_key, d.fee_amount, d.fee_paid_at`

const dossierFrom = ` FROM dossiers d JOIN procedures p ON p.code = d.procedure_code`

func scanDossier(r db.Scanner) (*procedure.Dossier, error) {
	var d procedure.Dossier
	var form, pauses string
	var received, due, finished, resultAt, apology, feePaid sql.NullTime
	var result sql.NullString
	if err := r.Scan(&d.ID, &d.Code, &d.ProcedureCode, &d.ProcedureName, &d.UnitCode, &d.ProvinceCode, &d.Channel, &d.Applicant.Name,
		&d.Applicant.TaxCode, &d.Applicant.Phone, &d.Applicant.Email, &d.Applicant.Address, &form, &d.Status, &d.Stage,
		&d.SupplementRequested, &d.Outcome, &d.Handler, &d.SubmittedAt, &received, &due, &pauses, &finished, &d.Demo, &d.Version,
		&result, &resultAt, &apology, &d.CreatedBy, &d.TrackingKey, &d.FeeAmount, &feePaid); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(form), &d.Form); err != nil {
		return nil, fmt.Errorf("proceduredb: dossier %s form: %w", d.Code, err)
	}
	if err := json.Unmarshal([]byte(pauses), &d.Pauses); err != nil {
		return nil, fmt.Errorf("proceduredb: dossier %s pauses: %w", d.Code, err)
	}
	d.SubmittedAt = d.SubmittedAt.UTC()
	d.ReceivedAt, d.DueAt, d.FinishedAt = db.UTCPtr(received), db.UTCPtr(due), db.UTCPtr(finished)
	d.ResultNumber, d.ResultAt, d.ApologyDue = result.String, db.UTCPtr(resultAt), db.UTCPtr(apology)
	d.FeePaidAt = db.UTCPtr(feePaid)
	return &d, nil
}

// dossierByCode reads a dossier by its code, whoever asks: the callers
// check access.
func dossierByCode(ctx context.Context, q db.Queryer, code string) (*procedure.Dossier, error) {
	return scanDossier(q.QueryRowContext(ctx, `SELECT `+dossierColumns+dossierFrom+` WHERE d.code = $1`, strings.TrimSpace(code)))
}

// SubmitDossier files a dossier: online by an applicant (submitted, waiting
// for the one-stop desk), or recorded by an officer of the handling unit for
// a filing in person or by post (received at once, due date set). The code
// is taken in the same transaction: unique however many file at once.
func (s *Procedures) SubmitDossier(ctx context.Context, d *procedure.Dossier, cal *calendar.Calendar, files ...Upload) error {
	proc, err := s.checkFiling(ctx, d)
	if err != nil {
		return err
	}
	stored, discard, err := s.storeUploads(files)
	if err != nil {
		return err
	}
	if err := s.file(ctx, d, proc, cal, stored, nil); err != nil {
		discard()
		return err
	}
	return nil
}

// checkFiling checks a filing before anything is stored: the procedure,
// what the applicant gives (procedure.Dossier.Validate), the handling unit
// and, at a desk, that it is the officer's. It sets what the filer does not
// choose: the channel, an enterprise's own tax code, the unit's province.
func (s *Procedures) checkFiling(ctx context.Context, d *procedure.Dossier) (*procedure.Procedure, error) {
	a := congthuong.ActorFrom(ctx)
	if a.Anonymous() {
		return nil, congthuong.Errorf(congthuong.EUNAUTHORIZED, "procedure.log_file_dossier")
	}
	// A lookup that finds nothing is the user's mistake; one that fails
	// (the database gone) is not, and must not read as one.
	proc, err := s.FindProcedure(ctx, d.ProcedureCode)
	if congthuong.ErrorCode(err) == congthuong.ENOTFOUND {
		return nil, congthuong.FieldErr(congthuong.EINVALID, "procedure_code", "procedure.no_procedure_code", d.ProcedureCode)
	} else if err != nil {
		return nil, err
	}
	d.ProcedureCode, d.ProcedureName = proc.Code, proc.NameVI
	staff := a.IsStaff() || a.System
	switch {
	case !staff:
		d.Channel = procedure.Online
		if a.Role == congthuong.RoleEnterprise {
			d.Applicant.TaxCode = a.TaxCode // an enterprise files as itself
		}
	case d.Channel == 0:
		d.Channel = procedure.InPerson
	case d.Channel == procedure.Online && !a.System:
		// A filing typed in at the desk came in person or by post: counted
		// as online, it would raise the Decision 766 online rate.
		return nil, congthuong.FieldErr(congthuong.EINVALID, "channel", "procedure.filing_recorded_at_desk_came_person_1_by")
	}
	if tc, err := enterprise.ParseTaxCode(d.Applicant.TaxCode); err == nil {
		d.Applicant.TaxCode = tc
	}
	var v congthuong.Validation
	v.Merge(d.Validate(proc))
	// The handling unit: the province for the department's procedures, the
	// commune (in force today) for the communes'.
	u, err := s.units.FindUnit(ctx, strings.TrimSpace(d.UnitCode), unit.Today(s.NowUTC()))
	switch {
	case strings.TrimSpace(d.UnitCode) == "":
		v.Add("unit_code", "procedure.choose_unit")
	case congthuong.ErrorCode(err) == congthuong.ENOTFOUND:
		v.Add("unit_code", "common.no_administrative_unit_code_force_today", d.UnitCode)
	case err != nil:
		return nil, err
	case proc.Level == procedure.Commune && u.Level != unit.Commune:
		v.Add("unit_code", "procedure.this_procedure_handled_by_commune_give")
	case proc.Level == procedure.Province && u.Level != unit.Province:
		v.Add("unit_code", "procedure.this_procedure_handled_by_province_s")
	default:
		d.UnitCode, d.ProvinceCode = u.Code, u.ProvinceCode()
	}
	if err := v.Err("procedure.dossier_has_invalid_fields"); err != nil {
		return nil, err
	}
	if staff && !a.System && !procedure.MayReceive(a, proc, d) {
		return nil, congthuong.Errorf(congthuong.EFORBIDDEN, "procedure.dossiers_received_by_own_officers", u.FullName)
	}
	return proc, nil
}

// file writes the dossier d of proc with its papers, already stored, and
// whatever more (when not nil) must happen in the same transaction.
func (s *Procedures) file(ctx context.Context, d *procedure.Dossier, proc *procedure.Procedure, cal *calendar.Calendar,
	stored []procedure.File, more func(tx *db.Tx) error) error {
	a := congthuong.ActorFrom(ctx)
	staff := a.IsStaff() || a.System
	return s.WithTx(ctx, func(tx *db.Tx) error {
		now := tx.Now
		day := calendar.DateOf(now)
		agency, err := agencyCode(ctx, tx, proc.Level, d.UnitCode)
		if err != nil {
			return err
		}
		var seq int
		if err := tx.QueryRowContext(ctx, `INSERT INTO dossier_sequences (agency, day, last) VALUES ($1, $2, 1)
			ON CONFLICT (agency, day) DO UPDATE SET last = dossier_sequences.last + 1 RETURNING last`, agency, day.String()).Scan(&seq); err != nil {
			return fmt.Errorf("proceduredb: dossier sequence: %w", err)
		}
		d.Code = procedure.DossierCode(agency, day, seq)
		if d.TrackingKey, err = procedure.NewTrackingKey(); err != nil {
			return err
		}
		d.SubmittedAt, d.Version, d.CreatedBy = now, 1, a.Name()
		d.State = procedure.State{Status: procedure.Submitted}
		action := "submit"
		if staff {
			// Recorded at the desk: received now, its clock running.
			d.Status, action = procedure.Received, string(procedure.Receive)
			due, err := procedure.Due(cal, proc, now, nil)
			if err != nil {
				return err
			}
			due = due.UTC() // stored in UTC, so that times compare as text on SQLite
			d.ReceivedAt, d.DueAt = &now, &due
		}
		form, _ := json.Marshal(nonNilForm(d.Form))
		if err := tx.QueryRowContext(ctx, `INSERT INTO dossiers (code, procedure_code, unit_code, province_code, channel, applicant_name,
			applicant_tax_code, applicant_phone, applicant_email, applicant_address, form, status, submitted_at, received_at, due_at,
			created_by, demo, version, tracking_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
			$18, $19) RETURNING id`,
			d.Code, d.ProcedureCode, d.UnitCode, d.ProvinceCode, d.Channel, d.Applicant.Name, d.Applicant.TaxCode, d.Applicant.Phone,
			d.Applicant.Email, d.Applicant.Address, string(form), string(d.Status), now, d.ReceivedAt, d.DueAt, a.Name(), d.Demo,
			d.Version, d.TrackingKey).Scan(&d.ID); err != nil {
			return fmt.Errorf("proceduredb: file dossier: %w", err)
		}
		if err := recount(ctx, tx, nil, tally{unit: d.UnitCode, channel: d.Channel, status: d.Status, received: d.ReceivedAt}); err != nil {
			return err
		}
		if err := dossierEvent(ctx, tx, d.ID, string(procedure.FilerRole(staff)), action, procedure.Submitted, d.Status, "", ""); err != nil {
			return err
		}
		for i := range stored {
			if err := addDossierFile(ctx, tx, d.ID, &stored[i]); err != nil {
				return err
			}
		}
		d.Files = stored
		if err := s.mail(ctx, tx, d, procedure.Filed, ""); err != nil {
			return err
		}
		if more != nil {
			if err := more(tx); err != nil {
				return err
			}
		}
		return tx.Audit(ctx, audit.Create, "dossier", d.Code, d.UnitCode, nil, d)
	})
}

func nonNilForm(f map[string]string) map[string]string {
	if f == nil {
		return map[string]string{}
	}
	return f
}

func dossierEvent(ctx context.Context, tx *db.Tx, id int64, role, action string, from, to procedure.Status, note, message string) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO dossier_events (dossier_id, at, actor, role, action, from_status, to_status, note, message)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, id, tx.Now, tx.Actor.Name(), role, action, string(from), string(to), note, message); err != nil {
		return fmt.Errorf("proceduredb: dossier event: %w", err)
	}
	return nil
}

// DossierStep is a step asked of the workflow.
type DossierStep struct {
	Action procedure.Action `json:"action"`
	// Message is what the applicant is told with the step (the reason of
	// a refusal, what papers are missing); Note stays inside the office.
	Message string `json:"message,omitempty"`
	Note    string `json:"note,omitempty"`
	// Handler is the officer's user name, for assign.
	Handler string `json:"handler,omitempty"`
	// Amount is the fee asked for, in đồng, for request_fee.
	Amount int64 `json:"amount,omitempty"`
	// Version is the dossier's version the step was decided on.
	Version int `json:"version"`
}

// StepDossier takes a step of the one-stop workflow, if the actor's role
// allows it from where the dossier is (procedure.Apply): receiving starts
// the clock, a supplement request stops it until the supplement comes, and
// the due time moves by the working days the pause took.
func (s *Procedures) StepDossier(ctx context.Context, code string, step DossierStep, cal *calendar.Calendar, files ...Upload) (*procedure.Dossier, error) {
	a := congthuong.ActorFrom(ctx)
	if a.Anonymous() {
		return nil, congthuong.Errorf(congthuong.EUNAUTHORIZED, "common.log_first")
	}
	if len(files) > 0 && step.Action != procedure.Supplement {
		return nil, congthuong.FieldErr(congthuong.EINVALID, "file", "procedure.papers_come_filing_supplement")
	}
	step.Note, step.Message = strings.TrimSpace(step.Note), strings.TrimSpace(step.Message)
	if procedure.NeedsReason(step.Action) && step.Message == "" {
		return nil, congthuong.FieldErr(congthuong.EINVALID, "message", "procedure.say_why_supplement_what_missing")
	}
	if step.Action == procedure.RequestFee && (step.Amount <= 0 || step.Amount > procedure.MaxFee) {
		return nil, congthuong.FieldErr(congthuong.EINVALID, "amount", "procedure.fee_amount", procedure.MaxFee)
	}
	// Who may take the step is checked before any paper is stored, so that
	// a refused request leaves nothing on the disk; and again, under the
	// transaction, on the dossier as it is then.
	if len(files) > 0 {
		d, err := dossierByCode(ctx, s.Read, code)
		if err != nil {
			return nil, db.NotFound(err, "procedure.no_dossier", code)
		}
		if _, _, err := s.allowedStep(ctx, a, d, step); err != nil {
			return nil, err
		}
	}
	stored, discard, err := s.storeUploads(files)
	if err != nil {
		return nil, err
	}
	var out *procedure.Dossier
	err = s.WithTx(ctx, func(tx *db.Tx) error {
		d, err := dossierByCode(ctx, tx, code)
		if err != nil {
			return db.NotFound(err, "procedure.no_dossier", code)
		}
		next, role, err := s.allowedStep(ctx, a, d, step)
		if err != nil {
			return err
		}
		proc, err := s.FindProcedure(ctx, d.ProcedureCode)
		if err != nil {
			return err
		}
		before := *d
		from := d.Status
		now := tx.Now
		handler := ""
		if step.Action == procedure.Assign {
			if err := checkHandler(ctx, tx, proc, d, step.Handler); err != nil {
				return err
			}
			handler = strings.ToLower(strings.TrimSpace(step.Handler))
		}
		if err := d.Advance(proc, step.Action, next, handler, now, cal); err != nil {
			return err
		}
		switch step.Action {
		case procedure.RequestFee:
			d.FeeAmount, d.FeePaidAt = step.Amount, nil
		case procedure.PayFee:
			d.FeePaidAt = &now
		}
		if step.Action == procedure.Approve {
			// The result document's number: the agency's sequence of the year.
			agency, err := agencyCode(ctx, tx, proc.Level, d.UnitCode)
			if err != nil {
				return err
			}
			var seq int
			if err := tx.QueryRowContext(ctx, `INSERT INTO dossier_sequences (agency, day, last) VALUES ($1, $2, 1)
				ON CONFLICT (agency, day) DO UPDATE SET last = dossier_sequences.last + 1 RETURNING last`,
				agency+"/result", fmt.Sprint(calendar.DateOf(now).Year)).Scan(&seq); err != nil {
				return fmt.Errorf("proceduredb: result number: %w", err)
			}
			d.ResultNumber = fmt.Sprintf("%04d/%d/%s", seq, calendar.DateOf(now).Year, agency)
		}
		counted, err := storedTally(ctx, tx, d.ID)
		if err != nil {
			return err
		}
		early, late := d.Timeliness(now)
		if counted.finished != nil && d.FinishedAt != nil {
			// Fixed when decided: handing the result back later does not
			// make a dossier decided early late.
			early, late = counted.early, counted.late
		}
		pauses, _ := json.Marshal(d.Pauses)
		res, err := tx.ExecContext(ctx, `UPDATE dossiers SET status = $1, stage = $2, supplement_requested = $3, outcome = $4, handler = $5,
			received_at = $6, due_at = $7, pauses = $8, finished_at = $9, result_number = $10, result_at = $11,
			finished_early = $12, finished_late = $13, fee_amount = $14, fee_paid_at = $15, version = version + 1 WHERE id = $16 AND version = $17`,
			string(d.Status), string(d.Stage), d.SupplementRequested, d.Outcome, d.Handler, d.ReceivedAt, d.DueAt, string(pauses),
			d.FinishedAt, nullString(d.ResultNumber), d.ResultAt, early, late, d.FeeAmount, d.FeePaidAt, d.ID, d.Version)
		if err != nil {
			return fmt.Errorf("proceduredb: dossier step: %w", err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return congthuong.Errorf(congthuong.ECONFLICT, "procedure.dossier_changed_meanwhile_reload")
		}
		d.Version++
		if err := recount(ctx, tx, &counted, tally{unit: d.UnitCode, channel: d.Channel, status: d.Status, received: d.ReceivedAt,
			finished: d.FinishedAt, early: early, late: late}); err != nil {
			return err
		}
		if err := dossierEvent(ctx, tx, d.ID, string(role), string(step.Action), from, d.Status, step.Note, step.Message); err != nil {
			return err
		}
		for i := range stored {
			if err := addDossierFile(ctx, tx, d.ID, &stored[i]); err != nil {
				return err
			}
		}
		out = d
		if procedure.TellsApplicant(step.Action) {
			if err := s.mail(ctx, tx, d, procedure.MailKind(step.Action), step.Message); err != nil {
				return err
			}
		}
		return tx.Audit(ctx, string(step.Action), "dossier", d.Code, d.UnitCode, before.State, d.State)
	})
	if err != nil {
		discard()
	}
	return out, err
}

// mail queues the e-mail that tells the applicant of d that kind
// happened, in tx: sent if and only if the step commits.
func (s *Procedures) mail(ctx context.Context, tx *db.Tx, d *procedure.Dossier, kind procedure.MailKind, message string) error {
	subject, body := procedure.Mail(d, kind, message, procedure.TrackingLink(s.SiteURL, d))
	return tx.EnqueueMail(ctx, d.Applicant.Email, subject, body, d.Code)
}

// Officer is someone a dossier may be given to.
type Officer struct {
	Username    string `json:"username"`
	DisplayName string `json:"display_name"`
}

// DeskOfficers lists who may handle dossier d (checkHandler's rule), for
// the staff of its desk to choose from; others are refused.
func (s *Procedures) DeskOfficers(ctx context.Context, d *procedure.Dossier) ([]Officer, error) {
	a := congthuong.ActorFrom(ctx)
	proc, err := s.FindProcedure(ctx, d.ProcedureCode)
	if err != nil {
		return nil, err
	}
	if !a.System && !(a.IsStaff() && procedure.MayReceive(a, proc, d)) {
		return nil, congthuong.Errorf(congthuong.EFORBIDDEN, "procedure.only_desk_assigns")
	}
	desk := d.ProvinceCode
	if proc.Level == procedure.Commune {
		desk = d.UnitCode
	}
	users, err := authdb.ActiveOfUnit(ctx, s.Read, desk)
	if err != nil {
		return nil, fmt.Errorf("proceduredb: desk officers: %w", err)
	}
	out := []Officer{}
	for _, u := range users {
		if u.Actor().CanWrite() && u.Role != congthuong.RoleAdmin && procedure.MayReceive(u.Actor(), proc, d) {
			out = append(out, Officer{Username: u.Username, DisplayName: u.DisplayName})
		}
	}
	return out, nil
}

// checkHandler makes sure a dossier is assigned to an officer who can take
// it up: an active account of the dossier's desk (procedure.MayReceive) whose role
// handles dossiers. A name of nobody there would strand the dossier.
func checkHandler(ctx context.Context, tx *db.Tx, proc *procedure.Procedure, d *procedure.Dossier, handler string) error {
	handler = strings.ToLower(strings.TrimSpace(handler))
	if handler == "" {
		return congthuong.FieldErr(congthuong.EINVALID, "handler", "procedure.name_officer_who_handles_dossier")
	}
	u, err := authdb.FindActive(ctx, tx, handler)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("proceduredb: handler: %w", err)
	}
	if err != nil || !u.Actor().CanWrite() || u.Role == congthuong.RoleAdmin || !procedure.MayReceive(u.Actor(), proc, d) {
		return congthuong.FieldErr(congthuong.EINVALID, "handler", "procedure.not_officer_desk_that_handles_this", handler)
	}
	return nil
}

// allowedStep checks that the actor may take step on dossier d from where
// it is, and returns where it leads and in which of the actor's roles.
// Someone with no role at all is told the dossier does not exist.
func (s *Procedures) allowedStep(ctx context.Context, a congthuong.Actor, d *procedure.Dossier, step DossierStep) (procedure.State, procedure.Role, error) {
	proc, err := s.FindProcedure(ctx, d.ProcedureCode)
	if err != nil {
		return procedure.State{}, "", err
	}
	roles := procedure.RolesOf(a, proc, d)
	if len(roles) == 0 {
		return procedure.State{}, "", congthuong.Errorf(congthuong.ENOTFOUND, "procedure.no_dossier", d.Code) // not disclosed
	}
	if step.Version != 0 && step.Version != d.Version {
		return procedure.State{}, "", congthuong.FieldErr(congthuong.ECONFLICT, "version", "procedure.dossier_changed_since_version_now_reload", step.Version, d.Version)
	}
	for _, r := range roles {
		if next, err := procedure.Apply(d.State, step.Action, r); err == nil {
			return next, r, nil
		}
	}
	return procedure.State{}, "", congthuong.Errorf(congthuong.ECONFLICT, "procedure.not_allowed", step.Action.Text(), d.Status.Text())
}

// DossierEvent is one step a dossier went through.
type DossierEvent struct {
	At     time.Time `json:"at"`
	Actor  string    `json:"actor"`
	Role   string    `json:"role"`
	Action string    `json:"action"`
	From   string    `json:"from"`
	To     string    `json:"to"`
	// Message is what the applicant was told; Note, the office's own
	// words, is shown to staff only.
	Message string `json:"message,omitempty"`
	Note    string `json:"note,omitempty"`
}

// FindDossier returns a dossier with its events, to its applicant and to
// the staff of its desk; others are told it does not exist.
func (s *Procedures) FindDossier(ctx context.Context, code string) (*procedure.Dossier, []DossierEvent, error) {
	a := congthuong.ActorFrom(ctx)
	d, err := dossierByCode(ctx, s.Read, code)
	if err != nil {
		return nil, nil, db.NotFound(err, "procedure.no_dossier", code)
	}
	proc, err := s.FindProcedure(ctx, d.ProcedureCode)
	if err != nil {
		return nil, nil, err
	}
	if !a.System && len(procedure.RolesOf(a, proc, d)) == 0 && !(a.IsStaff() && a.InScope(d.UnitCode, d.ProvinceCode)) {
		return nil, nil, congthuong.Errorf(congthuong.ENOTFOUND, "procedure.no_dossier", code)
	}
	files, err := s.Read.QueryContext(ctx, `SELECT id, document, file_name, content_type, size, sha256 FROM dossier_files
		WHERE dossier_id = $1 ORDER BY id`, d.ID)
	if err != nil {
		return nil, nil, fmt.Errorf("proceduredb: dossier files: %w", err)
	}
	for files.Next() {
		var f procedure.File
		if err := files.Scan(&f.ID, &f.Document, &f.FileName, &f.ContentType, &f.Size, &f.SHA256); err != nil {
			files.Close()
			return nil, nil, err
		}
		d.Files = append(d.Files, f)
	}
	if err := errors.Join(files.Err(), files.Close()); err != nil {
		return nil, nil, fmt.Errorf("proceduredb: dossier files: %w", err)
	}
	rows, err := s.Read.QueryContext(ctx, `SELECT at, actor, role, action, from_status, to_status, note, message FROM dossier_events
		WHERE dossier_id = $1 ORDER BY id`, d.ID)
	if err != nil {
		return nil, nil, fmt.Errorf("proceduredb: dossier events: %w", err)
	}
	defer rows.Close()
	events := []DossierEvent{}
	for rows.Next() {
		var e DossierEvent
		if err := rows.Scan(&e.At, &e.Actor, &e.Role, &e.Action, &e.From, &e.To, &e.Note, &e.Message); err != nil {
			return nil, nil, err
		}
		if !a.System && !a.IsStaff() {
			e.Note = "" // the office's own words
		}
		e.At = e.At.UTC()
		events = append(events, e)
	}
	return d, events, rows.Err()
}

// Tracking is what anyone with a dossier's code and its applicant's phone
// or tax code may know of it.
type Tracking struct {
	Code       string           `json:"code"`
	Procedure  string           `json:"procedure"`
	Status     procedure.Status `json:"status"`
	StatusCode int              `json:"status_code"`
	ReceivedAt *time.Time       `json:"received_at,omitempty"`
	DueAt      *time.Time       `json:"due_at,omitempty"`
	Overdue    bool             `json:"overdue"`
	// Outcome and ResultNumber say what was decided, once it was.
	Outcome      string `json:"outcome,omitempty"`
	ResultNumber string `json:"result_number,omitempty"`
	// History is the dossier's public history: each step's time, name and
	// the status it led to, without anyone's words or names.
	History []TrackedStep `json:"history"`
}

// TrackedStep is one step of a dossier's public history.
type TrackedStep struct {
	At     time.Time        `json:"at"`
	Action string           `json:"action"`
	Status procedure.Status `json:"status"`
}

// ErrNotTracked is the one answer to a tracking question that finds
// nothing, whether the code or the secret was wrong, so that neither can be
// probed.
var ErrNotTracked = congthuong.Errorf(congthuong.ENOTFOUND, "procedure.no_dossier_this_code_phone_tracking_key")

// TrackDossier answers the public's question about a dossier, given its
// code and a secret its applicant holds: the tracking key printed on the
// receipt, or the phone given at filing. A tax code is public, so it is no
// secret and is not accepted.
func (s *Procedures) TrackDossier(ctx context.Context, code, phoneOrKey string) (*Tracking, error) {
	key := strings.TrimSpace(phoneOrKey)
	d, err := dossierByCode(ctx, s.Read, strings.ToUpper(strings.TrimSpace(code)))
	if errors.Is(err, sql.ErrNoRows) || err == nil && (key == "" ||
		!d.TrackingKeyOK(key) && subtle.ConstantTimeCompare([]byte(procedure.NormalizePhone(key)), []byte(d.Applicant.Phone)) != 1) {
		return nil, ErrNotTracked
	} else if err != nil {
		return nil, fmt.Errorf("proceduredb: track dossier: %w", err)
	}
	t := &Tracking{Code: d.Code, Procedure: d.ProcedureName, Status: d.Status, StatusCode: d.Status.Code(),
		ReceivedAt: d.ReceivedAt, DueAt: d.DueAt, Overdue: d.Overdue(s.NowUTC()), Outcome: d.Outcome, ResultNumber: d.ResultNumber}
	t.History, err = db.Collect(ctx, s.Read, `SELECT at, action, to_status FROM dossier_events WHERE dossier_id = $1 ORDER BY id`,
		[]any{d.ID}, func(sc db.Scanner) (TrackedStep, error) {
			var e TrackedStep
			err := sc.Scan(&e.At, &e.Action, &e.Status)
			e.At = e.At.UTC()
			return e, err
		})
	if err != nil {
		return nil, fmt.Errorf("proceduredb: track dossier: %w", err)
	}
	return t, nil
}

// DossierFilter selects dossiers of a worklist.
type DossierFilter struct {
	Status procedure.Status
	// Due is today, tomorrow or overdue (past due and not finished).
	Due string
	// Queue is what the dossiers wait for: new (to be received), waiting
	// (for the applicant's papers or fee), decide (for the leader), mine
	// (the actor handles them, open).
	Queue string
	// Q is a code or words of the applicant's name.
	Q string
	db.Page
}

var dossierSorts = map[string]string{"due": "d.due_at", "submitted": "d.submitted_at", "code": "d.code"}

// FindDossiers lists the dossiers of the actor's desk (staff: the unit it
// works for; an enterprise: its own), open ones by due time first.
func (s *Procedures) FindDossiers(ctx context.Context, f DossierFilter) ([]*procedure.Dossier, int, error) {
	a := congthuong.ActorFrom(ctx)
	var w db.Where
	switch {
	case a.System || a.IsStaff() && a.UnitCode == congthuong.CountryCode:
	case a.IsStaff():
		w.Add("d.unit_code = ?", a.UnitCode)
	case a.Role == congthuong.RoleEnterprise && a.TaxCode != "":
		w.Add("(d.applicant_tax_code = ? OR d.created_by = ?)", a.TaxCode, a.Name())
	case !a.Anonymous():
		w.Add("d.created_by = ? AND d.channel = ?", a.Name(), procedure.Online)
	case a.Anonymous():
		return nil, 0, congthuong.Errorf(congthuong.EUNAUTHORIZED, "common.log_first")
	default:
		return nil, 0, congthuong.Errorf(congthuong.EFORBIDDEN, "procedure.no_dossiers_your_role")
	}
	if f.Status != "" {
		w.Add("d.status = ?", string(f.Status))
	}
	now := s.NowUTC()
	today := calendar.DateOf(now)
	open := "d.finished_at IS NULL"
	switch f.Due {
	case "":
	case "today", "tomorrow":
		day := today
		if f.Due == "tomorrow" {
			day = day.AddDays(1)
		}
		w.Add(open+" AND d.due_at >= ? AND d.due_at < ?", day.At(0).UTC(), day.AddDays(1).At(0).UTC())
	case "overdue":
		// A desk's overdue dossiers are read along its open dossiers, the
		// due time compared as stored; without a desk, along the due time's
		// index.
		due := "d.due_at"
		if a.IsStaff() && a.UnitCode != congthuong.CountryCode {
			due = s.Dialect.Time(due)
		}
		w.Add(open+" AND "+due+" < ?", now)
	default:
		return nil, 0, congthuong.FieldErr(congthuong.EINVALID, "due", "procedure.due_today_tomorrow_overdue")
	}
	switch f.Queue {
	case "":
	case "new":
		w.Add("d.status = ?", string(procedure.Submitted))
	case "waiting":
		w.Add("d.status IN (?, ?)", string(procedure.SupplementRequested), string(procedure.FeeRequested))
	case "decide":
		w.Add("d.status = ? AND d.stage = ?", string(procedure.Processing), string(procedure.WithLeader))
	case "mine":
		w.Add(open+" AND d.handler = ?", a.Name())
	default:
		return nil, 0, congthuong.FieldErr(congthuong.EINVALID, "queue", "procedure.queue_values")
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		w.Add(`(d.code = ? OR LOWER(d.applicant_name) LIKE ? ESCAPE '\')`, strings.ToUpper(q), db.LikePattern(strings.ToLower(q)))
	}
	order, err := f.Page.OrderBy(dossierSorts, "d.finished_at IS NOT NULL, d.due_at, d.submitted_at", "d.id")
	if err != nil {
		return nil, 0, err
	}
	return db.List(ctx, s.DB, "dossiers", db.Listing{Columns: dossierColumns, From: strings.TrimPrefix(dossierFrom, " FROM "),
		CountFrom: "dossiers d", Where: &w, Order: order, Page: f.Page}, scanDossier)
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Signer is who decided a dossier's result, as the document's signature
// block names them.
type Signer struct {
	Name, Title string
}

// ResultSigner is the leader who approved d, from its history and their
// account; nil if d has no approval.
func (s *Procedures) ResultSigner(ctx context.Context, d *procedure.Dossier) (*Signer, error) {
	var sg Signer
	err := s.Read.QueryRowContext(ctx, `SELECT COALESCE(u.display_name, e.actor), COALESCE(u.title, '') FROM dossier_events e
		LEFT JOIN users u ON u.username = e.actor WHERE e.dossier_id = $1 AND e.action = $2 ORDER BY e.id DESC LIMIT 1`,
		d.ID, string(procedure.Approve)).Scan(&sg.Name, &sg.Title)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("proceduredb: result signer: %w", err)
	}
	return &sg, nil
}

// ResultVerification is what anyone may check of a result document by its
// number.
type ResultVerification struct {
	Number    string    `json:"number"`
	Procedure string    `json:"procedure"`
	Holder    string    `json:"holder"`
	IssuedAt  time.Time `json:"issued_at"`
	Dossier   string    `json:"dossier"`
}

// VerifyResult answers whether a result document with this number was
// issued, and to whom; the public may ask.
func (s *Procedures) VerifyResult(ctx context.Context, number string) (*ResultVerification, error) {
	var v ResultVerification
	var at time.Time
	err := s.Read.QueryRowContext(ctx, `SELECT d.result_number, p.name_vi, d.applicant_name, d.result_at, d.code`+dossierFrom+`
		WHERE d.result_number = $1`, strings.TrimSpace(number)).Scan(&v.Number, &v.Procedure, &v.Holder, &at, &v.Dossier)
	if err != nil {
		return nil, db.NotFound(err, "procedure.no_result_document_number", number)
	}
	v.IssuedAt = at.UTC()
	return &v, nil
}

// Apologize records an apology slip (form 04) for a dossier that will be
// late: the reason and a new date, later than the due time, given before
// it passes. The due time stays, so the dossier still counts as late.
func (s *Procedures) Apologize(ctx context.Context, code string, newDue time.Time, reason string) (*procedure.Dossier, error) {
	a := congthuong.ActorFrom(ctx)
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return nil, congthuong.FieldErr(congthuong.EINVALID, "note", "procedure.say_why_dossier_will_late")
	}
	var out *procedure.Dossier
	err := s.WithTx(ctx, func(tx *db.Tx) error {
		d, err := dossierByCode(ctx, tx, code)
		if err != nil {
			return db.NotFound(err, "procedure.no_dossier", code)
		}
		proc, err := s.FindProcedure(ctx, d.ProcedureCode)
		if err != nil {
			return err
		}
		staff := false
		for _, r := range procedure.RolesOf(a, proc, d) {
			staff = staff || r != procedure.AsApplicant
		}
		switch {
		case !staff:
			return congthuong.Errorf(congthuong.ENOTFOUND, "procedure.no_dossier", code)
		case d.DueAt == nil || d.FinishedAt != nil:
			return congthuong.Errorf(congthuong.ECONFLICT, "procedure.only_dossier_being_handled_due_time_gets")
		case !newDue.After(*d.DueAt):
			return congthuong.FieldErr(congthuong.EINVALID, "new_due", "procedure.new_date_comes_after_due_time")
		}
		newDue = newDue.UTC()
		// Over the version read, as a step: a dossier decided meanwhile
		// gets no apology slip.
		res, err := tx.ExecContext(ctx, `UPDATE dossiers SET apology_due = $1, version = version + 1 WHERE id = $2 AND version = $3`, newDue, d.ID, d.Version)
		if n, err := db.RowsAffected(res, err); err != nil {
			return fmt.Errorf("proceduredb: apology: %w", err)
		} else if n != 1 {
			return congthuong.Errorf(congthuong.ECONFLICT, "procedure.dossier_changed_meanwhile_reload")
		}
		d.ApologyDue = &newDue
		d.Version++
		if err := dossierEvent(ctx, tx, d.ID, string(procedure.AsReceiver), "apologize", d.Status, d.Status, "", reason); err != nil {
			return err
		}
		if err := s.mail(ctx, tx, d, procedure.Apologized, reason); err != nil {
			return err
		}
		out = d
		return tx.Audit(ctx, audit.Apologize, "dossier", d.Code, d.UnitCode, nil, map[string]any{"new_due": newDue, "reason": reason})
	})
	return out, err
}

// Upload is a paper attached to a dossier as it is filed.
type Upload struct {
	Document string // the procedure's document it stands for
	FileName string
	Content  io.Reader
}

// Dossier papers: what the desk opens, at most MaxDossierFiles of
// db.MaxStoredFile bytes each.
var dossierFileTypes = []string{"application/pdf", "image/jpeg", "image/png", "application/zip"}

// MaxDossierFiles bounds the papers of one filing.
const MaxDossierFiles = 10

// addDossierFile writes the row of a stored paper and sets its id.
func addDossierFile(ctx context.Context, tx *db.Tx, dossierID int64, f *procedure.File) error {
	if err := tx.QueryRowContext(ctx, `INSERT INTO dossier_files (dossier_id, document, file_name, content_type, size, sha256,
		created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, dossierID, f.Document, f.FileName, f.ContentType,
		f.Size, f.SHA256, tx.Now, tx.Actor.Name()).Scan(&f.ID); err != nil {
		return fmt.Errorf("proceduredb: dossier file: %w", err)
	}
	return nil
}

// storeUploads writes the papers of a filing to the data folder, checking
// their types by content; their rows are written with the dossier. The
// caller checks first that the actor may file them, and calls discard when
// the request is refused after all.
func (s *Procedures) storeUploads(files []Upload) (out []procedure.File, discard func(), err error) {
	if len(files) > MaxDossierFiles {
		return nil, func() {}, congthuong.FieldErr(congthuong.EINVALID, "file", "procedure.at_most_files", MaxDossierFiles)
	}
	var written []db.StoredFile
	discard = func() { s.DiscardFiles(written) }
	for _, f := range files {
		name := filepath.Base(strings.ReplaceAll(f.FileName, `\`, "/"))
		stored, err := s.PutFile(f.Content)
		if err != nil {
			discard()
			return nil, func() {}, err
		}
		written = append(written, stored)
		ctype, err := db.FileType(stored.Head, name, dossierFileTypes)
		if err != nil {
			discard()
			return nil, func() {}, congthuong.FieldErr(congthuong.EINVALID, "file", "procedure.paper", name, congthuong.TextOf(err))
		}
		out = append(out, procedure.File{Document: strings.TrimSpace(f.Document), FileName: name, ContentType: ctype,
			Size: stored.Size, SHA256: stored.Sum})
	}
	return out, discard, nil
}

// OpenDossierFile opens a paper of a dossier, for its applicant and the
// staff of its desk.
func (s *Procedures) OpenDossierFile(ctx context.Context, code string, id int64) (*procedure.File, *os.File, error) {
	d, _, err := s.FindDossier(ctx, code)
	if err != nil {
		return nil, nil, err
	}
	for i := range d.Files {
		if d.Files[i].ID == id {
			content, err := s.OpenFile(d.Files[i].SHA256)
			return &d.Files[i], content, err
		}
	}
	return nil, nil, congthuong.Errorf(congthuong.ENOTFOUND, "procedure.no_file_dossier", id, code)
}
