// Package authweb serves the administration of accounts (users, their roles and units, password resets) and the audit log.
package authweb

import (
	"net/http"
	"strconv"
	"time"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/auth"
	"congthuong/internal/auth/authdb"
	"congthuong/internal/db"
	"congthuong/internal/web"
)

func userFilter(r *http.Request) (authdb.UserFilter, error) {
	q := r.URL.Query()
	page, err := web.ListPage(q)
	return authdb.UserFilter{Q: q.Get("q"), Role: congthuong.Role(q.Get("role")), Page: page}, err
}

func (s *handlers) apiMe(w http.ResponseWriter, r *http.Request) error {
	a := congthuong.ActorFrom(r.Context())
	if a.Anonymous() {
		return congthuong.Errorf(congthuong.EUNAUTHORIZED, "common.log_first")
	}
	u, err := s.accounts.FindUserByID(r.Context(), a.UserID)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, u)
	return nil
}

func (s *handlers) apiListUsers(w http.ResponseWriter, r *http.Request) error {
	f, err := userFilter(r)
	if err != nil {
		return err
	}
	users, total, err := s.accounts.FindUsers(r.Context(), f)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, web.NewList(users, total, f.Page))
	return nil
}

type userInput struct {
	Username    string          `json:"username"`
	DisplayName string          `json:"display_name"`
	Title       string          `json:"title"`
	Email       string          `json:"email"`
	Role        congthuong.Role `json:"role"`
	UnitCode    string          `json:"unit_code"`
	TaxCode     string          `json:"tax_code"`
	Password    string          `json:"password"`
}

func (s *handlers) apiCreateUser(w http.ResponseWriter, r *http.Request) error {
	var in userInput
	if err := web.DecodeJSON(w, r, &in); err != nil {
		return err
	}
	u := &auth.User{Username: in.Username, DisplayName: in.DisplayName, Title: in.Title, Email: in.Email, Role: in.Role,
		UnitCode: in.UnitCode, TaxCode: in.TaxCode, Active: true, MustChangePassword: true}
	if err := s.accounts.CreateUser(r.Context(), u, in.Password); err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, u)
	return nil
}

func auditFilter(r *http.Request) (db.AuditFilter, error) {
	q := r.URL.Query()
	page, err := web.ListPage(q)
	if err != nil {
		return db.AuditFilter{}, err
	}
	f := db.AuditFilter{Entity: q.Get("entity"), EntityID: q.Get("entity_id"), Actor: q.Get("actor"), Page: page}
	var v congthuong.Validation
	for name, dst := range map[string]*time.Time{"from": &f.From, "to": &f.To} {
		if s := q.Get(name); s != "" {
			t, err := time.Parse(time.DateOnly, s)
			if err != nil {
				v.Add(name, "common.write_date_as_yyyy_mm_dd")
			}
			*dst = t.Add(-7 * time.Hour) // start of the day in Vietnam
			if name == "to" {
				*dst = dst.Add(24 * time.Hour)
			}
		}
	}
	return f, v.Err("auth.invalid_audit_filter")
}

func (s *handlers) apiListAudit(w http.ResponseWriter, r *http.Request) error {
	f, err := auditFilter(r)
	if err != nil {
		return err
	}
	entries, total, err := s.audit.FindAuditEntries(r.Context(), f)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, web.NewList(entries, total, f.Page))
	return nil
}

// auditPage is a page of the audit log.
type auditPage struct {
	Entries []audit.Entry
	Pager   web.Pager
}

// usersPage is a page of the accounts.
type usersPage struct {
	Users []*auth.User
	Pager web.Pager
	Roles []congthuong.Role
}

// userPage is an account's form: new or not, and the password just set
// by a reset, shown once.
type userPage struct {
	U           *auth.User
	New         bool
	Roles       []congthuong.Role
	NewPassword string
}

func (s *handlers) showAudit(w http.ResponseWriter, r *http.Request) error {
	f, err := auditFilter(r)
	if err != nil {
		return err
	}
	entries, total, err := s.audit.FindAuditEntries(r.Context(), f)
	if err != nil {
		return err
	}
	web.Show(s.Server, w, r, http.StatusOK, "audit", &web.View{Title: s.PrinterFor(r).T("audit.title"), Nav: "audit"},
		auditPage{Entries: entries, Pager: web.NewPager(total, f.Page)})
	return nil
}

func (s *handlers) showUsers(w http.ResponseWriter, r *http.Request) error {
	f, err := userFilter(r)
	if err != nil {
		return err
	}
	users, total, err := s.accounts.FindUsers(r.Context(), f)
	if err != nil {
		return err
	}
	web.Show(s.Server, w, r, http.StatusOK, "users", &web.View{Title: s.PrinterFor(r).T("users.title"), Nav: "users"},
		usersPage{Users: users, Pager: web.NewPager(total, f.Page), Roles: congthuong.Roles})
	return nil
}

func (s *handlers) renderUserForm(w http.ResponseWriter, r *http.Request, status int, u *auth.User, isNew bool, err error) {
	p := s.PrinterFor(r)
	v := &web.View{Nav: "users"}
	if isNew {
		v.Title = p.T("users.new")
	} else {
		v.Title = p.T("users.edit") + ": " + u.Username
	}
	if err != nil {
		v.Errors, v.Error = web.FormErrors(p, err)
	}
	web.Show(s.Server, w, r, status, "user_form", v, userPage{U: u, New: isNew, Roles: congthuong.Roles})
}

func (s *handlers) showNewUser(w http.ResponseWriter, r *http.Request) error {
	if a := congthuong.ActorFrom(r.Context()); !a.IsAdmin() {
		return web.ForbiddenOrLogin(a)
	}
	s.renderUserForm(w, r, http.StatusOK, &auth.User{Role: congthuong.RoleOfficer, Active: true,
		UnitCode: congthuong.ActorFrom(r.Context()).UnitCode}, true, nil)
	return nil
}

func userFromForm(r *http.Request) *auth.User {
	f := r.PostForm
	return &auth.User{Username: f.Get("username"), DisplayName: f.Get("display_name"), Title: f.Get("title"), Email: f.Get("email"),
		Role: congthuong.Role(f.Get("role")), UnitCode: f.Get("unit_code"), TaxCode: f.Get("tax_code"),
		Active: f.Get("active") == "on"}
}

func (s *handlers) doCreateUser(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	u := userFromForm(r)
	u.Active, u.MustChangePassword = true, true
	if err := s.accounts.CreateUser(r.Context(), u, r.PostForm.Get("password")); err != nil {
		if len(congthuong.ErrorFields(err)) > 0 {
			s.renderUserForm(w, r, web.ErrorStatus(err), u, true, err)
			return nil
		}
		return err
	}
	s.Flash(w, "flash.saved")
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
	return nil
}

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return 0, congthuong.Errorf(congthuong.ENOTFOUND, "auth.no_such_user")
	}
	return id, nil
}

func (s *handlers) showEditUser(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if a := congthuong.ActorFrom(r.Context()); !a.IsAdmin() {
		return web.ForbiddenOrLogin(a)
	}
	u, err := s.accounts.FindUserByID(r.Context(), id)
	if err != nil {
		return err
	}
	s.renderUserForm(w, r, http.StatusOK, u, false, nil)
	return nil
}

func (s *handlers) doUpdateUser(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	in := userFromForm(r)
	u, err := s.accounts.UpdateUser(r.Context(), id, authdb.UserUpdate{DisplayName: &in.DisplayName, Email: &in.Email,
		Role: &in.Role, UnitCode: &in.UnitCode, TaxCode: &in.TaxCode, Active: &in.Active})
	if err != nil {
		if len(congthuong.ErrorFields(err)) > 0 || congthuong.ErrorCode(err) == congthuong.EINVALID {
			in.ID = id
			s.renderUserForm(w, r, web.ErrorStatus(err), in, false, err)
			return nil
		}
		return err
	}
	s.Flash(w, "flash.saved")
	http.Redirect(w, r, "/admin/users/"+strconv.FormatInt(u.ID, 10), http.StatusSeeOther)
	return nil
}

// doResetPassword gives a user a new one-time password, shown once to the
// administrator.
func (s *handlers) doResetPassword(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	password, err := auth.NewPassword()
	if err != nil {
		return err
	}
	if err := s.accounts.ResetPassword(r.Context(), id, password, true); err != nil {
		return err
	}
	u, err := s.accounts.FindUserByID(r.Context(), id)
	if err != nil {
		return err
	}
	p := s.PrinterFor(r)
	web.Show(s.Server, w, r, http.StatusOK, "user_form", &web.View{Nav: "users", Title: p.T("users.edit") + ": " + u.Username},
		userPage{U: u, Roles: congthuong.Roles, NewPassword: password})
	return nil
}
