package calendarweb

import (
	"embed"
	"io/fs"

	"congthuong/internal/calendar/calendardb"
	"congthuong/internal/i18n"
	"congthuong/internal/web"
)

//go:embed templates locale/*.json openapi.json
var files embed.FS

var _ = i18n.Register("calendarweb", web.MustSub(files, "locale"))

// handlers serve the working-day calendar.
type handlers struct {
	*web.Server
	schedules *calendardb.Schedules
}

// Register adds the working-day calendar to srv.
func Register(srv *web.Server, schedules *calendardb.Schedules) {
	s := &handlers{Server: srv, schedules: schedules}
	templates, _ := fs.Sub(files, "templates")
	openapi, _ := files.ReadFile("openapi.json")
	srv.Add(web.Module{
		Name: "calendar",
		API: []web.Route{
			web.Get("/api/v1/calendar/days", s.API(s.apiCalendarDays)),
			web.Get("/api/v1/calendar/deadline", s.API(s.apiCalendarDeadline)),
			web.Get("/api/v1/calendar/overrides", s.API(s.apiCalendarOverrides)),
		},
		Pages: []web.Route{
			web.Get("/calendar", s.Page(s.showCalendar)),
			web.Get("/calendar/deadline", s.Page(s.showDeadline)),
			web.Get("/admin/calendar", s.Page(s.showCalendarAdmin)),
			web.Post("/admin/calendar", s.Page(s.doSaveOverride)),
			web.Post("/admin/calendar/delete", s.Page(s.doDeleteOverride)),
		},
		Templates: templates,
		Types: []web.PageType{web.PageOf[calendarPage]("calendar"), web.PageOf[deadlinePage]("deadline"),
			web.PageOf[calendarAdminPage]("calendar_admin")},
		OpenAPI: openapi,
	})
}
