package audit_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"congthuong/internal/audit"
)

func TestKeyAndSeal(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "audit.key")
	k, err := audit.CreateKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("key file mode: %v, %v", st.Mode(), err)
	}
	if _, err := audit.CreateKey(path); err == nil {
		t.Error("a key was overwritten")
	}
	again, err := audit.LoadKey(path)
	if err != nil || string(again) != string(k) {
		t.Fatalf("reloaded key differs: %v", err)
	}
	e := audit.Entry{At: time.Date(2026, 12, 7, 1, 2, 3, 0, time.UTC), ActorName: "system", Action: "create", Entity: "user", EntityID: "1"}
	e.Seal(k)
	if ok, err := e.Sealed(k); !ok || err != nil || !e.Keyed || e.Hash == e.ComputeHash() {
		t.Errorf("sealed entry: %v %v %+v", ok, err, e)
	}
	if ok, _ := e.Sealed(audit.Key("some other key of thirty-two by")); ok {
		t.Error("another key verifies the seal")
	}
	if _, err := e.Sealed(nil); err != audit.ErrNoKey {
		t.Errorf("no key: %v", err)
	}
	plain := e
	plain.Seal(nil)
	if ok, err := plain.Sealed(nil); !ok || err != nil || plain.Keyed {
		t.Errorf("an entry from before keys: %v %v", ok, err)
	}
}

func TestAnchors(t *testing.T) {
	k := audit.Key("0123456789abcdef0123456789abcdef")
	path := filepath.Join(t.TempDir(), "audit-anchors.log")
	if a, err := audit.LastAnchor(path, k); a != nil || err != nil {
		t.Errorf("no file yet: %+v, %v", a, err)
	}
	for i := 1; i <= 3; i++ {
		if err := audit.AppendAnchor(path, k, audit.Anchor{At: time.Now(), ID: int64(10 * i), Hash: "h" + strings.Repeat("0", i), Entries: 10 * i, Reason: "verify"}); err != nil {
			t.Fatal(err)
		}
	}
	a, err := audit.LastAnchor(path, k)
	if err != nil || a.ID != 30 || a.Entries != 30 || a.Reason != "verify" {
		t.Fatalf("last anchor: %+v, %v", a, err)
	}
	if _, err := audit.LastAnchor(path, audit.Key("some other key of thirty-two by")); err == nil {
		t.Error("anchors read with another key")
	}
	b, _ := os.ReadFile(path)
	forged := strings.Replace(string(b), " 30 h000 30 ", " 20 h000 20 ", 1)
	os.WriteFile(path, []byte(forged), 0o600)
	if _, err := audit.LastAnchor(path, k); err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("an altered anchor: %v", err)
	}
}
