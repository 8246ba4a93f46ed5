package newsdb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/db"
	"congthuong/internal/news"
)

// Subscriptions are confirmed by a link sent to the address (double
// opt-in): until then nothing is sent to it but that link. A subscriber
// who changes their categories confirms again, and keeps the old ones
// until then, so that nobody else can change what an address receives.
// The token in the links is kept as is: it unsubscribes, and must be in
// every article's e-mail.

// newToken is a random token for a subscriber's links.
func newToken() string {
	b := make([]byte, 24)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Subscribe records an address's wish to receive the articles of
// categories and sends it the confirmation link.
func (s *News) Subscribe(ctx context.Context, email string, categories []string, lang string) error {
	email = strings.TrimSpace(email)
	var v congthuong.Validation
	if !congthuong.ValidEmail(email) {
		v.Add("email", "news.email_invalid")
	}
	var cats []string
	for _, c := range categories {
		if slices.Contains(news.Categories, c) && !slices.Contains(cats, c) {
			cats = append(cats, c)
		}
	}
	if len(cats) == 0 {
		v.Add("categories", "news.choose_categories")
	}
	if err := v.Err("news.invalid_subscription"); err != nil {
		return err
	}
	if lang != "en" {
		lang = "vi"
	}
	token := newToken()
	return s.WithTx(ctx, func(tx *db.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM news_subscribers WHERE email = $1`, email).Scan(&id)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			err = tx.QueryRowContext(ctx, `INSERT INTO news_subscribers (email, categories, pending, lang, token, created_at)
				VALUES ($1, '', $2, $3, $4, $5) RETURNING id`, email, strings.Join(cats, ","), lang, token, tx.Now).Scan(&id)
		case err == nil:
			_, err = tx.ExecContext(ctx, `UPDATE news_subscribers SET pending = $1, lang = $2, token = $3 WHERE id = $4`,
				strings.Join(cats, ","), lang, token, id)
		}
		if err != nil {
			return fmt.Errorf("newsdb: subscribe: %w", err)
		}
		subject, body := news.ConfirmMail(lang, s.SiteURL, token, cats)
		if err := tx.EnqueueMail(ctx, email, subject, body, "news-subscribe"); err != nil {
			return err
		}
		// The log names the subscription, never the address.
		return tx.Audit(ctx, audit.Create, "news_subscriber", fmt.Sprint(id), "", nil, map[string]any{"pending": cats})
	})
}

// Confirm confirms the subscription whose link carried token, and returns
// its categories.
func (s *News) Confirm(ctx context.Context, token string) ([]string, error) {
	var cats []string
	err := s.WithTx(ctx, func(tx *db.Tx) error {
		var id int64
		var pending string
		err := tx.QueryRowContext(ctx, `SELECT id, pending FROM news_subscribers WHERE token = $1`, token).Scan(&id, &pending)
		if errors.Is(err, sql.ErrNoRows) || token == "" {
			return congthuong.Errorf(congthuong.ENOTFOUND, "news.link_unknown")
		}
		if err != nil {
			return fmt.Errorf("newsdb: confirm: %w", err)
		}
		if pending != "" {
			if _, err := tx.ExecContext(ctx, `UPDATE news_subscribers SET categories = $1, pending = '', confirmed_at = $2
				WHERE id = $3`, pending, tx.Now, id); err != nil {
				return fmt.Errorf("newsdb: confirm: %w", err)
			}
		}
		var current string
		if err := tx.QueryRowContext(ctx, `SELECT categories FROM news_subscribers WHERE id = $1`, id).Scan(&current); err != nil {
			return fmt.Errorf("newsdb: confirm: %w", err)
		}
		cats = strings.Split(current, ",")
		return tx.Audit(ctx, "confirm", "news_subscriber", fmt.Sprint(id), "", nil, map[string]any{"categories": cats})
	})
	return cats, err
}

// Unsubscribe forgets the address whose link carried token.
func (s *News) Unsubscribe(ctx context.Context, token string) error {
	return s.WithTx(ctx, func(tx *db.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM news_subscribers WHERE token = $1`, token).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) || token == "" {
			return congthuong.Errorf(congthuong.ENOTFOUND, "news.link_unknown")
		}
		if err != nil {
			return fmt.Errorf("newsdb: unsubscribe: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM news_subscribers WHERE id = $1`, id); err != nil {
			return fmt.Errorf("newsdb: unsubscribe: %w", err)
		}
		return tx.Audit(ctx, audit.Delete, "news_subscriber", fmt.Sprint(id), "", nil, nil)
	})
}

// notify tells the confirmed subscribers of a's category of it, once: an
// article published again after a withdrawal is not sent again.
func (s *News) notify(ctx context.Context, tx *db.Tx, a *Article) error {
	res, err := tx.ExecContext(ctx, `UPDATE news_articles SET notified_at = $1 WHERE id = $2 AND notified_at IS NULL`, tx.Now, a.ID)
	if n, _ := db.RowsAffected(res, err); n == 0 {
		return err
	}
	type sub struct{ email, lang, token string }
	subs, err := db.Collect(ctx, tx, `SELECT email, lang, token FROM news_subscribers WHERE confirmed_at IS NOT NULL
		AND (',' || categories || ',') LIKE $1 ORDER BY id`, []any{"%," + a.Category + ",%"}, func(sc db.Scanner) (sub, error) {
		var x sub
		return x, sc.Scan(&x.email, &x.lang, &x.token)
	})
	if err != nil {
		return fmt.Errorf("newsdb: subscribers: %w", err)
	}
	for _, x := range subs {
		subject, body := news.ArticleMail(x.lang, s.SiteURL, x.token, &a.Article)
		if err := tx.EnqueueMail(ctx, x.email, subject, body, "news-"+a.Slug); err != nil {
			return err
		}
	}
	return nil
}

// NotifyDue tells subscribers of the articles whose scheduled time has
// come; the server calls it every minute.
func (s *News) NotifyDue(ctx context.Context) (int, error) {
	sys := congthuong.NewContext(ctx, congthuong.System())
	ids, err := db.Collect(sys, s.Read, `SELECT id FROM news_articles WHERE status = 'published' AND publish_at <= $1
		AND notified_at IS NULL ORDER BY publish_at`, []any{s.NowUTC()}, func(sc db.Scanner) (int64, error) {
		var id int64
		return id, sc.Scan(&id)
	})
	if err != nil {
		return 0, fmt.Errorf("newsdb: due articles: %w", err)
	}
	for _, id := range ids {
		err := s.WithTx(sys, func(tx *db.Tx) error {
			a, err := s.lockArticle(sys, tx, id, 0)
			if err != nil {
				return err
			}
			return s.notify(sys, tx, a)
		})
		if err != nil {
			return 0, err
		}
	}
	return len(ids), nil
}
