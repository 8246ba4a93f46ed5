package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"congthuong"
	"congthuong/internal/auth/authdb"
	"congthuong/internal/unit"
)

// Today is the date in Vietnam, as unit codes are valid on it.
func (s *Server) Today() string { return unit.Today(s.db.Now()) }

// loginPage is the login form's data: where to go after, and the name
// typed.
type loginPage struct{ Next, Username string }

// passwordPage says whether the password must be changed before anything
// else.
type passwordPage struct{ Must bool }

// tokensPage lists the user's API tokens, and the secret of one just made.
type tokensPage struct {
	Tokens []authdb.APIToken
	Secret string
}

func (s *Server) showLogin(w http.ResponseWriter, r *http.Request) error {
	Show(s, w, r, http.StatusOK, "login", &View{Title: s.PrinterFor(r).T("login.title")},
		loginPage{Next: localPath(r.URL.Query().Get("next"))})
	return nil
}

func (s *Server) doLogin(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	p := s.PrinterFor(r)
	username := strings.ToLower(strings.TrimSpace(r.PostForm.Get("username")))
	next := localPath(r.PostForm.Get("next"))
	client := ClientOf(r)
	fail := func(status int, msg string) error {
		Show(s, w, r, status, "login", &View{Title: p.T("login.title"), Error: msg}, loginPage{Next: next, Username: username})
		return nil
	}
	tooMany := func(wait time.Duration) error {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Round(time.Second)/time.Second)+1))
		return fail(http.StatusTooManyRequests, p.T("login.too_many", p.duration(wait)))
	}
	if wait, ok := s.throttle.begin(username, client); !ok {
		return tooMany(wait)
	}
	u, err := s.accounts.Authenticate(r.Context(), username, r.PostForm.Get("password"))
	if congthuong.ErrorCode(err) == congthuong.EUNAUTHORIZED {
		wait := s.throttle.end(username, client, true)
		s.log.WarnContext(r.Context(), "login failed", "user", username, "client", client, "wait", wait)
		if err := s.accounts.RecordFailedLogin(r.Context(), username, client, wait); err != nil {
			return err
		}
		if wait > 0 {
			return tooMany(wait)
		}
		return fail(http.StatusUnauthorized, p.T("login.failed"))
	} else if err != nil {
		s.throttle.abandon(username, client)
		if congthuong.ErrorCode(err) == congthuong.ETOOMANY {
			w.Header().Set("Retry-After", "5")
			return fail(http.StatusTooManyRequests, p.ErrorText(err))
		}
		return err
	}
	s.throttle.end(username, client, false)
	token, err := s.accounts.CreateSession(r.Context(), u.ID)
	if err != nil {
		return err
	}
	s.setCookie(w, sessionCookie, token, 12*time.Hour)
	if u.MustChangePassword {
		next = "/account/password"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

func (s *Server) doLogout(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if err := s.accounts.DeleteSession(r.Context(), c.Value); err != nil {
			return err
		}
	}
	s.clearCookie(w, sessionCookie)
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}

func RequireLogin(r *http.Request) error {
	if congthuong.ActorFrom(r.Context()).Anonymous() {
		return congthuong.Errorf(congthuong.EUNAUTHORIZED, "common.log_first")
	}
	return nil
}

func (s *Server) showPassword(w http.ResponseWriter, r *http.Request) error {
	if err := RequireLogin(r); err != nil {
		return err
	}
	must, _ := r.Context().Value(mustChangeKey{}).(bool)
	Show(s, w, r, http.StatusOK, "password", &View{Title: s.PrinterFor(r).T("password.title")}, passwordPage{Must: must})
	return nil
}

func (s *Server) doPassword(w http.ResponseWriter, r *http.Request) error {
	if err := RequireLogin(r); err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	p := s.PrinterFor(r)
	next := r.PostForm.Get("new_password")
	var err error
	if next != r.PostForm.Get("confirm_password") {
		err = &congthuong.Error{Code: congthuong.EINVALID, Message: "web.passwords_differ",
			Fields: []congthuong.FieldError{{Field: "confirm_password", Message: "web.two_new_passwords_differ"}}}
	} else {
		err = s.accounts.ChangePassword(r.Context(), r.PostForm.Get("current_password"), next)
	}
	if err != nil {
		if len(congthuong.ErrorFields(err)) == 0 {
			return err
		}
		v := &View{Title: p.T("password.title")}
		v.Errors, v.Error = FormErrors(p, err)
		Show(s, w, r, http.StatusBadRequest, "password", v, passwordPage{})
		return nil
	}
	// The change ended every session, this one too: start a fresh one.
	token, err := s.accounts.CreateSession(r.Context(), congthuong.ActorFrom(r.Context()).UserID)
	if err != nil {
		return err
	}
	s.setCookie(w, sessionCookie, token, 12*time.Hour)
	s.Flash(w, "flash.password_changed")
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}

func (s *Server) showTokens(w http.ResponseWriter, r *http.Request) error {
	if err := RequireLogin(r); err != nil {
		return err
	}
	return s.renderTokens(w, r, http.StatusOK, "", nil)
}

func (s *Server) renderTokens(w http.ResponseWriter, r *http.Request, status int, secret string, formErr error) error {
	tokens, err := s.accounts.FindAPITokens(r.Context())
	if err != nil {
		return err
	}
	p := s.PrinterFor(r)
	v := &View{Title: p.T("tokens.title")}
	if formErr != nil {
		v.Errors, v.Error = FormErrors(p, formErr)
	}
	Show(s, w, r, status, "tokens", v, tokensPage{Tokens: tokens, Secret: secret})
	return nil
}

func (s *Server) doCreateToken(w http.ResponseWriter, r *http.Request) error {
	if err := RequireLogin(r); err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	var expires *time.Time
	if days, err := strconv.Atoi(r.PostForm.Get("days")); err == nil && days > 0 {
		t := s.db.Now().Add(time.Duration(days) * 24 * time.Hour)
		expires = &t
	}
	secret, _, err := s.accounts.CreateAPIToken(r.Context(), strings.TrimSpace(r.PostForm.Get("name")), expires)
	if err != nil {
		if len(congthuong.ErrorFields(err)) > 0 {
			return s.renderTokens(w, r, http.StatusBadRequest, "", err)
		}
		return err
	}
	return s.renderTokens(w, r, http.StatusCreated, secret, nil)
}

func (s *Server) doDeleteToken(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return congthuong.Errorf(congthuong.ENOTFOUND, "web.no_such_token")
	}
	if err := s.accounts.DeleteAPIToken(r.Context(), id); err != nil {
		return err
	}
	s.Flash(w, "flash.deleted")
	http.Redirect(w, r, "/account/tokens", http.StatusSeeOther)
	return nil
}

func DefaultUnit(a congthuong.Actor) string {
	if a.UnitCode == congthuong.CountryCode {
		return ""
	}
	return a.UnitCode
}
