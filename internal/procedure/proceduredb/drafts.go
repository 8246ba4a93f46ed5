package proceduredb

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/calendar"
	"congthuong/internal/db"
	"congthuong/internal/procedure"
)

// Drafts are an applicant's own: each account reads, changes and sends only
// the drafts it made, and nobody else learns they exist.

// maxDrafts bounds the drafts one account keeps.
const maxDrafts = 50

const draftColumns = `id, procedure_code, unit_code, applicant, form, created_by, updated_at`

func scanDraft(sc db.Scanner) (*procedure.Draft, error) {
	var dr procedure.Draft
	var applicant, form string
	if err := sc.Scan(&dr.ID, &dr.ProcedureCode, &dr.UnitCode, &applicant, &form, &dr.CreatedBy, &dr.UpdatedAt); err != nil {
		return nil, err
	}
	dr.UpdatedAt = dr.UpdatedAt.UTC()
	if err := json.Unmarshal([]byte(applicant), &dr.Applicant); err != nil {
		return nil, fmt.Errorf("proceduredb: draft %d applicant: %w", dr.ID, err)
	}
	if err := json.Unmarshal([]byte(form), &dr.Form); err != nil {
		return nil, fmt.Errorf("proceduredb: draft %d form: %w", dr.ID, err)
	}
	return &dr, nil
}

// Drafts lists the actor's drafts, the newest first.
func (s *Procedures) Drafts(ctx context.Context) ([]*procedure.Draft, error) {
	a := congthuong.ActorFrom(ctx)
	if a.Anonymous() {
		return nil, congthuong.Errorf(congthuong.EUNAUTHORIZED, "common.log_first")
	}
	out, err := db.Collect(ctx, s.Read, `SELECT `+draftColumns+` FROM dossier_drafts WHERE created_by = $1
		ORDER BY updated_at DESC, id DESC LIMIT `+strconv.Itoa(maxDrafts), []any{a.Name()}, scanDraft)
	if err != nil {
		return nil, fmt.Errorf("proceduredb: drafts: %w", err)
	}
	return out, nil
}

// FindDraft returns one of the actor's drafts with its papers.
func (s *Procedures) FindDraft(ctx context.Context, id int64) (*procedure.Draft, error) {
	return findDraft(ctx, s.Read, congthuong.ActorFrom(ctx), id)
}

func findDraft(ctx context.Context, q db.Queryer, a congthuong.Actor, id int64) (*procedure.Draft, error) {
	if a.Anonymous() {
		return nil, congthuong.Errorf(congthuong.EUNAUTHORIZED, "common.log_first")
	}
	dr, err := scanDraft(q.QueryRowContext(ctx, `SELECT `+draftColumns+` FROM dossier_drafts WHERE id = $1 AND created_by = $2`, id, a.Name()))
	if err != nil {
		return nil, db.NotFound(err, "procedure.no_draft", id)
	}
	dr.Files, err = db.Collect(ctx, q, `SELECT id, document, file_name, content_type, size, sha256 FROM dossier_draft_files
		WHERE draft_id = $1 ORDER BY id`, []any{id}, func(sc db.Scanner) (procedure.File, error) {
		var f procedure.File
		err := sc.Scan(&f.ID, &f.Document, &f.FileName, &f.ContentType, &f.Size, &f.SHA256)
		return f, err
	})
	if err != nil {
		return nil, fmt.Errorf("proceduredb: draft files: %w", err)
	}
	return dr, nil
}

// SaveDraft keeps what the applicant typed and the papers they chose: a new
// draft when dr.ID is 0, else theirs, changed. A paper for a document that
// already has one replaces it. Nothing is checked but the papers' types and
// sizes and the procedure: a draft may be incomplete (CheckDraft).
func (s *Procedures) SaveDraft(ctx context.Context, dr *procedure.Draft, files ...Upload) error {
	a := congthuong.ActorFrom(ctx)
	if a.Anonymous() {
		return congthuong.Errorf(congthuong.EUNAUTHORIZED, "procedure.log_file_dossier")
	}
	if _, err := s.FindProcedure(ctx, dr.ProcedureCode); err != nil {
		return err
	}
	if dr.ID != 0 {
		if _, err := s.FindDraft(ctx, dr.ID); err != nil {
			return err // before any paper is stored
		}
	}
	stored, discard, err := s.storeUploads(files)
	if err != nil {
		return err
	}
	applicant, _ := json.Marshal(dr.Applicant)
	form, _ := json.Marshal(nonNilForm(dr.Form))
	err = s.WithTx(ctx, func(tx *db.Tx) error {
		action := audit.Update
		if dr.ID == 0 {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM dossier_drafts WHERE created_by = $1`, a.Name()).Scan(&n); err != nil {
				return fmt.Errorf("proceduredb: drafts: %w", err)
			}
			if n >= maxDrafts {
				return congthuong.Errorf(congthuong.ECONFLICT, "procedure.too_many_drafts", maxDrafts)
			}
			action = audit.Create
			if err := tx.QueryRowContext(ctx, `INSERT INTO dossier_drafts (procedure_code, unit_code, applicant, form, created_by,
				created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`, dr.ProcedureCode, dr.UnitCode,
				string(applicant), string(form), a.Name(), tx.Now).Scan(&dr.ID); err != nil {
				return fmt.Errorf("proceduredb: new draft: %w", err)
			}
		} else if n, err := db.RowsAffected(tx.ExecContext(ctx, `UPDATE dossier_drafts SET unit_code = $1, applicant = $2, form = $3,
			updated_at = $4 WHERE id = $5 AND created_by = $6`, dr.UnitCode, string(applicant), string(form), tx.Now, dr.ID, a.Name())); err != nil {
			return fmt.Errorf("proceduredb: save draft: %w", err)
		} else if n != 1 {
			return congthuong.Errorf(congthuong.ENOTFOUND, "procedure.no_draft", dr.ID)
		}
		for _, f := range stored {
			if f.Document != "" {
				if _, err := tx.ExecContext(ctx, `DELETE FROM dossier_draft_files WHERE draft_id = $1 AND document = $2`, dr.ID, f.Document); err != nil {
					return fmt.Errorf("proceduredb: replace draft paper: %w", err)
				}
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO dossier_draft_files (draft_id, document, file_name, content_type, size, sha256,
				created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, dr.ID, f.Document, f.FileName, f.ContentType, f.Size, f.SHA256, tx.Now); err != nil {
				return fmt.Errorf("proceduredb: draft paper: %w", err)
			}
		}
		dr.CreatedBy, dr.UpdatedAt = a.Name(), tx.Now
		return tx.Audit(ctx, action, "dossier_draft", strconv.FormatInt(dr.ID, 10), a.UnitCode, nil, dr)
	})
	if err != nil {
		discard()
		return err
	}
	saved, err := s.FindDraft(ctx, dr.ID)
	if err == nil {
		dr.Files = saved.Files
	}
	return err
}

// DeleteDraft deletes one of the actor's drafts; its papers go with the
// next files prune.
func (s *Procedures) DeleteDraft(ctx context.Context, id int64) error {
	a := congthuong.ActorFrom(ctx)
	return s.WithTx(ctx, func(tx *db.Tx) error {
		dr, err := findDraft(ctx, tx, a, id)
		if err != nil {
			return err
		}
		return deleteDraft(ctx, tx, dr, audit.Delete)
	})
}

func deleteDraft(ctx context.Context, tx *db.Tx, dr *procedure.Draft, action string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM dossier_draft_files WHERE draft_id = $1`, dr.ID); err != nil {
		return fmt.Errorf("proceduredb: delete draft papers: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM dossier_drafts WHERE id = $1`, dr.ID); err != nil {
		return fmt.Errorf("proceduredb: delete draft: %w", err)
	}
	return tx.Audit(ctx, action, "dossier_draft", strconv.FormatInt(dr.ID, 10), tx.Actor.UnitCode, dr, nil)
}

// CheckDraft checks a draft as its dossier would be checked when sent,
// with every required paper attached: every problem at once, each named by
// its field.
func (s *Procedures) CheckDraft(ctx context.Context, dr *procedure.Draft) error {
	d := draftDossier(ctx, dr)
	proc, err := s.checkFiling(ctx, d)
	var v congthuong.Validation
	switch congthuong.ErrorCode(err) {
	case "":
	case congthuong.EINVALID:
		v.Merge(err)
	default:
		return err
	}
	if proc == nil {
		if proc, err = s.FindProcedure(ctx, dr.ProcedureCode); err != nil {
			return err
		}
	}
	v.Merge(procedure.CheckPapers(proc, dr.Files))
	return v.Err("procedure.dossier_has_invalid_fields")
}

// draftDossier is the dossier a draft files: online by its applicant, or
// in person when an officer records it at the desk.
func draftDossier(ctx context.Context, dr *procedure.Draft) *procedure.Dossier {
	d := dr.Dossier()
	if congthuong.ActorFrom(ctx).IsStaff() {
		d.Channel = procedure.InPerson
	}
	return d
}

// SubmitDraft files one of the actor's drafts as a dossier, with its
// papers, and deletes the draft in the same transaction.
func (s *Procedures) SubmitDraft(ctx context.Context, id int64, cal *calendar.Calendar) (*procedure.Dossier, error) {
	dr, err := s.FindDraft(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := s.CheckDraft(ctx, dr); err != nil {
		return nil, err
	}
	d := draftDossier(ctx, dr)
	proc, err := s.checkFiling(ctx, d)
	if err != nil {
		return nil, err
	}
	papers := make([]procedure.File, len(dr.Files))
	for i, f := range dr.Files {
		papers[i] = procedure.File{Document: f.Document, FileName: f.FileName, ContentType: f.ContentType, Size: f.Size, SHA256: f.SHA256}
	}
	err = s.file(ctx, d, proc, cal, papers, func(tx *db.Tx) error {
		// The draft is gone once its dossier exists, and only then: sent
		// twice, the second finds nothing.
		if _, err := findDraft(ctx, tx, tx.Actor, id); err != nil {
			return err
		}
		return deleteDraft(ctx, tx, dr, audit.File)
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}
