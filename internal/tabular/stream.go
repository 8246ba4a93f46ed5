package tabular

import (
	"errors"
	"io"
	"iter"

	"congthuong"
)

// ErrNoRows reports a file with a header and no data rows.
var ErrNoRows = errors.New("the file has a header but no data rows")

// streamBatch is how many rows the reading goroutine hands over at a time.
const streamBatch = 512

var errStopped = errors.New("stopped")

// Stream reads a CSV or XLSX file in its own goroutine and yields what
// convert makes of each data row as it is read, so that rows can be checked
// and written while the rest of the file is still being parsed: on two
// cores an import then costs about the larger of its parsing and its
// writing, not their sum. header receives the header row and returns the
// converter, or an error that ends the stream. A file that cannot be read,
// or has no data rows (ErrNoRows), is yielded as an error, after which
// iteration stops. Stopping early stops the reading.
func Stream[T any](r io.Reader, header func([]string) (func(Row) T, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		batches := make(chan []T, 4)
		done := make(chan struct{})
		var readErr error
		go func() {
			defer close(batches)
			var convert func(Row) T
			batch := make([]T, 0, streamBatch)
			send := func() bool {
				select {
				case batches <- batch:
					batch = make([]T, 0, streamBatch)
					return true
				case <-done:
					return false
				}
			}
			err := Scan(r, func(h []string) (err error) {
				convert, err = header(h)
				return err
			}, func(row Row) error {
				batch = append(batch, convert(row))
				if len(batch) == streamBatch && !send() {
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
		var zero T
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
			yield(zero, readErr)
		case rows == 0:
			yield(zero, ErrNoRows)
		}
	}
}

// FileError gives a reading failure the shape of a validation error on the
// file: no data rows becomes noRows, header problems (already field errors)
// stay as they are, anything else is a problem with the file.
func FileError(err, noRows error) error {
	switch {
	case errors.Is(err, ErrNoRows):
		return noRows
	case congthuong.ErrorCode(err) == congthuong.EINVALID:
		return err
	}
	return &congthuong.Error{Code: congthuong.EINVALID, Message: "the file cannot be read",
		Fields: []congthuong.FieldError{{Field: "file", Message: err.Error()}}}
}
