package auth_test

import (
	"strings"
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
