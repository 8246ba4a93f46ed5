package newsdb

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
	"congthuong/internal/news"
)

// File is an article's lead image or an attachment.
type File struct {
	ID          int64     `json:"id"`
	Kind        string    `json:"kind"` // image or attachment
	Title       string    `json:"title"`
	FileName    string    `json:"file_name"`
	ContentType string    `json:"content_type"`
	Size        int64     `json:"size"`
	SHA256      string    `json:"sha256"`
	CreatedAt   time.Time `json:"created_at"`
}

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
	title = strings.Join(strings.Fields(title), " ")
	fileName = filepath.Base(strings.ReplaceAll(fileName, `\`, "/"))
	if title == "" {
		title = strings.TrimSuffix(fileName, filepath.Ext(fileName))
	}
	if utf8.RuneCountInString(title) > news.MaxAlt {
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
	stored, err := s.PutFile(r)
	if err != nil {
		return nil, err
	}
	ctype, err := db.FileType(stored.Head, fileName, fileTypes[kind])
	if err != nil {
		s.DiscardFiles([]db.StoredFile{stored})
		return nil, congthuong.FieldErrOf(congthuong.EINVALID, "file", err)
	}
	f := &File{Kind: kind, Title: title, FileName: fileName, ContentType: ctype, Size: stored.Size, SHA256: stored.Sum}
	err = s.WithTx(ctx, func(tx *db.Tx) error {
		f.CreatedAt = tx.Now
		if kind == "image" {
			if _, err := tx.ExecContext(ctx, `DELETE FROM news_files WHERE article_id = $1 AND kind = 'image'`, a.ID); err != nil {
				return fmt.Errorf("newsdb: replace image: %w", err)
			}
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO news_files (article_id, kind, title, file_name, content_type, size, sha256,
			created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`, a.ID, f.Kind, f.Title, f.FileName,
			f.ContentType, f.Size, f.SHA256, f.CreatedAt, tx.Actor.Name()).Scan(&f.ID); err != nil {
			return fmt.Errorf("newsdb: add file: %w", err)
		}
		return tx.Audit(ctx, audit.Attach, "news_article", a.Slug, "", nil, f)
	})
	if err != nil {
		s.DiscardFiles([]db.StoredFile{stored})
		return nil, err
	}
	return f, nil
}

// Files lists an article's files, the image first, if the reader may see
// the article.
func (s *News) Files(ctx context.Context, a *Article) ([]File, error) {
	out, err := db.Collect(ctx, s.Read, `SELECT id, kind, title, file_name, content_type, size, sha256, created_at FROM news_files
		WHERE article_id = $1 ORDER BY kind DESC, id`, []any{a.ID}, func(sc db.Scanner) (File, error) {
		var f File
		err := sc.Scan(&f.ID, &f.Kind, &f.Title, &f.FileName, &f.ContentType, &f.Size, &f.SHA256, &f.CreatedAt)
		f.CreatedAt = f.CreatedAt.UTC()
		return f, err
	})
	if err != nil {
		return nil, fmt.Errorf("newsdb: files: %w", err)
	}
	return out, nil
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
		res, err := tx.ExecContext(ctx, `DELETE FROM news_files WHERE id = $1 AND article_id = $2`, fileID, a.ID)
		if n, _ := db.RowsAffected(res, err); n == 0 {
			if err != nil {
				return fmt.Errorf("newsdb: delete file: %w", err)
			}
			return congthuong.Errorf(congthuong.ENOTFOUND, "news.no_file", strconv.FormatInt(fileID, 10))
		}
		return tx.Audit(ctx, audit.Detach, "news_article", a.Slug, "", map[string]int64{"file": fileID}, nil)
	})
}

// Rate records a reader's rating of a published article, one per reader
// (voter is the handler's keyed hash of the reader); it reports false when
// the reader had rated it already.
func (s *News) Rate(ctx context.Context, slug, voter string, stars int) (bool, error) {
	if stars < 1 || stars > 5 {
		return false, congthuong.FieldErr(congthuong.EINVALID, "stars", "news.stars_1_5")
	}
	a, err := s.Find(congthuong.NewContext(ctx, congthuong.Actor{}), slug)
	if err != nil {
		return false, err
	}
	if a.Status != news.Published {
		return false, congthuong.Errorf(congthuong.ECONFLICT, "news.rate_published_only")
	}
	counted := false
	err = s.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO news_votes (article_id, voter, stars, at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (article_id, voter) DO NOTHING`, a.ID, voter, stars, tx.Now)
		if n, err := db.RowsAffected(res, err); err != nil || n == 0 {
			return err
		}
		counted = true
		_, err = tx.ExecContext(ctx, `UPDATE news_articles SET rating_sum = rating_sum + $1, rating_count = rating_count + 1
			WHERE id = $2`, stars, a.ID)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("newsdb: rate: %w", err)
	}
	return counted, nil
}
