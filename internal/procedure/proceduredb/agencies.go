package proceduredb

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/db"
	"congthuong/internal/procedure"
)

// agencyPattern is an electronic identifier of QCVN 102:2016/BTTTT: a
// letter and two digits, then dot-separated groups of two or three digits
// (H31, H31.17, G09.20.01).
var agencyPattern = regexp.MustCompile(`^[A-Z]\d{2}(\.\d{2,3}){0,3}$`)

// SetAgencyCode sets the electronic identifier a unit's dossier codes begin
// with; administrators only, audited.
func (s *Procedures) SetAgencyCode(ctx context.Context, unitCode, code string) error {
	if err := db.RequireAdmin(congthuong.ActorFrom(ctx)); err != nil {
		return err
	}
	code = strings.ToUpper(strings.TrimSpace(code))
	if !agencyPattern.MatchString(code) {
		return congthuong.FieldErr(congthuong.EINVALID, "code", "procedure.electronic_identifier_looks_like_h31_h31")
	}
	return s.WithTx(ctx, func(tx *db.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO agencies (unit_code, code, updated_at) VALUES ($1, $2, $3)
			ON CONFLICT (unit_code) DO UPDATE SET code = excluded.code, updated_at = excluded.updated_at`, unitCode, code, tx.Now)
		if db.IsUniqueViolation(err) {
			return congthuong.FieldErr(congthuong.ECONFLICT, "code", "procedure.another_unit_has_identifier", code)
		} else if err != nil {
			return fmt.Errorf("proceduredb: agency: %w", err)
		}
		return tx.Audit(ctx, audit.Update, "agency", unitCode, unitCode, nil, map[string]string{"code": code})
	})
}

// agencyCode is the beginning of a unit's dossier codes: its electronic
// identifier when set, else SCT{province} or X{commune}.
func agencyCode(ctx context.Context, tx *db.Tx, level, unitCode string) (string, error) {
	var code string
	err := tx.QueryRowContext(ctx, `SELECT code FROM agencies WHERE unit_code = $1`, unitCode).Scan(&code)
	switch {
	case err == sql.ErrNoRows:
		return procedure.AgencyCode(level, unitCode), nil
	case err != nil:
		return "", fmt.Errorf("proceduredb: agency: %w", err)
	}
	return code, nil
}

// ProcedureTemplate is the blank form of a procedure's paper.
type ProcedureTemplate struct {
	FileName    string `json:"file_name"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	SHA256      string `json:"sha256"`
}

// AddProcedureTemplate stores a blank form of a procedure (PDF, Word,
// Excel), replacing one of the same name; administrators only.
func (s *Procedures) AddProcedureTemplate(ctx context.Context, code, fileName string, r io.Reader) (*ProcedureTemplate, error) {
	if err := db.RequireAdmin(congthuong.ActorFrom(ctx)); err != nil {
		return nil, err
	}
	proc, err := s.FindProcedure(ctx, code)
	if err != nil {
		return nil, err
	}
	fileName = filepath.Base(strings.ReplaceAll(fileName, `\`, "/"))
	stored, err := s.PutFile(r)
	if err != nil {
		return nil, err
	}
	ctype, err := db.FileType(stored.Head, fileName, []string{"application/pdf", "application/zip"})
	if err != nil {
		return nil, congthuong.FieldErrOf(congthuong.EINVALID, "file", err)
	}
	t := &ProcedureTemplate{FileName: fileName, ContentType: ctype, Size: stored.Size, SHA256: stored.Sum}
	err = s.WithTx(ctx, func(tx *db.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO procedure_templates (procedure_code, file_name, content_type, size, sha256, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (procedure_code, file_name) DO UPDATE SET content_type = excluded.content_type,
			size = excluded.size, sha256 = excluded.sha256, created_at = excluded.created_at`,
			proc.Code, t.FileName, t.ContentType, t.Size, t.SHA256, tx.Now); err != nil {
			return fmt.Errorf("proceduredb: procedure template: %w", err)
		}
		return tx.Audit(ctx, audit.Attach, "procedure", proc.Code, "", nil, t)
	})
	return t, err
}

// ProcedureTemplates lists a procedure's blank forms; they are public.
func (s *Procedures) ProcedureTemplates(ctx context.Context, code string) ([]ProcedureTemplate, error) {
	rows, err := s.Read.QueryContext(ctx, `SELECT file_name, content_type, size, sha256 FROM procedure_templates
		WHERE procedure_code = $1 ORDER BY file_name`, strings.ToUpper(strings.TrimSpace(code)))
	if err != nil {
		return nil, fmt.Errorf("proceduredb: procedure templates: %w", err)
	}
	defer rows.Close()
	out := []ProcedureTemplate{}
	for rows.Next() {
		var t ProcedureTemplate
		if err := rows.Scan(&t.FileName, &t.ContentType, &t.Size, &t.SHA256); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// OpenProcedureTemplate opens a procedure's blank form by its name.
func (s *Procedures) OpenProcedureTemplate(ctx context.Context, code, fileName string) (*ProcedureTemplate, *os.File, error) {
	list, err := s.ProcedureTemplates(ctx, code)
	if err != nil {
		return nil, nil, err
	}
	for i := range list {
		if list[i].FileName == fileName {
			f, err := s.OpenFile(list[i].SHA256)
			return &list[i], f, err
		}
	}
	return nil, nil, congthuong.Errorf(congthuong.ENOTFOUND, "procedure.no_form_procedure", fileName, code)
}
