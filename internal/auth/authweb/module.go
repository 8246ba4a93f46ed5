package authweb

import (
	"embed"
	"io/fs"

	"congthuong/internal/auth/authdb"
	"congthuong/internal/db"
	"congthuong/internal/i18n"
	"congthuong/internal/web"
)

//go:embed templates locale/*.json openapi.json
var files embed.FS

var _ = i18n.Register("authweb", web.MustSub(files, "locale"))

// handlers serve the accounts' administration and the audit log.
type handlers struct {
	*web.Server
	accounts *authdb.Accounts
	audit    *db.DB
}

// Register adds the accounts' administration and the audit log to srv.
func Register(srv *web.Server, accounts *authdb.Accounts, audit *db.DB) {
	s := &handlers{Server: srv, accounts: accounts, audit: audit}
	templates, _ := fs.Sub(files, "templates")
	openapi, _ := files.ReadFile("openapi.json")
	srv.Add(web.Module{
		Name: "users",
		API: []web.Route{
			web.Get("/api/v1/me", s.API(s.apiMe)),
			web.Get("/api/v1/users", s.API(s.apiListUsers)),
			web.Post("/api/v1/users", s.API(s.apiCreateUser)),
			web.Get("/api/v1/audit", s.API(s.apiListAudit)),
		},
		Pages: []web.Route{
			web.Get("/admin/users", s.Page(s.showUsers)),
			web.Get("/admin/users/new", s.Page(s.showNewUser)),
			web.Post("/admin/users", s.Page(s.doCreateUser)),
			web.Get("/admin/users/{id}", s.Page(s.showEditUser)),
			web.Post("/admin/users/{id}", s.Page(s.doUpdateUser)),
			web.Post("/admin/users/{id}/password", s.Page(s.doResetPassword)),
			web.Get("/admin/audit", s.Page(s.showAudit)),
		},
		Templates: templates,
		Types: []web.PageType{web.PageOf[auditPage]("audit"), web.PageOf[usersPage]("users"),
			web.PageOf[userPage]("user_form")},
		OpenAPI: openapi,
	})
}
