package db

import (
	"context"
	"fmt"
	"sync"
	"testing"
)

// TestPoolKeepsStatements: the SQLite read pool keeps a query's statement
// after its first run, never more than maxStatements, answers right while
// statements are closed to make room under concurrent queries, and keeps
// none on PostgreSQL's pool (its driver caches).
func TestPoolKeepsStatements(t *testing.T) {
	ctx := context.Background()
	d, err := Open(ctx, "", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var n int
	before := d.Read.kept() // the ping's
	if err := d.Read.QueryRowContext(ctx, "SELECT 40 + $1", 2).Scan(&n); err != nil || n != 42 || d.Read.kept() != before+1 {
		t.Fatalf("first query: %d, %v, %d kept", n, err, d.Read.kept())
	}
	if err := d.Read.QueryRowContext(ctx, "SELECT 40 + $1", 3).Scan(&n); err != nil || n != 43 || d.Read.kept() != before+1 {
		t.Fatalf("the same text again: %d, %v, %d kept", n, err, d.Read.kept())
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 2*maxStatements; i++ {
				var got int
				rows, err := d.Read.QueryContext(ctx, fmt.Sprintf("SELECT %d + $1", i%(maxStatements+50)), g)
				if err == nil {
					for rows.Next() {
						err = rows.Scan(&got)
					}
					rows.Close()
				}
				if err != nil || got != i%(maxStatements+50)+g {
					errs <- fmt.Errorf("goroutine %d, query %d: %d, %v", g, i, got, err)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if k := d.Read.kept(); k > maxStatements || k < maxStatements/2 {
		t.Errorf("%d statements kept, at most %d", k, maxStatements)
	}
	if _, err := d.Read.QueryContext(ctx, "SELECT FROM WHERE"); err == nil {
		t.Error("a query that does not prepare reports no error")
	}
	if pg := newPool(d.Write, false); pg.stmt(ctx, "SELECT 1") != nil || pg.kept() != 0 {
		t.Error("a pool told not to prepare kept a statement")
	}
}
