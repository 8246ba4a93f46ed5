package enterprise

import (
	"context"
	"io"
	"iter"

	"congthuong/internal/tabular"
)

// ReadImport reads an import file (CSV or XLSX) as it is parsed; see
// tabular.Stream. A wrong header, an unreadable file or a file without data
// rows is yielded as a validation error naming the row and column.
func ReadImport(r io.Reader) tabular.Source[ImportRow] {
	return func(ctx context.Context) iter.Seq2[ImportRow, error] {
		return func(yield func(ImportRow, error) bool) {
			rows := tabular.Stream(ctx, r, func(header []string) (func(tabular.Row) ImportRow, error) {
				m, err := NewRowMapper(header)
				if err != nil {
					return nil, err
				}
				return m.Row, nil
			})
			for row, err := range rows {
				if err != nil {
					err = tabular.FileError(err, ErrNoRows)
				}
				if !yield(row, err) {
					return
				}
			}
		}
	}
}
