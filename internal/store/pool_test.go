package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"testing"

	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

// TestReadPoolStatements: reads through the pool's kept statements answer
// as plain queries do, from many goroutines, past the cache's bound, and
// a query that does not prepare still reports its own error.
func TestReadPoolStatements(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		// What the same queries answer unprepared.
		var provinces int
		if err := st.Read.DB.QueryRowContext(ctx, "SELECT COUNT(*) FROM units WHERE level = $1", "province").Scan(&provinces); err != nil || provinces < 34 {
			t.Fatalf("provinces: %d %v", provinces, err)
		}
		const listQuery = "SELECT code, name FROM units WHERE level = $1 ORDER BY code, name LIMIT 3"
		want := list(t, st.Read.DB.QueryContext, listQuery)
		var wg sync.WaitGroup
		errs := make(chan error, 8)
		for g := 0; g < 8; g++ {
			wg.Add(1)
			go func(g int) {
				defer wg.Done()
				// 600 distinct texts: more than the pool keeps.
				for i := 0; i < 600; i++ {
					q := fmt.Sprintf("SELECT COUNT(*) + %d FROM units WHERE level = $1", i)
					var n int
					if err := st.Read.QueryRowContext(ctx, q, "province").Scan(&n); err != nil || n != provinces+i {
						errs <- fmt.Errorf("goroutine %d, query %d: %d, %v", g, i, n, err)
						return
					}
					if got := list(t, st.Read.QueryContext, listQuery); got != want {
						errs <- fmt.Errorf("goroutine %d: %q, unprepared %q", g, got, want)
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
		if _, err := st.Read.QueryContext(ctx, "SELECT FROM WHERE"); err == nil || !strings.Contains(strings.ToLower(err.Error()), "syntax") {
			t.Errorf("a query that does not prepare: %v", err)
		}
	})
}

// list runs query for provinces and joins what it returns.
func list(t *testing.T, query func(context.Context, string, ...any) (*sql.Rows, error), q string) string {
	rows, err := query(context.Background(), q, "province")
	if err != nil {
		t.Error(err)
		return ""
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var code, name string
		if err := rows.Scan(&code, &name); err != nil {
			t.Error(err)
		}
		out = append(out, code+" "+name)
	}
	return strings.Join(out, "; ")
}
