package enterprise

import (
	"io"

	"congthuong/internal/tabular"
)

// ReadImport reads an import file (CSV or XLSX) as it is parsed; see
// tabular.FileSource. A wrong header, an unreadable file or a file without
// data rows is yielded as a validation error naming the row and column.
func ReadImport(r io.Reader) tabular.Source[ImportRow] {
	return tabular.FileSource(r, ErrEmptyFile, func(header []string) (func(tabular.Row) ImportRow, error) {
		m, err := NewRowMapper(header)
		if err != nil {
			return nil, err
		}
		return m.Row, nil
	})
}
