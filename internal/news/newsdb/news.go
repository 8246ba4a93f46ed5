// Package newsdb keeps the department's news and announcements: articles,
// their changes after publication, files, readers' ratings and e-mail
// subscriptions.
package newsdb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/news"
)

// News is the news' SQL.
type News struct {
	*db.DB
	// SiteURL is the platform's public address, for the links in the
	// e-mails to subscribers.
	SiteURL string
}

// New returns the news' store over d.
func New(d *db.DB) *News { return &News{DB: d} }

const articleColumns = `id, slug, kind, category, topics, status, title_vi, summary_vi, body_vi, html_vi, title_en, summary_en,
	body_en, html_en, image_alt_vi, image_alt_en, publish_at, first_published_at, updated_at, withdrawn_at, notice_vi, notice_en,
	review_note, rating_sum, rating_count, version, created_at, created_by, modified_at, modified_by, published_by`

// Article is an article and what only staff read of it: the note of a
// return from review.
type Article struct {
	news.Article
	ReviewNote string `json:"review_note,omitempty"`
}

func scanArticle(sc db.Scanner) (*Article, error) {
	var a Article
	var topics string
	var publishAt, firstAt, updatedAt, withdrawnAt sql.NullTime
	err := sc.Scan(&a.ID, &a.Slug, &a.Kind, &a.Category, &topics, &a.Status, &a.VI.Title, &a.VI.Summary, &a.VI.Body, &a.HTMLVI,
		&a.EN.Title, &a.EN.Summary, &a.EN.Body, &a.HTMLEN, &a.ImageAltVI, &a.ImageAltEN, &publishAt, &firstAt, &updatedAt,
		&withdrawnAt, &a.NoticeVI, &a.NoticeEN, &a.ReviewNote, &a.RatingSum, &a.RatingCount, &a.Version, &a.CreatedAt,
		&a.CreatedBy, &a.ModifiedAt, &a.ModifiedBy, &a.PublishedBy)
	if err != nil {
		return nil, err
	}
	a.Topics = []string{}
	if topics != "" {
		a.Topics = strings.Split(topics, ",")
	}
	a.PublishAt, a.FirstPublishedAt, a.UpdatedAt, a.WithdrawnAt = db.UTCPtr(publishAt), db.UTCPtr(firstAt), db.UTCPtr(updatedAt),
		db.UTCPtr(withdrawnAt)
	a.CreatedAt, a.ModifiedAt = a.CreatedAt.UTC(), a.ModifiedAt.UTC()
	return &a, nil
}

// forReader hides from the public who wrote and published an article, a
// return's note, and the text of a withdrawn article.
func forReader(a *Article, actor congthuong.Actor) *Article {
	if !news.MayWrite(actor) {
		a.CreatedBy, a.ModifiedBy, a.PublishedBy, a.ReviewNote = "", "", "", ""
		if a.Status == news.Withdrawn {
			// Only the notice stays where a withdrawn article was.
			a.VI.Body, a.EN.Body, a.HTMLVI, a.HTMLEN = "", "", "", ""
		}
	}
	return a
}

// publicWhere limits a query to what the public reads at now: published
// and due, or withdrawn after publication.
func publicWhere(w *db.Where, now time.Time) {
	w.Add("((status = 'published' AND publish_at <= ?) OR (status = 'withdrawn' AND first_published_at IS NOT NULL))", now)
}

// Find reads an article by its address or its number. The public, communes
// and enterprises read it once published; editors read every state.
func (s *News) Find(ctx context.Context, key string) (*Article, error) {
	actor := congthuong.ActorFrom(ctx)
	w := &db.Where{}
	if id, err := strconv.ParseInt(key, 10, 64); err == nil {
		w.Add("id = ?", id)
	} else {
		w.Add("slug = ?", key)
	}
	if !news.MayWrite(actor) {
		publicWhere(w, s.NowUTC())
	}
	a, err := scanArticle(s.Read.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM news_articles`+w.SQL(), w.Args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congthuong.Errorf(congthuong.ENOTFOUND, "news.no_article", key)
	}
	if err != nil {
		return nil, fmt.Errorf("newsdb: find article: %w", err)
	}
	return forReader(a, actor), nil
}

// Filter selects articles. Status filters editors' lists only; the public
// always lists what is published.
type Filter struct {
	Q        string
	Kind     string
	Category string
	Topic    string
	Status   string
	// Manage lists every state for an editor, newest change first.
	Manage bool
	Page   db.Page
}

var articleSorts = map[string]string{"published": "publish_at", "modified": "modified_at", "title": "title_vi"}

// List reads a page of articles and how many match. The public's list is
// the published articles, newest first; an editor's (Manage) every state.
func (s *News) List(ctx context.Context, f Filter) ([]*Article, int, error) {
	actor := congthuong.ActorFrom(ctx)
	w := &db.Where{}
	def := "publish_at DESC"
	if f.Manage && news.MayWrite(actor) {
		def = "modified_at DESC"
		if f.Status != "" {
			w.Add("status = ?", f.Status)
		}
	} else {
		w.Add("status = 'published' AND publish_at <= ?", s.NowUTC())
	}
	if f.Kind != "" {
		w.Add("kind = ?", f.Kind)
	}
	if f.Category != "" {
		w.Add("category = ?", f.Category)
	}
	if f.Topic != "" {
		w.Add(`(',' || topics || ',') LIKE ? ESCAPE '\'`, db.LikePattern(","+f.Topic+","))
	}
	for i, word := range strings.Fields(foldQuery(f.Q)) {
		if i == maxQueryWords {
			break
		}
		w.Add(`search_text LIKE ? ESCAPE '\'`, db.LikePattern(word))
	}
	order, err := f.Page.OrderBy(articleSorts, def, "id DESC")
	if err != nil {
		return nil, 0, err
	}
	items, total, err := db.List(ctx, s.DB, "articles", db.Listing{Columns: articleColumns, From: "news_articles", Where: w, Order: order,
		Page: f.Page}, func(sc db.Scanner) (*Article, error) {
		a, err := scanArticle(sc)
		if err != nil {
			return nil, err
		}
		return forReader(a, actor), nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("newsdb: %w", err)
	}
	return items, total, nil
}

// maxQueryWords bounds the words a search filters by.
const maxQueryWords = 6

// Related lists up to n published articles of a's category or topics,
// newest first.
func (s *News) Related(ctx context.Context, a *Article, n int) ([]*Article, error) {
	w := &db.Where{}
	w.Add("status = 'published' AND publish_at <= ? AND id <> ?", s.NowUTC(), a.ID)
	cond, args := "category = ?", []any{a.Category}
	for _, t := range a.Topics {
		cond += ` OR (',' || topics || ',') LIKE ? ESCAPE '\'`
		args = append(args, db.LikePattern(","+t+","))
	}
	w.Add("("+cond+")", args...)
	out, err := db.Collect(ctx, s.Read, `SELECT `+articleColumns+` FROM news_articles`+w.SQL()+` ORDER BY publish_at DESC, id DESC
		LIMIT `+strconv.Itoa(n), w.Args, func(sc db.Scanner) (*Article, error) {
		a, err := scanArticle(sc)
		return forReader(a, congthuong.Actor{}), err
	})
	if err != nil {
		return nil, fmt.Errorf("newsdb: related articles: %w", err)
	}
	return out, nil
}

// Change is a change of a published article, as readers see it.
type Change struct {
	At     time.Time `json:"at"`
	Major  bool      `json:"major"`
	NoteVI string    `json:"note_vi"`
	NoteEN string    `json:"note_en,omitempty"`
	By     string    `json:"by,omitempty"`
}

// Note is the change's note in lang, Vietnamese when it has no English.
func (c Change) Note(lang string) string {
	if lang == "en" && c.NoteEN != "" {
		return c.NoteEN
	}
	return c.NoteVI
}

// Changes lists an article's changes after publication, newest first.
func (s *News) Changes(ctx context.Context, a *Article) ([]Change, error) {
	staff := news.MayWrite(congthuong.ActorFrom(ctx))
	out, err := db.Collect(ctx, s.Read, `SELECT at, major, note_vi, note_en, by_name FROM news_changes WHERE article_id = $1
		ORDER BY id DESC`, []any{a.ID}, func(sc db.Scanner) (Change, error) {
		var c Change
		err := sc.Scan(&c.At, &c.Major, &c.NoteVI, &c.NoteEN, &c.By)
		c.At = c.At.UTC()
		if !staff {
			c.By = ""
		}
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("newsdb: changes: %w", err)
	}
	return out, nil
}

// Views counts an article's page views, as the visit counter wrote them.
func (s *News) Views(ctx context.Context, a *Article) (int64, error) {
	var n int64
	err := s.Read.QueryRowContext(ctx, `SELECT COALESCE(SUM(views), 0) FROM page_views WHERE path = $1`, "/news/"+a.Slug).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("newsdb: views: %w", err)
	}
	return n, nil
}

// auditState is what the audit log keeps of an article: its state and
// both languages' text, not the HTML made from it.
type auditState struct {
	Slug      string     `json:"slug"`
	Status    string     `json:"status"`
	Kind      string     `json:"kind"`
	Category  string     `json:"category"`
	Topics    []string   `json:"topics,omitempty"`
	VI        news.Text  `json:"vi"`
	EN        news.Text  `json:"en"`
	PublishAt *time.Time `json:"publish_at,omitempty"`
	Notice    string     `json:"notice,omitempty"`
}

func stateOf(a *Article) auditState {
	return auditState{a.Slug, a.Status, a.Kind, a.Category, a.Topics, a.VI, a.EN, a.PublishAt, a.NoticeVI}
}

// logArticle writes an article's change to the audit log.
func logArticle(ctx context.Context, tx *db.Tx, action string, before, after *Article) error {
	var b, a any
	if before != nil {
		b = stateOf(before)
	}
	if after != nil {
		a = stateOf(after)
	}
	slug := ""
	if after != nil {
		slug = after.Slug
	} else if before != nil {
		slug = before.Slug
	}
	return tx.Audit(ctx, action, "news_article", slug, "", b, a)
}
