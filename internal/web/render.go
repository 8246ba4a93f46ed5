package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/i18n"
)

//go:embed templates
var templateFS embed.FS

// View is what every page template receives.
type View struct {
	L     *Printer
	Actor congthuong.Actor
	Path  string
	Query url.Values
	Prefs prefs
	Demo  bool
	// Contact is the department's, for the footer; Visits the public's
	// visits counted.
	Contact Contact
	Visits  VisitCounts
	// Department is the department's name in the reader's language
	// (empty: the platform's), and Logo whether it has a logo.
	Department string
	Logo       bool
	Title      string
	Nav        string // the navigation section to mark current
	Flash      string
	Error      string            // a message for the whole form
	Errors     map[string]string // field → message, shown beside the field
	// Anchors are the element ids of fields whose id is not their name,
	// for the error summary's links.
	Anchors map[string]string
	// Meta describes the page to search engines and to the sites it is
	// shared on.
	Meta Meta
}

// Meta is what a public page says of itself in its head: a description
// (the meta description and Open Graph's), its canonical address (a path),
// an image (a path), its Open Graph type, and the feeds it offers.
type Meta struct {
	Description string
	Canonical   string
	Image       string
	Type        string
	Feeds       []Feed
	// Base is the platform's public address, filled by the server.
	Base string
}

// Feed is an Atom or RSS feed a page links to.
type Feed struct {
	Title, Path, Type string
}

// Anchor is the element id of a field, which the error summary links to.
func (v *View) Anchor(field string) string {
	if id, ok := v.Anchors[field]; ok {
		return id
	}
	return field
}

// Page is what a page's template receives: the view every page shares
// and the page's own data, of one type per page, so that a test checks
// each template against it (TestTemplateTypes).
type Page[T any] struct {
	*View
	D T
}

// view is the shared view of a page, whatever its data.
func (v *View) view() *View { return v }

// viewer is a page of any type, for the template functions that need the
// shared view.
type viewer interface{ view() *View }

// PageType names the type of a template's data, for the template test:
// PageOf[T]("park").
type PageType struct {
	Name string
	Dot  any
}

// PageOf says that the template name is rendered with data of type T.
func PageOf[T any](name string) PageType { return PageType{name, Page[T]{View: &View{}}} }

// Show writes the page name with its data: the typed form of Render.
func Show[T any](s *Server, w http.ResponseWriter, r *http.Request, status int, name string, v *View, data T) {
	s.render(w, r, status, name, v, Page[T]{View: v, D: data})
}

// fieldView is what the shared "field" template receives.
type fieldView struct {
	V                 *View
	Name, Value, Hint string
	ReadOnly          bool
}

// FieldError returns the message for a field, for templates.
func (v *View) FieldError(field string) string { return v.Errors[field] }

// Invalid returns "true" when field has an error, for aria-invalid.
func (v *View) Invalid(field string) string {
	if _, ok := v.Errors[field]; ok {
		return "true"
	}
	return "false"
}

// loadTemplates parses the layout with each module's pages, each into its
// own set, so that pages may define the same block names.
func loadTemplates(a *assets, modules []Module) (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"asset": a.URL,
		"add":   func(a, b int) int { return a + b },
		"pageURL": func(path string, q url.Values, offset int) string {
			c := url.Values{}
			for k, v := range q {
				c[k] = v
			}
			c.Set("offset", strconv.Itoa(offset))
			return path + "?" + c.Encode()
		},
		"fieldOf": func(v viewer, name, value, hint string, readOnly bool) fieldView {
			return fieldView{V: v.view(), Name: name, Value: value, Hint: hint, ReadOnly: readOnly}
		},
		"join":     strings.Join,
		"upper":    strings.ToUpper,
		"dataURL":  DataURL,
		"textLang": TextLang,
		// langs and langName list the languages spoken and name each in
		// itself, for the language switch.
		"langs":    func() []string { return i18n.Languages },
		"langName": func(lang string) string { return i18n.Default().Printer(lang).T("lang.name") },
		"list":     func(s ...string) []string { return s },
	}
	layout, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html")
	if err != nil {
		return nil, err
	}
	out := map[string]*template.Template{}
	for _, m := range modules {
		if m.Templates == nil {
			continue
		}
		pages, err := fs.Glob(m.Templates, "pages/*.html")
		if err != nil {
			return nil, err
		}
		for _, p := range pages {
			name := strings.TrimSuffix(strings.TrimPrefix(p, "pages/"), ".html")
			if _, dup := out[name]; dup {
				return nil, fmt.Errorf("web: module %s: page %s is another module's", m.Name, name)
			}
			t, err := template.Must(layout.Clone()).ParseFS(m.Templates, p)
			if err != nil {
				return nil, fmt.Errorf("web: module %s: template %s: %w", m.Name, p, err)
			}
			out[name] = t
		}
	}
	return out, nil
}

// Render writes a page without data of its own (Show writes the others).
// Templates execute into a buffer first so that an error yields a clean
// error page instead of half a page.
func (s *Server) Render(w http.ResponseWriter, r *http.Request, status int, name string, v *View) {
	s.render(w, r, status, name, v, Page[struct{}]{View: v})
}

// render executes the template name with dot, whose shared view is v.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, v *View, dot any) {
	body, err := s.execute(r, name, v, dot)
	if err != nil {
		s.RenderError(w, r, err)
		return
	}
	if takeFlash(r) != "" {
		s.clearCookie(w, flashCookie)
	}
	writePage(w, status, body)
}

// execute renders the template name with dot, whose shared view is v,
// filled for r.
func (s *Server) execute(r *http.Request, name string, v *View, dot any) ([]byte, error) {
	t, ok := s.templates[name]
	if !ok {
		return nil, fmt.Errorf("web: no template %q", name)
	}
	if want := s.pageTypes[name]; reflect.TypeOf(dot) != want {
		return nil, fmt.Errorf("web: page %s rendered with %T; its module declares %v", name, dot, want)
	}
	s.fillView(r, v)
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", dot); err != nil {
		return nil, fmt.Errorf("web: render %s: %w", name, err)
	}
	return buf.Bytes(), nil
}

func writePage(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	// A page shows who is signed in and what they may do: no shared cache
	// keeps it, and a browser asks again before reusing it (the back
	// button still works from its own memory).
	if w.Header().Get("Cache-Control") == "" {
		w.Header().Set("Cache-Control", "private, no-cache")
	}
	w.WriteHeader(status)
	w.Write(body)
}

func (s *Server) fillView(r *http.Request, v *View) {
	v.L = s.PrinterFor(r)
	v.Actor = congthuong.ActorFrom(r.Context())
	v.Path = r.URL.Path
	v.Query = r.URL.Query()
	v.Prefs = prefsFrom(r)
	v.Demo = s.demo
	v.Contact = s.opts.Contact
	v.Department, v.Logo = s.opts.Department.Name, len(s.opts.Department.Logo) > 0
	if en := s.opts.Department.NameEN; en != "" && v.L.Lang() == "en" {
		v.Department = en
	}
	v.Visits = s.visitCounts()
	v.Meta.Base = s.AbsURL("")
	if v.Flash == "" {
		v.Flash = takeFlash(r)
	}
}

// errorPage is the error page's data.
type errorPage struct {
	Status    int
	Message   string
	RequestID string
}

// RenderError shows an error page in the user's language, with the status
// of the error's code. Internal errors are logged, never shown.
func (s *Server) RenderError(w http.ResponseWriter, r *http.Request, err error) {
	s.logInternal(r, err)
	if wantsJSON(r) {
		s.writeAPIError(w, r, err)
		return
	}
	err = s.retryable(w, r, err)
	status := ErrorStatus(err)
	if status == http.StatusUnauthorized && r.Method == http.MethodGet {
		http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	}
	p := s.PrinterFor(r)
	v := &View{Title: p.T("error.title")}
	page := Page[errorPage]{v, errorPage{Status: status, Message: p.ErrorText(err), RequestID: requestID(r.Context())}}
	t := s.templates["error"]
	s.fillView(r, v)
	var buf bytes.Buffer
	if t == nil || t.ExecuteTemplate(&buf, "layout.html", page) != nil {
		http.Error(w, http.StatusText(status), status)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// SetFormErrors shows err on a form sent back: each field's message beside
// the field and in the summary, or, when no field is named, its general
// message; nil shows nothing.
func (v *View) SetFormErrors(p *Printer, err error) {
	if err == nil {
		return
	}
	if v.Errors, v.Error = FormErrors(p, err); len(v.Errors) > 0 {
		v.Error = ""
	}
}

// FormErrors translates an error's field details for a form, and returns a
// general message for what has no field.
func FormErrors(p *Printer, err error) (map[string]string, string) {
	fields := map[string]string{}
	for _, f := range congthuong.ErrorFields(err) {
		if _, dup := fields[f.Field]; !dup {
			fields[f.Field] = p.Message(f.Message, f.Args...)
		}
	}
	return fields, p.ErrorText(err)
}
