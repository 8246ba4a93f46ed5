package parkdb

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/db"
)

// ParkFile is a photo or document of a site.
type ParkFile struct {
	ID          int64     `json:"id"`
	Kind        string    `json:"kind"` // photo or document
	Title       string    `json:"title"`
	FileName    string    `json:"file_name"`
	ContentType string    `json:"content_type"`
	Size        int64     `json:"size"`
	SHA256      string    `json:"sha256"`
	CreatedAt   time.Time `json:"created_at"`
	CreatedBy   string    `json:"created_by,omitempty"`
}

// Format is the kind of file its type shows, for a reader: pdf, jpeg,
// png, webp, gif, zip, or for an office file (a zip by its content) docx,
// xlsx or pptx by its name.
func (f ParkFile) Format() string {
	_, sub, _ := strings.Cut(f.ContentType, "/")
	if ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(f.FileName), ".")); sub == "zip" && (ext == "docx" || ext == "xlsx" || ext == "pptx") {
		return ext
	}
	return sub
}

// fileTypes are what a site's photos and documents may be, by the type
// their content shows (never the name or the browser's word).
var fileTypes = map[string][]string{
	"photo":    {"image/jpeg", "image/png", "image/webp", "image/gif"},
	"document": {"application/pdf", "image/jpeg", "image/png", "application/zip"},
}

// AddParkFile stores a photo or document of a site in the actor's scope:
// at most 20 MiB, of a type its content shows.
func (s *Parks) AddParkFile(ctx context.Context, code, kind, title, fileName string, r io.Reader) (*ParkFile, error) {
	if err := db.RequireWriter(congthuong.ActorFrom(ctx)); err != nil {
		return nil, err
	}
	var v congthuong.Validation
	if _, ok := fileTypes[kind]; !ok {
		v.Add("kind", "park.kind_photo_document")
	}
	title = strings.Join(strings.Fields(title), " ")
	fileName = filepath.Base(strings.ReplaceAll(fileName, `\`, "/"))
	if title == "" {
		title = strings.TrimSuffix(fileName, filepath.Ext(fileName))
	}
	if utf8.RuneCountInString(title) > 200 {
		v.Add("title", "park.title_longer_than_200_characters")
	}
	if err := v.Err("park.invalid_file"); err != nil {
		return nil, err
	}
	site, err := s.FindPark(ctx, code)
	if err != nil {
		return nil, err
	}
	if a := congthuong.ActorFrom(ctx); !a.System && !a.InScope(site.UnitCode, site.ProvinceCode) {
		return nil, congthuong.Errorf(congthuong.EFORBIDDEN, "park.site_outside_your_scope", site.Code)
	}
	stored, err := s.PutFile(r)
	if err != nil {
		return nil, err
	}
	ctype, err := db.FileType(stored.Head, fileName, fileTypes[kind])
	if err != nil {
		return nil, congthuong.FieldErrOf(congthuong.EINVALID, "file", err)
	}
	f := &ParkFile{Kind: kind, Title: title, FileName: fileName, ContentType: ctype, Size: stored.Size, SHA256: stored.Sum}
	err = s.WithTx(ctx, func(tx *db.Tx) error {
		f.CreatedAt, f.CreatedBy = tx.Now, tx.Actor.Name()
		if err := tx.QueryRowContext(ctx, `INSERT INTO park_files (park_id, kind, title, file_name, content_type, size, sha256,
			created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`, site.ID, f.Kind, f.Title, f.FileName,
			f.ContentType, f.Size, f.SHA256, f.CreatedAt, f.CreatedBy).Scan(&f.ID); err != nil {
			return fmt.Errorf("parkdb: add park file: %w", err)
		}
		if err := tx.BumpVersion(ctx, parksVersionKey); err != nil {
			return err
		}
		return tx.Audit(ctx, audit.Attach, "park", site.Code, site.UnitCode, nil, f)
	})
	return f, err
}

// ParkFiles lists a site's photos and documents, if the actor may see the
// site.
func (s *Parks) ParkFiles(ctx context.Context, code string) ([]ParkFile, error) {
	site, err := s.FindPark(ctx, code)
	if err != nil {
		return nil, err
	}
	rows, err := s.Read.QueryContext(ctx, `SELECT id, kind, title, file_name, content_type, size, sha256, created_at, created_by
		FROM park_files WHERE park_id = $1 ORDER BY kind DESC, id`, site.ID)
	if err != nil {
		return nil, fmt.Errorf("parkdb: park files: %w", err)
	}
	defer rows.Close()
	public := !congthuong.ActorFrom(ctx).SeesUnpublished()
	out := []ParkFile{}
	for rows.Next() {
		var f ParkFile
		if err := rows.Scan(&f.ID, &f.Kind, &f.Title, &f.FileName, &f.ContentType, &f.Size, &f.SHA256, &f.CreatedAt, &f.CreatedBy); err != nil {
			return nil, err
		}
		f.CreatedAt = f.CreatedAt.UTC()
		if public {
			f.CreatedBy = ""
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// OpenParkFile opens a site's file for reading, if the actor may see the
// site; the caller closes it.
func (s *Parks) OpenParkFile(ctx context.Context, code string, id int64) (*ParkFile, *os.File, error) {
	files, err := s.ParkFiles(ctx, code)
	if err != nil {
		return nil, nil, err
	}
	for i := range files {
		if files[i].ID == id {
			content, err := s.OpenFile(files[i].SHA256)
			return &files[i], content, err
		}
	}
	return nil, nil, congthuong.Errorf(congthuong.ENOTFOUND, "park.no_file_site", strconv.FormatInt(id, 10), code)
}

// DeleteParkFile removes a photo or document from a site in the actor's
// scope. The content stays in the data folder while another row names it.
func (s *Parks) DeleteParkFile(ctx context.Context, code string, id int64) error {
	if err := db.RequireWriter(congthuong.ActorFrom(ctx)); err != nil {
		return err
	}
	site, err := s.FindPark(ctx, code)
	if err != nil {
		return err
	}
	return s.WithTx(ctx, func(tx *db.Tx) error {
		if !tx.Actor.System && !tx.Actor.InScope(site.UnitCode, site.ProvinceCode) {
			return congthuong.Errorf(congthuong.EFORBIDDEN, "park.site_outside_your_scope", site.Code)
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM park_files WHERE id = $1 AND park_id = $2`, id, site.ID)
		if err != nil {
			return fmt.Errorf("parkdb: delete park file: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return congthuong.Errorf(congthuong.ENOTFOUND, "park.no_file_site_2", id, site.Code)
		}
		if err := tx.BumpVersion(ctx, parksVersionKey); err != nil {
			return err
		}
		return tx.Audit(ctx, audit.Detach, "park", site.Code, site.UnitCode, map[string]int64{"file": id}, nil)
	})
}
