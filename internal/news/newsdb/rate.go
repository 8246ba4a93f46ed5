package newsdb

import (
	"context"
	"fmt"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/news"
)

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
