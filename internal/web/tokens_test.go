package web_test

import (
	"context"
	"net/http/httptest"
	"testing"

	"congthuong"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/webtest"
)

// TestTokensFollowPasswords: an API token keeps working across its owner's
// own password change, is revoked when an administrator resets the
// password, and is refused while a password change is forced.
func TestTokensFollowPasswords(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		user := e.Users["officer31"]
		owner := congthuong.NewContext(context.Background(), user.Actor())
		admin := congthuong.NewContext(context.Background(), e.Users["admin"].Actor())
		me := func(token string) int {
			r := httptest.NewRequest("GET", "/api/v1/me", nil)
			r.Header.Set("Authorization", "Bearer "+token)
			w := httptest.NewRecorder()
			e.Server.ServeHTTP(w, r)
			return w.Code
		}
		token, _, err := st.CreateAPIToken(owner, "tích hợp", nil)
		if err != nil {
			t.Fatal(err)
		}
		if code := me(token); code != 200 {
			t.Fatalf("a fresh token: %d", code)
		}
		if err := st.ChangePassword(owner, webtest.TestPassword, "another-password-456"); err != nil {
			t.Fatal(err)
		}
		if code := me(token); code != 200 {
			t.Errorf("the token after its owner's own change: %d", code)
		}
		// A forced change: the token waits for it.
		if err := st.ResetPassword(owner, user.ID, "one-time-password-1", true); err != nil {
			t.Fatal(err)
		}
		if code := me(token); code != 403 {
			t.Errorf("a token while a change is forced: %d, want 403", code)
		}
		if err := st.ResetPassword(owner, user.ID, "changed-password-789", false); err != nil {
			t.Fatal(err)
		}
		if code := me(token); code != 200 {
			t.Errorf("the token once the password is changed: %d", code)
		}
		// An administrator's reset revokes every token.
		if err := st.ResetPassword(admin, user.ID, "reset-by-admin-1", true); err != nil {
			t.Fatal(err)
		}
		if err := st.ResetPassword(owner, user.ID, "changed-password-790", false); err != nil {
			t.Fatal(err)
		}
		if code := me(token); code != 401 {
			t.Errorf("the token after an administrator's reset: %d, want 401", code)
		}
	})
}
