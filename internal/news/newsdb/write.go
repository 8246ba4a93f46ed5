package newsdb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/db"
	"congthuong/internal/news"
	"congthuong/internal/unit"
)

func foldQuery(q string) string { return unit.Fold(q) }

// prepare normalises, checks and renders an article's text.
func prepare(a *news.Article) error {
	a.Normalize()
	if err := a.Validate(); err != nil {
		return err
	}
	a.HTMLVI = news.Render(a.VI.Body)
	a.HTMLEN = ""
	if a.EN.Title != "" {
		a.HTMLEN = news.Render(a.EN.Body)
	}
	return nil
}

// Create saves a new draft written by an editor.
func (s *News) Create(ctx context.Context, in *news.Article) (*Article, error) {
	actor := congthuong.ActorFrom(ctx)
	if !news.MayWrite(actor) {
		return nil, writeRefusal(actor)
	}
	a := &Article{Article: *in}
	if err := prepare(&a.Article); err != nil {
		return nil, err
	}
	err := s.WithTx(ctx, func(tx *db.Tx) error {
		slug, err := uniqueSlug(ctx, tx, news.Slug(a.VI.Title))
		if err != nil {
			return err
		}
		a.Slug, a.Status, a.Version = slug, news.Draft, 1
		a.CreatedAt, a.CreatedBy, a.ModifiedAt, a.ModifiedBy = tx.Now, tx.Actor.Name(), tx.Now, tx.Actor.Name()
		err = tx.QueryRowContext(ctx, `INSERT INTO news_articles (slug, kind, category, topics, status, title_vi, summary_vi,
			body_vi, html_vi, title_en, summary_en, body_en, html_en, image_alt_vi, image_alt_en, notice_vi, notice_en, review_note,
			search_text, version, created_at, created_by, modified_at, modified_by, published_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, '', '', '', $16, 1, $17, $18, $17, $18, '')
			RETURNING id`, a.Slug, a.Kind, a.Category, strings.Join(a.Topics, ","), a.Status, a.VI.Title, a.VI.Summary, a.VI.Body,
			a.HTMLVI, a.EN.Title, a.EN.Summary, a.EN.Body, a.HTMLEN, a.ImageAltVI, a.ImageAltEN, news.SearchText(&a.Article), tx.Now,
			a.CreatedBy).Scan(&a.ID)
		if err != nil {
			return fmt.Errorf("newsdb: create article: %w", err)
		}
		return logArticle(ctx, tx, audit.Create, nil, a)
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// writeRefusal is the error for whom may not write news.
func writeRefusal(actor congthuong.Actor) error {
	if actor.Anonymous() {
		return congthuong.Errorf(congthuong.EUNAUTHORIZED, "common.log_first")
	}
	return congthuong.Errorf(congthuong.EFORBIDDEN, "news.only_editors")
}

// uniqueSlug is slug, or slug-2, slug-3 … when taken.
func uniqueSlug(ctx context.Context, tx *db.Tx, slug string) (string, error) {
	for n := 1; ; n++ {
		try := slug
		if n > 1 {
			try = slug + "-" + strconv.Itoa(n)
		}
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM news_articles WHERE slug = $1`, try).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return try, nil
		}
		if err != nil {
			return "", fmt.Errorf("newsdb: slug: %w", err)
		}
	}
}

// ChangeNote is what a publisher says of a change to a published article:
// a major change is shown on the article and dates it anew in the feeds.
type ChangeNote struct {
	Major  bool
	NoteVI string
	NoteEN string
}

// Update saves an article's new text and settings. version is the version
// the editor read: a change made meanwhile is not overwritten. A
// published article's change needs a note (in Vietnamese at least).
func (s *News) Update(ctx context.Context, id int64, version int, in *news.Article, note ChangeNote) (*Article, error) {
	actor := congthuong.ActorFrom(ctx)
	if !news.MayWrite(actor) {
		return nil, writeRefusal(actor)
	}
	next := &Article{Article: *in}
	if err := prepare(&next.Article); err != nil {
		return nil, err
	}
	note.NoteVI, note.NoteEN = strings.Join(strings.Fields(note.NoteVI), " "), strings.Join(strings.Fields(note.NoteEN), " ")
	var out *Article
	err := s.WithTx(ctx, func(tx *db.Tx) error {
		before, err := s.lockArticle(ctx, tx, id, version)
		if err != nil {
			return err
		}
		if !news.MayEdit(tx.Actor, before.Status) {
			if before.Status == news.Published {
				return congthuong.Errorf(congthuong.EFORBIDDEN, "news.only_publishers_change_published")
			}
			return congthuong.Errorf(congthuong.ECONFLICT, "news.restore_before_editing")
		}
		published := before.Status == news.Published
		if published {
			var v congthuong.Validation
			if note.NoteVI == "" {
				v.Add("note_vi", "news.say_what_changed")
			}
			if utf8.RuneCountInString(note.NoteVI) > news.MaxNotice || utf8.RuneCountInString(note.NoteEN) > news.MaxNotice {
				v.Add("note_vi", "news.longer_than", news.MaxNotice)
			}
			if err := v.Err("news.invalid_article"); err != nil {
				return err
			}
		}
		a := *before
		a.Kind, a.Category, a.Topics, a.VI, a.EN, a.HTMLVI, a.HTMLEN = next.Kind, next.Category, next.Topics, next.VI, next.EN,
			next.HTMLVI, next.HTMLEN
		a.ImageAltVI, a.ImageAltEN = next.ImageAltVI, next.ImageAltEN
		a.ModifiedAt, a.ModifiedBy, a.Version = tx.Now, tx.Actor.Name(), before.Version+1
		if published && note.Major {
			now := tx.Now
			a.UpdatedAt = &now
		}
		if _, err := tx.ExecContext(ctx, `UPDATE news_articles SET kind = $1, category = $2, topics = $3, title_vi = $4,
			summary_vi = $5, body_vi = $6, html_vi = $7, title_en = $8, summary_en = $9, body_en = $10, html_en = $11,
			image_alt_vi = $12, image_alt_en = $13, search_text = $14, updated_at = $15, version = $16, modified_at = $17,
			modified_by = $18 WHERE id = $19`, a.Kind, a.Category, strings.Join(a.Topics, ","), a.VI.Title, a.VI.Summary, a.VI.Body,
			a.HTMLVI, a.EN.Title, a.EN.Summary, a.EN.Body, a.HTMLEN, a.ImageAltVI, a.ImageAltEN, news.SearchText(&a.Article),
			a.UpdatedAt, a.Version, a.ModifiedAt, a.ModifiedBy, a.ID); err != nil {
			return fmt.Errorf("newsdb: update article: %w", err)
		}
		if published {
			if _, err := tx.ExecContext(ctx, `INSERT INTO news_changes (article_id, at, major, note_vi, note_en, by_name)
				VALUES ($1, $2, $3, $4, $5, $6)`, a.ID, tx.Now, note.Major, note.NoteVI, note.NoteEN, tx.Actor.Name()); err != nil {
				return fmt.Errorf("newsdb: change note: %w", err)
			}
		}
		out = &a
		return logArticle(ctx, tx, audit.Update, before, &a)
	})
	return out, err
}

// lockArticle reads an article inside tx and checks that it is still at
// version (0: any).
func (s *News) lockArticle(ctx context.Context, tx *db.Tx, id int64, version int) (*Article, error) {
	a, err := scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM news_articles WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congthuong.Errorf(congthuong.ENOTFOUND, "news.no_article", strconv.FormatInt(id, 10))
	}
	if err != nil {
		return nil, fmt.Errorf("newsdb: read article: %w", err)
	}
	if version != 0 && a.Version != version {
		return nil, congthuong.Errorf(congthuong.ECONFLICT, "news.changed_meanwhile")
	}
	return a, nil
}

// Step is an action on an article and what it needs: a note for a return,
// a time for a scheduled publication, a public notice for a withdrawal.
type Step struct {
	Action    string
	Note      string
	PublishAt *time.Time
	NoticeVI  string
	NoticeEN  string
}

// Act takes an action of the workflow (news.Next says who may take which,
// from which state). Publishing an article that is due tells its
// category's subscribers, in the same transaction.
func (s *News) Act(ctx context.Context, id int64, version int, step Step) (*Article, error) {
	actor := congthuong.ActorFrom(ctx)
	if !news.MayWrite(actor) {
		return nil, writeRefusal(actor)
	}
	step.Note = strings.TrimSpace(step.Note)
	step.NoticeVI, step.NoticeEN = strings.TrimSpace(step.NoticeVI), strings.TrimSpace(step.NoticeEN)
	var out *Article
	err := s.WithTx(ctx, func(tx *db.Tx) error {
		before, err := s.lockArticle(ctx, tx, id, version)
		if err != nil {
			return err
		}
		to, err := news.Next(tx.Actor, before.Status, step.Action)
		if err != nil {
			return err
		}
		a := *before
		a.Status, a.ModifiedAt, a.ModifiedBy, a.Version = to, tx.Now, tx.Actor.Name(), before.Version+1
		var v congthuong.Validation
		switch step.Action {
		case news.Submit:
			a.ReviewNote = ""
		case news.Return:
			if step.Note == "" {
				v.Add("note", "news.say_why_returned")
			}
			a.ReviewNote = step.Note
		case news.Publish:
			at := tx.Now
			if step.PublishAt != nil && step.PublishAt.After(tx.Now) {
				at = step.PublishAt.UTC()
			}
			a.PublishAt, a.PublishedBy, a.ReviewNote = &at, tx.Actor.Name(), ""
			if a.FirstPublishedAt == nil {
				a.FirstPublishedAt = &at
			}
		case news.Withdraw:
			if step.NoticeVI == "" {
				v.Add("notice_vi", "news.say_why_withdrawn")
			}
			now := tx.Now
			a.WithdrawnAt, a.NoticeVI, a.NoticeEN = &now, step.NoticeVI, step.NoticeEN
		case news.Restore:
			a.WithdrawnAt, a.NoticeVI, a.NoticeEN, a.PublishAt = nil, "", "", nil
		}
		if utf8.RuneCountInString(step.Note) > news.MaxNotice || utf8.RuneCountInString(step.NoticeVI) > news.MaxNotice ||
			utf8.RuneCountInString(step.NoticeEN) > news.MaxNotice {
			v.Add("notice_vi", "news.longer_than", news.MaxNotice)
		}
		if err := v.Err("news.invalid_step"); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE news_articles SET status = $1, publish_at = $2, first_published_at = $3,
			withdrawn_at = $4, notice_vi = $5, notice_en = $6, review_note = $7, published_by = $8, version = $9,
			modified_at = $10, modified_by = $11 WHERE id = $12`, a.Status, a.PublishAt, a.FirstPublishedAt, a.WithdrawnAt,
			a.NoticeVI, a.NoticeEN, a.ReviewNote, a.PublishedBy, a.Version, a.ModifiedAt, a.ModifiedBy, a.ID); err != nil {
			return fmt.Errorf("newsdb: %s article: %w", step.Action, err)
		}
		if step.Action == news.Publish && !a.PublishAt.After(tx.Now) {
			if err := s.notify(ctx, tx, &a); err != nil {
				return err
			}
		}
		out = &a
		return logArticle(ctx, tx, step.Action, before, &a)
	})
	return out, err
}
