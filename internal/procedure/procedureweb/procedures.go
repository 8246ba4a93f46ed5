// Package procedureweb serves the administrative procedures: the catalogue, filing dossiers with their papers, the one-stop workflow, tracking, result verification, receipts and forms, and the Decision 766 scorecards.
package procedureweb

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"congthuong"
	"congthuong/internal/legal"
	"congthuong/internal/procedure"
	"congthuong/internal/procedure/proceduredb"
	"congthuong/internal/web"
)

// procedureFilter reads q, level, online and field.
func procedureFilter(q url.Values) (proceduredb.ProcedureFilter, error) {
	var v congthuong.Validation
	page, err := web.ListPage(q)
	if err != nil {
		return proceduredb.ProcedureFilter{}, err
	}
	f := proceduredb.ProcedureFilter{Q: q.Get("q"), Level: q.Get("level"), Online: q.Get("online"), Field: q.Get("field"), Page: page}
	if f.Level != "" && f.Level != procedure.Province && f.Level != procedure.Commune {
		v.Add("level", "procedure.level_province_commune_2")
	}
	if f.Online != "" && f.Online != procedure.FullOnline && f.Online != procedure.PartialOnline {
		v.Add("online", "procedure.online_full_partial")
	}
	return f, v.Err("common.invalid_query")
}

func (s *handlers) apiListProcedures(w http.ResponseWriter, r *http.Request) error {
	f, err := procedureFilter(r.URL.Query())
	if err != nil {
		return err
	}
	return s.catalogue.ServeJSON(w, r, web.QueryKey(r), func() (any, error) {
		list, total, err := s.procedures.FindProcedures(r.Context(), f)
		return web.NewList(list, total, f.Page), err
	})
}

func (s *handlers) apiGetProcedure(w http.ResponseWriter, r *http.Request) error {
	p, err := s.procedures.FindProcedure(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, p)
	return nil
}

// apiSaveProcedure adds or replaces a procedure of the catalogue;
// administrators only.
func (s *handlers) apiSaveProcedure(w http.ResponseWriter, r *http.Request) error {
	var p procedure.Procedure
	if err := web.DecodeJSON(w, r, &p); err != nil {
		return err
	}
	p.Code = r.PathValue("code")
	if err := s.procedures.SaveProcedure(r.Context(), p); err != nil {
		return err
	}
	saved, err := s.procedures.FindProcedure(r.Context(), p.Code)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, saved)
	return nil
}

// proceduresPage is a page of the catalogue.
type proceduresPage struct {
	Filter proceduredb.ProcedureFilter
	Items  []*procedure.Procedure
	Pager  web.Pager
}

// procedurePage is a procedure with its blank forms, and the filing form
// as typed when it was refused.
type procedurePage struct {
	P         *procedure.Procedure
	Templates []proceduredb.ProcedureTemplate
	Form      url.Values
	// Basis is the legal basis, each line with the address of the
	// document it cites when the library holds it.
	Basis []basisLine
}

// basisLine is a line of a procedure's legal basis.
type basisLine struct{ Text, Slug string }

// basisOf links each line of a procedure's legal basis to the first
// document it cites that the library holds.
func (s *handlers) basisOf(ctx context.Context, p *procedure.Procedure) ([]basisLine, error) {
	links, err := s.library.Numbers(ctx, p.LegalBasis)
	if err != nil {
		return nil, err
	}
	out := make([]basisLine, len(p.LegalBasis))
	for i, text := range p.LegalBasis {
		out[i].Text = text
		for _, n := range legal.NumberPattern.FindAllString(text, -1) {
			if slug := links[n]; slug != "" {
				out[i].Slug = slug
				break
			}
		}
	}
	return out, nil
}

// showProcedures is the public catalogue: search (diacritics ignored),
// level and online filters.
func (s *handlers) showProcedures(w http.ResponseWriter, r *http.Request) error {
	p := s.PrinterFor(r)
	v := &web.View{Title: p.T("procedures.title"), Nav: "procedures"}
	f, err := procedureFilter(r.URL.Query())
	build := func(f proceduredb.ProcedureFilter) (proceduresPage, error) {
		list, total, err := s.procedures.FindProcedures(r.Context(), f)
		return proceduresPage{Filter: f, Items: list, Pager: web.NewPager(total, f.Page)}, err
	}
	if err != nil {
		v.Errors, v.Error = web.FormErrors(p, err)
		d, err2 := build(proceduredb.ProcedureFilter{})
		if err2 != nil {
			return err2
		}
		web.Show(s.Server, w, r, web.ErrorStatus(err), "procedures", v, d)
		return nil
	}
	return web.ShowCached(s.Server, s.catalogue.Pages(r.Context()), w, r, "procedures", v, func() (proceduresPage, error) { return build(f) })
}

func (s *handlers) showProcedure(w http.ResponseWriter, r *http.Request) error {
	proc, err := s.procedures.FindProcedure(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	templates, err := s.procedures.ProcedureTemplates(r.Context(), proc.Code)
	if err != nil {
		return err
	}
	basis, err := s.basisOf(r.Context(), proc)
	if err != nil {
		return err
	}
	web.Show(s.Server, w, r, http.StatusOK, "procedure", &web.View{Title: s.PrinterFor(r).Name(proc.Name()), Nav: "procedures"},
		procedurePage{P: proc, Templates: templates, Basis: basis})
	return nil
}

// apiSetAgency sets a unit's electronic identifier: {"code":"H31.17"}.
func (s *handlers) apiSetAgency(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		Code string `json:"code"`
	}
	if err := web.DecodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := s.procedures.SetAgencyCode(r.Context(), r.PathValue("unit"), in.Code); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *handlers) apiProcedureTemplates(w http.ResponseWriter, r *http.Request) error {
	list, err := s.procedures.ProcedureTemplates(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, map[string]any{"items": list})
	return nil
}

// apiAddProcedureTemplate uploads a blank form: multipart, part "file".
func (s *handlers) apiAddProcedureTemplate(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, web.MaxOneFileRequest)
	f, hdr, err := r.FormFile("file")
	if err != nil {
		return congthuong.FieldErr(congthuong.EINVALID, "file", "procedure.choose_form_pdf_word_excel_at_most_mib", web.FileMiB)
	}
	defer f.Close()
	if err := web.CleanForm(r); err != nil {
		return err
	}
	t, err := s.procedures.AddProcedureTemplate(r.Context(), r.PathValue("code"), hdr.Filename, f)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, t)
	return nil
}

// apiProcedureTemplate sends a blank form; anyone may download it.
func (s *handlers) apiProcedureTemplate(w http.ResponseWriter, r *http.Request) error {
	t, content, err := s.procedures.OpenProcedureTemplate(r.Context(), r.PathValue("code"), r.PathValue("name"))
	if congthuong.ErrorCode(err) == congthuong.ENOTFOUND {
		// No official form uploaded: the platform's blank form of the
		// document that names it.
		proc, perr := s.procedures.FindProcedure(r.Context(), r.PathValue("code"))
		if perr != nil {
			return perr
		}
		for _, doc := range proc.Documents {
			if doc.Template != "" && doc.Template == r.PathValue("name") && strings.HasSuffix(doc.Template, ".docx") {
				w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
				web.Attachment(w, doc.Template)
				w.Write(procedure.BlankForm(proc, doc))
				return nil
			}
		}
	}
	if err != nil {
		return err
	}
	defer content.Close()
	web.ServeFile(w, r, web.StoredFile{Name: t.FileName, Type: t.ContentType, SHA256: t.SHA256}, content)
	return nil
}
