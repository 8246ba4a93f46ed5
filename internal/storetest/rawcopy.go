package storetest

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"testing"

	"congthuong/internal/db"
	"congthuong/internal/store"
)

// RawCopy is the baseline of an import benchmark: the CSV file parsed with
// encoding/csv (its heading skipped) and each record, as row makes it,
// written into table in one transaction by the fastest bulk write each
// database has (db.Tx.InsertRows), with no checks, audit or derived rows.
// It returns how many rows it wrote. row may return the same slice every
// time.
func RawCopy(b testing.TB, s *store.Store, file []byte, table string, columns []string, row func(rec []string) ([]any, error)) int {
	b.Helper()
	r := csv.NewReader(bytes.NewReader(file))
	r.ReuseRecord = true
	if _, err := r.Read(); err != nil {
		b.Fatal(err)
	}
	n := 0
	err := s.WithTx(context.Background(), func(tx *db.Tx) error {
		var readErr error
		err := tx.InsertRows(context.Background(), table, columns, func(yield func([]any) bool) {
			for {
				rec, err := r.Read()
				if err == io.EOF {
					return
				}
				var values []any
				if err == nil {
					values, err = row(rec)
				}
				if err != nil {
					readErr = err
					return
				}
				n++
				if !yield(values) {
					return
				}
			}
		})
		if err != nil {
			return err
		}
		return readErr
	})
	if err != nil {
		b.Fatal(err)
	}
	return n
}
