package web

import (
	"context"
	"io"
	"net/http"

	"congthuong/internal/db"

	"congthuong"
)

// ImportFile is an import's uploaded file, received while holding one of
// the store's import slots (store.AcquireImport): ctx carries the slot to
// the import; release gives it back.
type ImportFile struct {
	Ctx     context.Context
	Body    []byte
	Release func()
}

// ReceiveImport takes an import slot and reads the uploaded file: the
// "file" part of a multipart form, or the raw body. Who may not import is
// refused before either.
func (s *Server) ReceiveImport(w http.ResponseWriter, r *http.Request) (*ImportFile, error) {
	if a := congthuong.ActorFrom(r.Context()); !a.System && !a.CanWrite() {
		return nil, ForbiddenOrLogin(a)
	}
	ctx, release, err := s.db.AcquireImport(r.Context())
	if err != nil {
		return nil, err
	}
	body, err := readUpload(w, r)
	if err != nil {
		release()
		return nil, err
	}
	return &ImportFile{Ctx: ctx, Body: body, Release: release}, nil
}

// readUpload returns the uploaded file: the "file" part of a multipart form,
// or the raw body.
func readUpload(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	r.Body = http.MaxBytesReader(w, r.Body, MaxImportRequest)
	var src io.Reader = r.Body
	if ct := r.Header.Get("Content-Type"); len(ct) >= 19 && ct[:19] == "multipart/form-data" {
		f, _, err := r.FormFile("file")
		if err != nil {
			return nil, &congthuong.Error{Code: congthuong.EINVALID, Message: "web.no_file",
				Fields: []congthuong.FieldError{{Field: "file", Message: "web.choose_csv_xlsx_file_import"}}}
		}
		defer f.Close()
		src = f
	}
	body, err := io.ReadAll(src)
	if err != nil {
		return nil, &congthuong.Error{Code: congthuong.EINVALID, Message: "web.upload_failed",
			Fields: []congthuong.FieldError{{Field: "file", Message: "web.file_could_not_read_larger_than_mib", Args: []any{ImportMiB}}}}
	}
	if len(body) == 0 {
		return nil, &congthuong.Error{Code: congthuong.EINVALID, Message: "web.empty_file",
			Fields: []congthuong.FieldError{{Field: "file", Message: "web.choose_csv_xlsx_file_import"}}}
	}
	return body, nil
}

// ImportOutcome is what an import page shows after an upload (the layout's
// "import-outcome"): what was done, or every row the file got wrong.
type ImportOutcome struct {
	Result   *db.ImportResult
	Problems []ImportProblem
}

// ImportProblem is one bad cell or row of an imported file.
type ImportProblem struct {
	Row     int
	Field   string
	Message string
}

// Outcome is the outcome of an import that ended with res and err, in
// p's language; the error's fields become the problems.
func Outcome(p *Printer, res db.ImportResult, err error) ImportOutcome {
	if err == nil {
		return ImportOutcome{Result: &res}
	}
	var o ImportOutcome
	for _, f := range congthuong.ErrorFields(err) {
		o.Problems = append(o.Problems, ImportProblem{Row: f.Row, Field: f.Field, Message: p.Message(f.Message, f.Args...)})
	}
	return o
}
