package tabular

import (
	"context"
	"errors"
	"io"
	"iter"

	"congthuong"
)

// ErrNoDataRows reports a file with a header and no data rows.
var ErrNoDataRows = errors.New("the file has a header but no data rows")

// Source gives the rows of an import, read under ctx: reading stops with
// ctx's error once ctx ends, so that an import can bound its reading time
// and stop when its client goes away.
type Source[T any] func(ctx context.Context) iter.Seq2[T, error]

// Rows is a Source of rows already in memory.
func Rows[T any](rows []T) Source[T] {
	return func(ctx context.Context) iter.Seq2[T, error] {
		return func(yield func(T, error) bool) {
			for _, r := range rows {
				if !yield(r, nil) {
					return
				}
			}
		}
	}
}

// FileSource is the Source of a CSV or XLSX file: its rows as header's
// converter makes them, read as they are parsed (Stream), with a file that
// cannot be read, has a wrong header or has no data rows yielded as a
// validation error on the file (FileError, noRows for the last).
func FileSource[T any](r io.Reader, noRows error, header func([]string) (func(Row) T, error)) Source[T] {
	return func(ctx context.Context) iter.Seq2[T, error] {
		return func(yield func(T, error) bool) {
			for row, err := range Stream(ctx, r, header) {
				if err != nil {
					err = FileError(err, noRows)
				}
				if !yield(row, err) {
					return
				}
			}
		}
	}
}

// FromSeq is a Source of rows a program generates; it stops with ctx's
// error once ctx ends.
func FromSeq[T any](rows iter.Seq2[T, error]) Source[T] {
	return func(ctx context.Context) iter.Seq2[T, error] {
		return func(yield func(T, error) bool) {
			n := 0
			for r, err := range rows {
				if n++; n%1024 == 0 && ctx.Err() != nil {
					var zero T
					yield(zero, ctx.Err())
					return
				}
				if !yield(r, err) {
					return
				}
			}
		}
	}
}

// streamBatch is how many rows the reading goroutine hands over at a time.
const streamBatch = 512

var errStopped = errors.New("stopped")

// Stream reads a CSV or XLSX file in its own goroutine and yields what
// convert makes of each data row as it is read, so that rows can be checked
// while the rest of the file is still being parsed: on two cores reading
// then costs about the larger of parsing and checking, not their sum.
// header receives the header row and returns the converter, or an error
// that ends the stream. A file that cannot be read, or has no data rows
// (ErrNoDataRows), is yielded as an error, after which iteration stops; so is
// ctx's error once ctx ends, and the reading goroutine stops with it.
// Stopping early stops the reading.
func Stream[T any](ctx context.Context, r io.Reader, header func([]string) (func(Row) T, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel() // stops the reading goroutine when iteration stops early
		batches := make(chan []T, 4)
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
				case <-ctx.Done():
					return false
				}
			}
			err := Scan(ctx, r, func(h []string) (err error) {
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
		rows := 0
		var zero T
		for {
			var batch []T
			var open bool
			select {
			case batch, open = <-batches:
			case <-ctx.Done():
				yield(zero, context.Cause(ctx))
				return
			}
			if !open {
				break
			}
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
			yield(zero, ErrNoDataRows)
		}
	}
}

// FileError gives a reading failure the shape of a validation error on the
// file: no data rows becomes noRows, problems already shaped as validation
// errors (a wrong header, a limit) stay as they are, the end of the reading's
// context is passed on, anything else is a problem with the file.
func FileError(err, noRows error) error {
	switch {
	case errors.Is(err, ErrNoDataRows):
		return noRows
	case congthuong.ErrorCode(err) == congthuong.EINVALID,
		errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	}
	return fileProblem("file.unreadable")
}
