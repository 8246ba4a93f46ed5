package newsdb

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
	"congthuong/internal/news"
)

// File is an article's lead image (kind image) or an attachment.
type File = db.AttachedFile

var newsFiles = db.FileTable{Table: "news_files", Owner: "article_id"}

// fileTypes are what an article's files may be, by the type their content
// shows.
var fileTypes = map[string][]string{
	"image":      {"image/jpeg", "image/png", "image/webp"},
	"attachment": {"application/pdf", "application/zip", "image/jpeg", "image/png"},
}

// AddFile stores an article's lead image (replacing the one before) or an
// attachment, while the actor may edit the article.
func (s *News) AddFile(ctx context.Context, id int64, kind, title, fileName string, r io.Reader) (*File, error) {
	actor := congthuong.ActorFrom(ctx)
	if !news.MayWrite(actor) {
		return nil, writeRefusal(actor)
	}
	var v congthuong.Validation
	if _, ok := fileTypes[kind]; !ok {
		v.Add("kind", "news.kind_image_attachment")
	}
	if title = strings.Join(strings.Fields(title), " "); utf8.RuneCountInString(title) > news.MaxAlt {
		v.Add("title", "news.longer_than", news.MaxAlt)
	}
	if err := v.Err("news.invalid_file"); err != nil {
		return nil, err
	}
	a, err := s.Find(ctx, strconv.FormatInt(id, 10))
	if err != nil {
		return nil, err
	}
	if !news.MayEdit(actor, a.Status) {
		return nil, congthuong.Errorf(congthuong.EFORBIDDEN, "news.only_publishers_change_published")
	}
	f, stored, err := s.StoreUpload(r, fileName, fileTypes[kind])
	if err != nil {
		return nil, err
	}
	f.Kind, f.Title = kind, title
	if f.Title == "" {
		f.Title = strings.TrimSuffix(f.FileName, filepath.Ext(f.FileName))
	}
	err = s.WithTx(ctx, func(tx *db.Tx) error {
		if kind == "image" {
			if _, err := tx.ExecContext(ctx, `DELETE FROM news_files WHERE article_id = $1 AND kind = 'image'`, a.ID); err != nil {
				return err
			}
		}
		if err := newsFiles.Insert(ctx, tx, a.ID, &f); err != nil {
			return err
		}
		return tx.Audit(ctx, audit.Attach, "news_article", a.Slug, "", nil, f)
	})
	if err != nil {
		s.DiscardFiles([]db.StoredFile{stored})
		return nil, err
	}
	return &f, nil
}

// Files lists an article's files, the image first.
func (s *News) Files(ctx context.Context, a *Article) ([]File, error) {
	return newsFiles.List(ctx, s.Read, a.ID)
}

// OpenFile opens an article's file for reading, if the reader may see the
// article; the caller closes it.
func (s *News) OpenFile(ctx context.Context, slug string, id int64) (*File, *os.File, error) {
	a, err := s.Find(ctx, slug)
	if err != nil {
		return nil, nil, err
	}
	if a.Status == news.Withdrawn && !news.MayWrite(congthuong.ActorFrom(ctx)) {
		return nil, nil, congthuong.Errorf(congthuong.ENOTFOUND, "news.no_file", strconv.FormatInt(id, 10))
	}
	files, err := s.Files(ctx, a)
	if err != nil {
		return nil, nil, err
	}
	for i := range files {
		if files[i].ID == id {
			content, err := s.DB.OpenFile(files[i].SHA256)
			return &files[i], content, err
		}
	}
	return nil, nil, congthuong.Errorf(congthuong.ENOTFOUND, "news.no_file", strconv.FormatInt(id, 10))
}

// DeleteFile removes a file from an article the actor may edit.
func (s *News) DeleteFile(ctx context.Context, id, fileID int64) error {
	actor := congthuong.ActorFrom(ctx)
	if !news.MayWrite(actor) {
		return writeRefusal(actor)
	}
	return s.WithTx(ctx, func(tx *db.Tx) error {
		a, err := s.lockArticle(ctx, tx, id, 0)
		if err != nil {
			return err
		}
		if !news.MayEdit(tx.Actor, a.Status) {
			return congthuong.Errorf(congthuong.EFORBIDDEN, "news.only_publishers_change_published")
		}
		if ok, err := newsFiles.Delete(ctx, tx, a.ID, fileID); err != nil || !ok {
			if err != nil {
				return err
			}
			return congthuong.Errorf(congthuong.ENOTFOUND, "news.no_file", strconv.FormatInt(fileID, 10))
		}
		return tx.Audit(ctx, audit.Detach, "news_article", a.Slug, "", map[string]int64{"file": fileID}, nil)
	})
}
