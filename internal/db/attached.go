package db

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"congthuong"
)

// Attached files: a record's photos, images and documents, each a row of
// a table of the same shape (id, the owner's id, kind, title, file name,
// content type, size, SHA-256, created at and by) naming a stored file.
// Modules keep their own table, so that each owner's rows stay with it;
// these helpers read and write any of them.

// AttachedFile is a row of a table of attached files.
type AttachedFile struct {
	ID          int64     `json:"id"`
	Kind        string    `json:"kind"`
	Title       string    `json:"title"`
	FileName    string    `json:"file_name"`
	ContentType string    `json:"content_type"`
	Size        int64     `json:"size"`
	SHA256      string    `json:"sha256"`
	CreatedAt   time.Time `json:"created_at"`
}

// FileTable is a table of attached files and the column naming its owner.
type FileTable struct {
	Table, Owner string
}

// StoreUpload writes an upload to the files folder and checks its type by
// its content against allowed; a refused file is removed at once. The
// returned file's Kind and Title are the caller's to set.
func (s *DB) StoreUpload(r io.Reader, fileName string, allowed []string) (AttachedFile, StoredFile, error) {
	name := filepath.Base(strings.ReplaceAll(fileName, `\`, "/"))
	stored, err := s.PutFile(r)
	if err != nil {
		return AttachedFile{}, stored, err
	}
	ctype, err := FileType(stored.Head, name, allowed)
	if err != nil {
		s.DiscardFiles([]StoredFile{stored})
		return AttachedFile{}, stored, congthuong.FieldErrOf(congthuong.EINVALID, "file", err)
	}
	return AttachedFile{FileName: name, ContentType: ctype, Size: stored.Size, SHA256: stored.Sum}, stored, nil
}

// Insert adds f to owner's files in tx.
func (t FileTable) Insert(ctx context.Context, tx *Tx, owner int64, f *AttachedFile) error {
	f.CreatedAt = tx.Now
	err := tx.QueryRowContext(ctx, `INSERT INTO `+t.Table+` (`+t.Owner+`, kind, title, file_name, content_type, size, sha256,
		created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`, owner, f.Kind, f.Title, f.FileName,
		f.ContentType, f.Size, f.SHA256, f.CreatedAt, tx.Actor.Name()).Scan(&f.ID)
	if err != nil {
		return fmt.Errorf("db: add to %s: %w", t.Table, err)
	}
	return nil
}

// List reads owner's files, by kind (descending, so that "image" and
// "photo" come before "document" and "attachment") and then as added.
func (t FileTable) List(ctx context.Context, q Queryer, owner int64) ([]AttachedFile, error) {
	out, err := Collect(ctx, q, `SELECT id, kind, title, file_name, content_type, size, sha256, created_at FROM `+t.Table+`
		WHERE `+t.Owner+` = $1 ORDER BY kind DESC, id`, []any{owner}, func(sc Scanner) (AttachedFile, error) {
		var f AttachedFile
		err := sc.Scan(&f.ID, &f.Kind, &f.Title, &f.FileName, &f.ContentType, &f.Size, &f.SHA256, &f.CreatedAt)
		f.CreatedAt = f.CreatedAt.UTC()
		return f, err
	})
	if err != nil {
		return nil, fmt.Errorf("db: %s: %w", t.Table, err)
	}
	return out, nil
}

// Delete removes one of owner's files in tx; it reports false when owner
// has no such file.
func (t FileTable) Delete(ctx context.Context, tx *Tx, owner, id int64) (bool, error) {
	res, err := tx.ExecContext(ctx, `DELETE FROM `+t.Table+` WHERE id = $1 AND `+t.Owner+` = $2`, id, owner)
	n, err := RowsAffected(res, err)
	if err != nil {
		return false, fmt.Errorf("db: delete from %s: %w", t.Table, err)
	}
	return n > 0, nil
}
