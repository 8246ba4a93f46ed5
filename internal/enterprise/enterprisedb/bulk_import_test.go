package enterprisedb_test

import (
	"context"
	"testing"

	"congthuong"
	"congthuong/internal/enterprise/enterprisedb"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

// TestBulkImport: an import large enough to write its audit entries in
// bulk finds every enterprise by its words afterwards, leaves at most 1 MB
// of PostgreSQL's search index pending and the audit chain whole.
func TestBulkImport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := congthuong.NewContext(context.Background(), congthuong.System())
		rows := benchRows(t, s, 2500)
		res, err := s.ImportEnterprises(ctx, rows, false)
		if err != nil || res.Created != len(rows) {
			t.Fatalf("%+v %v", res, err)
		}
		for _, r := range []int{0, 1234, len(rows) - 1} {
			e := rows[r].Enterprise
			found, _, err := s.FindEnterprises(ctx, enterprisedb.EnterpriseFilter{Q: e.Name})
			if err != nil || len(found) != 1 || found[0].TaxCode != e.TaxCode {
				t.Errorf("%q: %d found, %v", e.Name, len(found), err)
			}
		}
		if s.Dialect.Name == "postgres" {
			var options string
			var pending int
			if err := s.Read.QueryRowContext(ctx, `SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'enterprise_search_document'`).Scan(&options); err != nil || options != "fastupdate=on,gin_pending_list_limit=1024" {
				t.Errorf("the search index's options: %q %v", options, err)
			}
			// What a search scans besides the index: at most the list's
			// limit of 1 MB (128 pages, and the page being filled).
			if err := s.Read.QueryRowContext(ctx, `SELECT gin_clean_pending_list('enterprise_search_document')`).Scan(&pending); err != nil || pending > 130 {
				t.Errorf("pages left in the pending list: %d %v", pending, err)
			}
			// The documents the platform writes are those PostgreSQL's own
			// function made before (migration 0003).
			var differ int
			if err := s.Read.QueryRowContext(ctx, `SELECT COUNT(*) FROM enterprise_search
				WHERE document <> strip(to_tsvector('simple', word_beginnings(words)))`).Scan(&differ); err != nil || differ != 0 {
				t.Errorf("%d search documents differ from word_beginnings': %v", differ, err)
			}
		}
		n, broken, err := s.VerifyAudit(ctx)
		if err != nil || broken != nil || n < len(rows) {
			t.Errorf("audit chain: %d entries, %+v, %v", n, broken, err)
		}
	})
}
