package auth_test

import (
	"context"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"congthuong"
	"congthuong/internal/auth"
)

func TestPassword(t *testing.T) {
	h, err := auth.HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash = %s", h)
	}
	if !auth.CheckPassword(h, "correct horse battery") {
		t.Error("right password rejected")
	}
	for _, wrong := range []string{"correct horse batterY", "", "correct horse battery "} {
		if auth.CheckPassword(h, wrong) {
			t.Errorf("wrong password %q accepted", wrong)
		}
	}
	if auth.CheckPassword("$argon2id$v=19$m=1,t=1,p=1$$", "x") || auth.CheckPassword("plain", "plain") {
		t.Error("malformed hash accepted")
	}
	if _, err := auth.HashPassword("short"); err != auth.ErrPasswordTooShort {
		t.Errorf("short password: %v", err)
	}
	h2, _ := auth.HashPassword("correct horse battery")
	if h2 == h {
		t.Error("two hashes of one password are equal: salt missing")
	}
}

func TestToken(t *testing.T) {
	tok, hash, err := auth.NewToken("ct_")
	if err != nil || !strings.HasPrefix(tok, "ct_") || auth.HashToken(tok) != hash || strings.Contains(hash, tok) {
		t.Fatalf("token %q hash %q err %v", tok, hash, err)
	}
}

func TestUserValidate(t *testing.T) {
	ok := auth.User{Username: "lan.nguyen", DisplayName: "Nguyễn Thị Lan", Role: congthuong.RoleCommune, UnitCode: "11560"}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	bad := auth.User{Username: "X", Role: "boss", TaxCode: "0100233488"}
	err := bad.Validate()
	fields := map[string]bool{}
	for _, f := range congthuong.ErrorFields(err) {
		fields[f.Field] = true
	}
	for _, want := range []string{"username", "display_name", "role", "unit_code", "tax_code"} {
		if !fields[want] {
			t.Errorf("no error for %s in %v", want, err)
		}
	}
	ent := auth.User{Username: "dn1", DisplayName: "DN", Role: congthuong.RoleEnterprise, UnitCode: "31", TaxCode: "0100233480"}
	if err := ent.Validate(); err == nil {
		t.Error("enterprise user with bad tax code accepted")
	}
}

// TestHasherBounds: a burst of checks runs a core's worth at a time, a few
// wait, the rest are refused at once without hashing.
func TestHasherBounds(t *testing.T) {
	h := auth.NewHasher()
	if ok, err := h.Check(context.Background(), auth.DummyHash, "unused-password-for-timing-2026"); err != nil || !ok {
		t.Fatalf("the dummy hash is not a hash of its password: %v %v", ok, err)
	}
	n := 20 * runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	var busy, done atomic.Int64
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := h.Check(context.Background(), auth.DummyHash, "wrong password"); err == auth.ErrBusy {
				busy.Add(1)
			} else if err == nil {
				done.Add(1)
			}
		}()
	}
	wg.Wait()
	if busy.Load() == 0 || done.Load() == 0 || busy.Load()+done.Load() != int64(n) || done.Load() > int64(n)/2 {
		t.Errorf("of %d checks at once, %d ran and %d were refused", n, done.Load(), busy.Load())
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for range runtime.GOMAXPROCS(0) {
		go h.Check(context.Background(), auth.DummyHash, "x")
	}
	if _, err := h.Hash(ctx, "a long enough password"); err != nil && err != context.Canceled {
		t.Errorf("a cancelled hash: %v", err)
	}
}
