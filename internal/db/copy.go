package db

import (
	"context"
	"errors"
	"iter"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// insertBatch is how many rows one multi-row INSERT writes: enough that a
// bulk write costs thousands of statements instead of millions, few enough
// that SQLite's limit on bound parameters (32,766) holds for 500 columns.
const insertBatch = 64

// InsertRows writes new rows to table inside the transaction, by the
// fastest way each database has: COPY on PostgreSQL, multi-row INSERT
// statements on SQLite. rows may reuse one slice for every row: each is
// encoded or copied before the next is asked for. It is every importer's
// bulk write, so that each does not write its own.
func (tx *Tx) InsertRows(ctx context.Context, table string, columns []string, rows iter.Seq[[]any]) error {
	if tx.DB.Dialect.UseCopy {
		return tx.copyRows(ctx, table, columns, rows)
	}
	return tx.insertRows(ctx, table, columns, rows)
}

// insertRows writes rows to table with multi-row INSERT statements of
// insertBatch rows, the full batch's statement prepared once.
func (tx *Tx) insertRows(ctx context.Context, table string, columns []string, rows iter.Seq[[]any]) error {
	prefix := `INSERT INTO ` + table + ` (` + strings.Join(columns, ", ") + `) VALUES `
	args := make([]any, 0, insertBatch*len(columns))
	n := 0
	flush := func() error {
		if n == 0 {
			return nil
		}
		var err error
		if n == insertBatch { // the same statement every time: prepared once
			ins, perr := tx.Stmt(ctx, prefix+tx.DB.Dialect.Values(n, len(columns)))
			if perr != nil {
				return perr
			}
			_, err = ins.ExecContext(ctx, args...)
		} else {
			_, err = tx.ExecContext(ctx, prefix+tx.DB.Dialect.Values(n, len(columns)), args...)
		}
		args, n = args[:0], 0
		return err
	}
	for row := range rows {
		args = append(args, row...)
		if n++; n == insertBatch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// copyRows writes rows to table with PostgreSQL's COPY, inside the
// transaction: for a million values several times faster than INSERT
// statements, which parse and plan every batch. The rows stream: none is
// made before the server has room for it.
func (tx *Tx) copyRows(ctx context.Context, table string, columns []string, rows iter.Seq[[]any]) error {
	next, stop := iter.Pull(rows)
	defer stop()
	src := pgx.CopyFromFunc(func() ([]any, error) {
		r, ok := next()
		if !ok {
			return nil, nil
		}
		return r, nil
	})
	return tx.conn.Raw(func(driverConn any) error {
		c, ok := driverConn.(*stdlib.Conn)
		if !ok {
			return errors.New("db: COPY needs the pgx driver")
		}
		_, err := c.Conn().CopyFrom(ctx, pgx.Identifier{table}, columns, src)
		return err
	})
}
