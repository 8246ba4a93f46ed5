package enterprise

import (
	"io"
	"iter"

	"congthuong"
	"congthuong/internal/tabular"
)

// readBatch is how many rows the reading goroutine hands over at a time.
const readBatch = 512

// ReadImport reads an import file (CSV or XLSX) in its own goroutine and
// yields its rows as they are read, so that the rows can be checked and
// written while the rest of the file is still being parsed: on two cores
// an XLSX import costs about the larger of its parsing and its writing
// instead of their sum. A wrong header, an unreadable file or a file
// without data rows is yielded as an error, after which iteration stops.
// Stopping early stops the reading.
func ReadImport(r io.Reader) iter.Seq2[ImportRow, error] {
	return func(yield func(ImportRow, error) bool) {
		batches := make(chan []ImportRow, 4)
		done := make(chan struct{})
		var readErr error
		go func() {
			defer close(batches)
			var m *RowMapper
			batch := make([]ImportRow, 0, readBatch)
			send := func() bool {
				select {
				case batches <- batch:
					batch = make([]ImportRow, 0, readBatch)
					return true
				case <-done:
					return false
				}
			}
			err := tabular.Scan(r, func(header []string) (err error) {
				m, err = NewRowMapper(header)
				return err
			}, func(row tabular.Row) error {
				batch = append(batch, m.Row(row))
				if len(batch) == readBatch && !send() {
					return errStopped
				}
				return nil
			})
			if err == nil && len(batch) > 0 {
				send()
			}
			readErr = err
		}()
		defer close(done)
		rows := 0
		for batch := range batches {
			for _, row := range batch {
				rows++
				if !yield(row, nil) {
					return
				}
			}
		}
		// batches is closed: readErr is set and visible.
		switch {
		case readErr == errStopped:
		case readErr != nil:
			yield(ImportRow{}, fileError(readErr))
		case rows == 0:
			yield(ImportRow{}, ErrNoRows)
		}
	}
}

var errStopped = &congthuong.Error{Code: congthuong.EINTERNAL, Message: "import stopped"}

// fileError gives a parsing failure the shape of a validation error on the
// file, keeping header problems (already field errors) as they are.
func fileError(err error) error {
	if congthuong.ErrorCode(err) == congthuong.EINVALID {
		return err
	}
	return &congthuong.Error{Code: congthuong.EINVALID, Message: "the file cannot be read",
		Fields: []congthuong.FieldError{{Field: "file", Message: err.Error()}}}
}
