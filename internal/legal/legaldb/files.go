package legaldb

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/db"
	"congthuong/internal/legal"
)

// File is a document's file: its signed text or an annex.
type File = db.AttachedFile

var legalFiles = db.FileTable{Table: "legal_files", Owner: "document_id"}

// fileTypes are what a document's files may be.
var fileTypes = []string{"application/pdf", "application/zip", "image/jpeg", "image/png"}

// AddFile stores a file of the document of key.
func (s *Library) AddFile(ctx context.Context, key, title, fileName string, r io.Reader) (*File, error) {
	if !legal.MayWrite(congthuong.ActorFrom(ctx)) {
		return nil, congthuong.Errorf(congthuong.EFORBIDDEN, "legal.only_department")
	}
	if title = strings.Join(strings.Fields(title), " "); utf8.RuneCountInString(title) > legal.MaxName {
		return nil, congthuong.FieldErr(congthuong.EINVALID, "title", "legal.longer_than", legal.MaxName)
	}
	d, err := s.Find(ctx, key)
	if err != nil {
		return nil, err
	}
	f, stored, err := s.StoreUpload(r, fileName, fileTypes)
	if err != nil {
		return nil, err
	}
	f.Kind, f.Title = "document", title
	if f.Title == "" {
		f.Title = strings.TrimSuffix(f.FileName, filepath.Ext(f.FileName))
	}
	err = s.WithTx(ctx, func(tx *db.Tx) error {
		if err := legalFiles.Insert(ctx, tx, d.ID, &f); err != nil {
			return err
		}
		return tx.Audit(ctx, audit.Attach, "legal_document", d.Number, "", nil, f)
	})
	if err != nil {
		s.DiscardFiles([]db.StoredFile{stored})
		return nil, err
	}
	return &f, nil
}

// Files lists a document's files.
func (s *Library) Files(ctx context.Context, d *legal.Document) ([]File, error) {
	return legalFiles.List(ctx, s.Read, d.ID)
}

// OpenFile opens a file of a document the reader may see; the caller
// closes it.
func (s *Library) OpenFile(ctx context.Context, key string, id int64) (*File, *os.File, error) {
	d, err := s.Find(ctx, key)
	if err != nil {
		return nil, nil, err
	}
	files, err := s.Files(ctx, d)
	if err != nil {
		return nil, nil, err
	}
	for i := range files {
		if files[i].ID == id {
			content, err := s.DB.OpenFile(files[i].SHA256)
			return &files[i], content, err
		}
	}
	return nil, nil, congthuong.Errorf(congthuong.ENOTFOUND, "legal.no_file", strconv.FormatInt(id, 10))
}

// DeleteFile removes a file of a document.
func (s *Library) DeleteFile(ctx context.Context, key string, id int64) error {
	if !legal.MayWrite(congthuong.ActorFrom(ctx)) {
		return congthuong.Errorf(congthuong.EFORBIDDEN, "legal.only_department")
	}
	d, err := s.Find(ctx, key)
	if err != nil {
		return err
	}
	return s.WithTx(ctx, func(tx *db.Tx) error {
		ok, err := legalFiles.Delete(ctx, tx, d.ID, id)
		if err != nil {
			return err
		}
		if !ok {
			return congthuong.Errorf(congthuong.ENOTFOUND, "legal.no_file", strconv.FormatInt(id, 10))
		}
		return tx.Audit(ctx, audit.Detach, "legal_document", d.Number, "", map[string]int64{"file": id}, nil)
	})
}
