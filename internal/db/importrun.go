package db

import (
	"context"
	"errors"
	"time"

	"congthuong"
	"congthuong/internal/tabular"
)

// Every import runs in two phases (runImport). The file is read and each
// row checked first, outside any transaction, so that parsing a large or
// hostile file never holds the writer: on SQLite one transaction writes at a
// time, and every login, filing and edit would wait for it. Reading is
// bounded in rows and time and stops when the request's context ends. The
// rows are then reviewed against what is stored, still outside any
// transaction, so that one report lists every problem. Only when every row
// is good does the second phase take a write transaction, check again what
// depends on the stored state, now under its locks, and write.

// importSlots is how many imports a process reads at once: each holds its
// file and its checked rows in memory.
const importSlots = 2

// importWait is how long an import waits for a slot before it is refused.
const importWait = 5 * time.Second

// DefaultImportReadTime bounds the first phase of an import.
const DefaultImportReadTime = 2 * time.Minute

// importer describes one kind of import of rows T to runImport; S is what
// its review finds in the store.
type Importer[T, S any] struct {
	// Kind names the import in logs (enterprises, values, sites, tenants).
	Kind string
	// MaxRows bounds the rows of one file.
	MaxRows int
	// NoRows is returned for a file without data rows.
	NoRows error
	// Check checks one row as it is read, adding its problems to v; an
	// error it returns ends the import.
	Check func(r T, v *congthuong.Validation) error
	// Review checks the rows read against what is stored, through q: rows
	// that are wrong go to invalid, rows that would change what the actor
	// may not change to conflicts. It runs on the read pool once the file is
	// read, so that one report lists every problem, and again in the write
	// transaction (q is then the *Tx, whose locks it may take), where what
	// it finds is handed to write.
	Review func(q Queryer, p *ImportProblems) (S, error)
	// Write writes the rows, given what review found in the transaction.
	// In a dry run the transaction is rolled back after it.
	Write func(tx *Tx, found S) error
}

// importProblems collects what is wrong with an import's rows.
type ImportProblems struct {
	// Invalid are rows that are wrong; Conflicts rows that are good but
	// would change what may not be changed.
	Invalid, Conflicts congthuong.Validation
}

// Err returns nil when nothing is wrong; else every problem, as EINVALID
// when some row is wrong and as ECONFLICT when the rows are good but would
// change what may not be changed.
func (p *ImportProblems) Err() error {
	if p.Conflicts.Len() == 0 {
		return p.Invalid.Err("common.file_has_invalid_rows_nothing_was")
	}
	if p.Invalid.Len() == 0 {
		err := p.Conflicts.Err("db.file_would_change_figures_that_locked").(*congthuong.Error)
		err.Code = congthuong.ECONFLICT
		return err
	}
	all := p.Invalid
	for _, f := range congthuong.ErrorFields(p.Conflicts.Err("")) {
		all.AddRow(f.Row, f.Field, f.Message, f.Args...)
	}
	return all.Err("common.file_has_invalid_rows_nothing_was")
}

// rowProblems is an error a source yields for one row that cannot be read;
// reading goes on so that one report lists every row's problems.
type rowProblems interface {
	error
	RowFields() []congthuong.FieldError
}

type importSlotKey struct{}

// AcquireImport takes one of the process's import slots, waiting a few
// seconds for one before refusing with ETOOMANY. The returned context
// carries the slot, so that the import run under it takes no other; call
// release when done. The web layer takes the slot before reading an
// upload, so that no more than importSlots uploads are held in memory.
func (s *DB) AcquireImport(ctx context.Context) (context.Context, func(), error) {
	if ctx.Value(importSlotKey{}) != nil {
		return ctx, func() {}, nil
	}
	t := time.NewTimer(importWait)
	defer t.Stop()
	select {
	case s.imports <- struct{}{}:
		return context.WithValue(ctx, importSlotKey{}, true), func() { <-s.imports }, nil
	case <-t.C:
		return ctx, nil, congthuong.Errorf(congthuong.ETOOMANY, "db.other_imports_running_try_again_minute")
	case <-ctx.Done():
		return ctx, nil, ctx.Err()
	}
}

// errDryRun rolls back a dry run's transaction.
var errDryRun = congthuong.Errorf(congthuong.EINTERNAL, "db.dry_run")

// errReadTooLong ends the first phase of an import that ran out of time.
var errReadTooLong = errors.New("import: reading took too long")

// runImport runs an import: the first phase reads src and checks each row
// with imp.check; if any row is wrong, every problem is returned and nothing
// is written. The second phase runs imp.write in one write transaction,
// rolled back in a dry run. rows is set to the number of data rows read.
func RunImport[T, S any](ctx context.Context, s *DB, src tabular.Source[T], dryRun bool, rows *int, imp Importer[T, S]) error {
	if err := RequireWriter(congthuong.ActorFrom(ctx)); err != nil {
		return err
	}
	ctx, release, err := s.AcquireImport(ctx)
	if err != nil {
		return err
	}
	defer release()
	actor := congthuong.ActorFrom(ctx)
	start := time.Now()
	if err := readImport(ctx, s, src, rows, imp); err != nil {
		s.log.InfoContext(ctx, "import refused", "kind", imp.Kind, "user", actor.Name(), "rows", *rows,
			"took", time.Since(start), "err", err)
		return err
	}
	s.log.InfoContext(ctx, "import read", "kind", imp.Kind, "user", actor.Name(), "rows", *rows, "took", time.Since(start))
	start = time.Now()
	err = s.WithTx(ctx, func(tx *Tx) error {
		s.log.InfoContext(ctx, "import writing", "kind", imp.Kind, "rows", *rows, "dry_run", dryRun)
		var p ImportProblems
		found, err := imp.Review(tx, &p)
		if err != nil {
			return err
		}
		if err := p.Err(); err != nil {
			return err
		}
		if err := imp.Write(tx, found); err != nil {
			return err
		}
		if dryRun {
			return errDryRun
		}
		return nil
	})
	if err == errDryRun {
		err = nil
	}
	s.log.InfoContext(ctx, "import done", "kind", imp.Kind, "user", actor.Name(), "rows", *rows, "dry_run", dryRun,
		"took", time.Since(start), "err", err)
	return err
}

// readImport is the first phase of runImport.
func readImport[T, S any](ctx context.Context, s *DB, src tabular.Source[T], rows *int, imp Importer[T, S]) error {
	limit := s.ImportReadTime
	if limit <= 0 {
		limit = DefaultImportReadTime
	}
	readCtx, cancel := context.WithTimeoutCause(ctx, limit, errReadTooLong)
	defer cancel()
	var p ImportProblems
	v := &p.Invalid
	for r, err := range src(readCtx) {
		var rp rowProblems
		switch {
		case errors.As(err, &rp):
			for _, f := range rp.RowFields() {
				v.AddRow(f.Row, f.Field, f.Message, f.Args...)
			}
		case err != nil:
			return readError(ctx, readCtx, err, limit)
		default:
			if err := imp.Check(r, v); err != nil {
				return err
			}
		}
		if *rows++; *rows > imp.MaxRows {
			return &congthuong.Error{Code: congthuong.EINVALID, Message: "db.file_too_large",
				Fields: []congthuong.FieldError{{Field: "file", Message: "db.file_has_more_than_rows_split", Args: []any{imp.MaxRows}}}}
		}
	}
	// A source that stops early without saying why was cut short.
	if err := readCtx.Err(); err != nil {
		return readError(ctx, readCtx, err, limit)
	}
	if *rows == 0 {
		return imp.NoRows
	}
	if _, err := imp.Review(s.Read, &p); err != nil {
		return err
	}
	return p.Err()
}

// readError says why reading stopped: out of time (a problem with the
// file, named with the limit), the caller gone, or a problem of the file.
func readError(ctx, readCtx context.Context, err error, limit time.Duration) error {
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case errors.Is(context.Cause(readCtx), errReadTooLong) && (errors.Is(err, context.DeadlineExceeded) || errors.Is(err, errReadTooLong)):
		return &congthuong.Error{Code: congthuong.EINVALID, Message: "db.file_took_too_long_read",
			Fields: []congthuong.FieldError{{Field: "file", Message: "db.reading_file_took_longer_than_split_into", Args: []any{limit}}}}
	}
	return err
}

// ImportResult counts what an import did (or, in a dry run, would do).
type ImportResult struct {
	Rows      int  `json:"rows"`
	Created   int  `json:"created"`
	Updated   int  `json:"updated"`
	Unchanged int  `json:"unchanged"`
	DryRun    bool `json:"dry_run"`
}
