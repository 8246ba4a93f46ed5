package unitdb_test

import (
	"context"
	"testing"
	"time"

	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/unit"
	"congthuong/internal/unit/unitdb"
)

var unitQueries = []string{"thuy nguyen", "Hải Phòng", "DONG", "an", "phuong 1", "11560", "xa tan", "Đặc khu"}

func BenchmarkFindUnits(b *testing.B) {
	storetest.EachB(b, func(b *testing.B, s *store.Store) {
		ctx := context.Background()
		day := unit.Today(time.Now())
		b.Run("store", func(b *testing.B) {
			storetest.Timed(b, func(i int) {
				if _, _, err := s.FindUnits(ctx, unitdb.UnitFilter{Q: unitQueries[i%len(unitQueries)], ValidOn: day}); err != nil {
					b.Fatal(err)
				}
			})
		})
		b.Run("raw-sql", func(b *testing.B) {
			storetest.Timed(b, func(i int) {
				rows, err := s.Read.QueryContext(ctx, `SELECT code, name FROM units WHERE search_name LIKE $1
					AND (valid_from IS NULL OR valid_from <= $2) AND (valid_to IS NULL OR valid_to >= $2) ORDER BY code LIMIT 50`,
					"%"+unit.Fold(unitQueries[i%len(unitQueries)])+"%", day)
				if err != nil {
					b.Fatal(err)
				}
				for rows.Next() {
				}
				rows.Close()
			})
		})
	})
}
