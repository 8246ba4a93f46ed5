package legalweb

import (
	"context"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/db"
	"congthuong/internal/legal"
	"congthuong/internal/legal/legaldb"
	"congthuong/internal/web"
)

// listPage is the library's list, filtered.
type listPage struct {
	Items    []*legal.Document
	Pager    web.Pager
	F        legaldb.Filter
	Types    []string
	Fields   []string
	Statuses []string
	Years    []int
	MayWrite bool
}

// filterOf reads the list's filters; values not of the lists are dropped,
// as a stale link would have them.
func (s *handlers) filterOf(r *http.Request) (legaldb.Filter, error) {
	q := r.URL.Query()
	page, err := web.ListPage(q)
	if err != nil {
		return legaldb.Filter{}, err
	}
	if page.Limit == 0 {
		page.Limit = 20
	}
	f := legaldb.Filter{Q: q.Get("q"), Page: page}
	if v := q.Get("type"); slices.Contains(legal.Types, v) {
		f.Type = v
	}
	if v := q.Get("field"); slices.Contains(legal.Fields, v) {
		f.Field = v
	}
	if v := q.Get("status"); slices.Contains(legal.Statuses, v) {
		f.Status = v
	}
	if y, err := strconv.Atoi(q.Get("year")); err == nil && y >= 1945 && y <= calendar.DateOf(s.Now()).Year+1 {
		f.Year = y
	}
	return f, nil
}

func (s *handlers) showDocuments(w http.ResponseWriter, r *http.Request) error {
	f, err := s.filterOf(r)
	if err != nil {
		return err
	}
	items, total, err := s.library.List(r.Context(), f)
	if err != nil {
		return err
	}
	p := s.PrinterFor(r)
	var years []int
	for y := calendar.DateOf(s.Now()).Year; y >= 2000; y-- {
		years = append(years, y)
	}
	v := &web.View{Title: p.T("legal.title"), Nav: "documents", Meta: web.Meta{Description: p.T("legal.description"), Canonical: "/documents"}}
	web.Show(s.Server, w, r, http.StatusOK, "documents", v, listPage{Items: items, Pager: web.NewPager(total, f.Page), F: f,
		Types: legal.Types, Fields: legal.Fields, Statuses: legal.Statuses, Years: years,
		MayWrite: legal.MayWrite(congthuong.ActorFrom(r.Context()))})
	return nil
}

// documentPage is one document with its files.
type documentPage struct {
	D        *legal.Document
	Files    []legaldb.File
	MayWrite bool
}

func (s *handlers) showDocument(w http.ResponseWriter, r *http.Request) error {
	d, err := s.library.Find(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	files, err := s.library.Files(r.Context(), d)
	if err != nil {
		return err
	}
	p := s.PrinterFor(r)
	v := &web.View{Title: d.Number, Nav: "documents", Meta: web.Meta{Description: p.T("legal.type_"+d.Type) + " " + d.Number + ": " +
		d.Title(p.Lang()), Canonical: "/documents/" + d.Slug, Type: "article"}}
	web.Show(s.Server, w, r, http.StatusOK, "document", v, documentPage{D: d, Files: files,
		MayWrite: legal.MayWrite(congthuong.ActorFrom(r.Context()))})
	return nil
}

func (s *handlers) serveFile(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return congthuong.Errorf(congthuong.ENOTFOUND, "legal.no_file", r.PathValue("id"))
	}
	f, content, err := s.library.OpenFile(r.Context(), r.PathValue("slug"), id)
	if err != nil {
		return err
	}
	defer content.Close()
	w.Header().Set("Content-Type", f.ContentType)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	web.Attachment(w, f.FileName)
	_, err = io.Copy(w, content)
	return err
}

// formPage is the document form: what was typed.
type formPage struct {
	D        legal.Document
	New      bool
	Key      string
	Whole    string
	Part     string
	Types    []string
	Fields   []string
	Issued   string
	Effected string
	Expires  string
}

func (s *handlers) requireWriter(r *http.Request) error {
	a := congthuong.ActorFrom(r.Context())
	switch {
	case legal.MayWrite(a):
		return nil
	case a.Anonymous():
		return congthuong.Errorf(congthuong.EUNAUTHORIZED, "common.log_first")
	}
	return congthuong.Errorf(congthuong.EFORBIDDEN, "legal.only_department")
}

func (s *handlers) showForm(w http.ResponseWriter, r *http.Request, status int, d formPage, err error) {
	p := s.PrinterFor(r)
	d.Types, d.Fields = legal.Types, legal.Fields
	title := p.T("legal.new_title")
	if !d.New {
		title = p.T("legal.edit_title")
	}
	v := &web.View{Title: title, Nav: "documents"}
	if err != nil {
		v.Errors, v.Error = web.FormErrors(p, err)
		if len(v.Errors) > 0 {
			v.Error = ""
		}
		v.Anchors = map[string]string{"replaces": "replaces_whole"}
	}
	web.Show(s.Server, w, r, status, "document_form", v, d)
}

func (s *handlers) showNew(w http.ResponseWriter, r *http.Request) error {
	if err := s.requireWriter(r); err != nil {
		return err
	}
	s.showForm(w, r, http.StatusOK, formPage{New: true, D: legal.Document{Type: "decree", Field: "trade", Published: true}}, nil)
	return nil
}

func (s *handlers) showEdit(w http.ResponseWriter, r *http.Request) error {
	if err := s.requireWriter(r); err != nil {
		return err
	}
	d, err := s.library.Find(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	f := formPage{D: *d, Key: d.Slug, Issued: d.IssuedOn.String(), Effected: dayString(d.EffectiveOn), Expires: dayString(d.ExpiresOn)}
	var whole, part []string
	for _, x := range d.Replaces {
		if x.Scope == legal.Whole {
			whole = append(whole, x.Number)
		} else {
			part = append(part, x.Number)
		}
	}
	f.Whole, f.Part = strings.Join(whole, "\n"), strings.Join(part, "\n")
	s.showForm(w, r, http.StatusOK, f, nil)
	return nil
}

func dayString(d *calendar.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}

// numbersOf splits a list of numbers typed one per line or separated by
// commas or semicolons.
func numbersOf(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == ',' || r == ';' || r == '\r' })
}

func (s *handlers) doSave(w http.ResponseWriter, r *http.Request) error {
	if err := s.requireWriter(r); err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	f := r.PostForm
	page := formPage{New: r.PathValue("slug") == "", Key: r.PathValue("slug"), Whole: f.Get("replaces_whole"), Part: f.Get("replaces_part"),
		Issued: f.Get("issued_on"), Effected: f.Get("effective_on"), Expires: f.Get("expires_on")}
	d := legal.Document{Number: f.Get("number"), Type: f.Get("type"), Field: f.Get("field"), Issuer: f.Get("issuer"),
		Signer: f.Get("signer"), TitleVI: f.Get("title_vi"), TitleEN: f.Get("title_en"), AbstractVI: f.Get("abstract_vi"),
		AbstractEN: f.Get("abstract_en"), Published: f.Get("published") == "1"}
	d.Version, _ = strconv.Atoi(f.Get("version"))
	if !page.New {
		before, err := s.library.Find(r.Context(), page.Key)
		if err != nil {
			return err
		}
		d.ID, d.Demo = before.ID, before.Demo
	}
	for _, n := range numbersOf(page.Whole) {
		d.Replaces = append(d.Replaces, legal.Relation{Number: n, Scope: legal.Whole})
	}
	for _, n := range numbersOf(page.Part) {
		d.Replaces = append(d.Replaces, legal.Relation{Number: n, Scope: legal.Part})
	}
	var v congthuong.Validation
	days := map[string]**calendar.Date{"effective_on": &d.EffectiveOn, "expires_on": &d.ExpiresOn}
	for field, text := range map[string]string{"issued_on": page.Issued, "effective_on": page.Effected, "expires_on": page.Expires} {
		if text == "" {
			continue
		}
		day, err := calendar.ParseDate(text)
		if err != nil {
			v.Add(field, "legal.day_format")
			continue
		}
		if field == "issued_on" {
			d.IssuedOn = day
		} else {
			*days[field] = &day
		}
	}
	typed := d.Number
	err := v.Err("legal.invalid_document")
	if err == nil {
		err = s.library.Save(r.Context(), &d)
	} else {
		// Every mistake at once: the dates' and the rest's.
		d.Normalize()
		if verr := d.Validate(); verr != nil {
			for _, fe := range congthuong.ErrorFields(verr) {
				if fe.Field != "issued_on" {
					v.Add(fe.Field, fe.Message, fe.Args...)
				}
			}
			err = v.Err("legal.invalid_document")
		}
	}
	if err != nil {
		code := congthuong.ErrorCode(err)
		if code != congthuong.EINVALID && code != congthuong.ECONFLICT {
			return err
		}
		page.D, page.D.Number = d, typed
		s.showForm(w, r, web.FormStatus(err), page, err)
		return nil
	}
	s.Flash(w, "flash.saved")
	http.Redirect(w, r, "/documents/"+d.Slug, http.StatusSeeOther)
	return nil
}

// maxUpload bounds a file's request: the file and the form around it.
const maxUpload = db.MaxStoredFile + 1<<20

func (s *handlers) doAddFile(w http.ResponseWriter, r *http.Request) error {
	if err := s.requireWriter(r); err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		return congthuong.FieldErr(congthuong.EINVALID, "file", "legal.file_too_large")
	}
	file, header, err := r.FormFile("file")
	if err != nil {
		return congthuong.FieldErr(congthuong.EINVALID, "file", "legal.choose_file")
	}
	defer file.Close()
	if _, err := s.library.AddFile(r.Context(), r.PathValue("slug"), r.FormValue("title"), header.Filename, file); err != nil {
		return err
	}
	s.Flash(w, "legal.file_added")
	http.Redirect(w, r, "/documents/"+r.PathValue("slug")+"#files", http.StatusSeeOther)
	return nil
}

func (s *handlers) doDeleteFile(w http.ResponseWriter, r *http.Request) error {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err := s.library.DeleteFile(r.Context(), r.PathValue("slug"), id); err != nil {
		return err
	}
	s.Flash(w, "legal.file_removed")
	http.Redirect(w, r, "/documents/"+r.PathValue("slug")+"#files", http.StatusSeeOther)
	return nil
}

// sitemap lists the published documents.
func (s *handlers) sitemap(ctx context.Context) ([]web.SitemapURL, error) {
	docs, _, err := s.library.List(congthuong.NewContext(ctx, congthuong.Actor{}), legaldb.Filter{Page: db.Page{Limit: db.MaxLimit}})
	if err != nil {
		return nil, err
	}
	out := []web.SitemapURL{{Path: "/documents"}}
	for _, d := range docs {
		out = append(out, web.SitemapURL{Path: "/documents/" + d.Slug, Modified: d.ModifiedAt})
	}
	return out, nil
}

func (s *handlers) apiDocuments(w http.ResponseWriter, r *http.Request) error {
	f, err := s.filterOf(r)
	if err != nil {
		return err
	}
	items, total, err := s.library.List(r.Context(), f)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, web.NewList(items, total, f.Page))
	return nil
}

func (s *handlers) apiDocument(w http.ResponseWriter, r *http.Request) error {
	d, err := s.library.Find(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, d)
	return nil
}
