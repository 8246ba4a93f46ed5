package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/enterprise"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

// TestAuditKeyAndAnchors is the attack on the audit log by someone who can
// write to the database but not read the key: an edited entry re-hashed
// with plain SHA-256, an entry passed off as written before the key, a
// forged seal, and the newest entries deleted. Each is found.
func TestAuditKeyAndAnchors(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		sys := congthuong.NewContext(context.Background(), congthuong.System())
		for i, made := 0, 0; made < 5; i++ {
			tc, ok := enterprise.WithCheckDigit(fmt.Sprintf("03%07d", 100001+i))
			if !ok {
				continue
			}
			if err := s.CreateEnterprise(sys, &enterprise.Enterprise{TaxCode: tc, Name: fmt.Sprintf("Công ty %d", i), UnitCode: "31"}); err != nil {
				t.Fatal(err)
			}
			made++
		}
		if err := s.CheckAuditKey(sys); err != nil {
			t.Fatal(err)
		}
		check, err := s.CheckAudit(sys, nil)
		if err != nil || check.Broken != nil || check.Entries < 5 {
			t.Fatalf("the sealed chain: %+v, %v", check, err)
		}
		anchors := filepath.Join(t.TempDir(), "audit-anchors.log")
		head := check.Head
		head.At, head.Reason = time.Now(), "verify"
		if err := audit.AppendAnchor(anchors, storetest.AuditKey, head); err != nil {
			t.Fatal(err)
		}
		entries, _, err := s.FindAuditEntries(sys, store.AuditFilter{Entity: "enterprise", Page: store.Page{Limit: 10}})
		if err != nil || len(entries) != 5 || !entries[0].Keyed {
			t.Fatalf("entries: %d, %v", len(entries), err)
		}
		target := entries[2] // in the middle of the chain
		db := s.Read
		restore := func(e audit.Entry) {
			t.Helper()
			if _, err := db.Exec(`UPDATE audit_log SET after = $1, hash = $2, keyed = $3 WHERE id = $4`, e.After, e.Hash, e.Keyed, e.ID); err != nil {
				t.Fatal(err)
			}
		}
		broken := func(name string, anchor *audit.Anchor, want int64) {
			t.Helper()
			c, err := s.CheckAudit(sys, anchor)
			if err != nil || c.Broken == nil || c.Broken.ID != want {
				t.Errorf("%s: %+v, %v; want a break at %d", name, c.Broken, err, want)
			}
		}

		// An edit re-hashed without the key.
		edited := target
		edited.After = strings.Replace(edited.After, "Công ty", "Công ty Ma", 1)
		edited.Hash = edited.ComputeHash()
		restore(edited)
		broken("an edit re-hashed with SHA-256", nil, target.ID)
		// The same, passed off as an entry from before the key.
		edited.Keyed = false
		restore(edited)
		broken("an edit passed off as unsealed", nil, target.ID)
		// Sealed with another key.
		edited.Seal(audit.Key("another key, not the platform's!"))
		restore(edited)
		broken("an edit sealed with another key", nil, target.ID)
		restore(target)
		if c, err := s.CheckAudit(sys, nil); err != nil || c.Broken != nil {
			t.Fatalf("the chain put back: %+v, %v", c.Broken, err)
		}

		// The newest entries deleted: the chain is whole, the anchor is not.
		last, err := audit.LastAnchor(anchors, storetest.AuditKey)
		if err != nil || last == nil || last.ID != check.Head.ID {
			t.Fatalf("last anchor: %+v, %v", last, err)
		}
		if _, err := db.Exec(`DELETE FROM audit_log WHERE id >= $1`, entries[1].ID); err != nil {
			t.Fatal(err)
		}
		if c, err := s.CheckAudit(sys, nil); err != nil || c.Broken != nil {
			t.Errorf("a cut chain is whole without its anchor: %+v, %v", c.Broken, err)
		}
		broken("the newest entries deleted", last, last.ID)

		// A wrong key is noticed before it seals anything.
		s.SetAuditKey(audit.Key("another key, not the platform's!"))
		if err := s.CheckAuditKey(sys); err == nil {
			t.Error("a wrong key was accepted")
		}
		s.SetAuditKey(nil)
		if _, err := s.CheckAudit(sys, nil); err == nil {
			t.Error("a sealed chain was checked without its key")
		}
	})
}
