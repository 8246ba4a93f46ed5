package web

import (
	"fmt"
	"net/http"
	"net/url"

	"congthuong"
	"congthuong/internal/procedure"
	"congthuong/internal/procedure/proceduredb"
)

// procedureFilter reads q, level, online and field.
func procedureFilter(q url.Values) (proceduredb.ProcedureFilter, error) {
	var v congthuong.Validation
	page, err := ListPage(q)
	if err != nil {
		return proceduredb.ProcedureFilter{}, err
	}
	f := proceduredb.ProcedureFilter{Q: q.Get("q"), Level: q.Get("level"), Online: q.Get("online"), Field: q.Get("field"), Page: page}
	if f.Level != "" && f.Level != procedure.Province && f.Level != procedure.Commune {
		v.Add("level", "level is province or commune")
	}
	if f.Online != "" && f.Online != procedure.FullOnline && f.Online != procedure.PartialOnline {
		v.Add("online", "online is full or partial")
	}
	return f, v.Err("invalid query")
}

func (s *Server) apiListProcedures(w http.ResponseWriter, r *http.Request) error {
	f, err := procedureFilter(r.URL.Query())
	if err != nil {
		return err
	}
	list, total, err := s.store.FindProcedures(r.Context(), f)
	if err != nil {
		return err
	}
	WriteJSON(w, http.StatusOK, NewList(list, total, f.Page))
	return nil
}

func (s *Server) apiGetProcedure(w http.ResponseWriter, r *http.Request) error {
	p, err := s.store.FindProcedure(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	WriteJSON(w, http.StatusOK, p)
	return nil
}

// apiSaveProcedure adds or replaces a procedure of the catalogue;
// administrators only.
func (s *Server) apiSaveProcedure(w http.ResponseWriter, r *http.Request) error {
	var p procedure.Procedure
	if err := DecodeJSON(w, r, &p); err != nil {
		return err
	}
	p.Code = r.PathValue("code")
	if err := s.store.SaveProcedure(r.Context(), p); err != nil {
		return err
	}
	saved, err := s.store.FindProcedure(r.Context(), p.Code)
	if err != nil {
		return err
	}
	WriteJSON(w, http.StatusOK, saved)
	return nil
}

// showProcedures is the public catalogue: search (diacritics ignored),
// level and online filters.
func (s *Server) showProcedures(w http.ResponseWriter, r *http.Request) error {
	p := s.PrinterFor(r)
	v := &View{Title: p.T("procedures.title"), Nav: "procedures"}
	f, err := procedureFilter(r.URL.Query())
	status := http.StatusOK
	if err != nil {
		v.Errors, v.Error = FormErrors(p, err)
		status, f = ErrorStatus(err), proceduredb.ProcedureFilter{}
	}
	list, total, err := s.store.FindProcedures(r.Context(), f)
	if err != nil {
		return err
	}
	v.D = map[string]any{"Filter": f, "Items": list, "Pager": NewPager(total, f.Page)}
	s.Render(w, r, status, "procedures", v)
	return nil
}

func (s *Server) showProcedure(w http.ResponseWriter, r *http.Request) error {
	proc, err := s.store.FindProcedure(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	title := proc.NameVI
	if s.PrinterFor(r).Lang() == "en" && proc.NameEN != "" {
		title = proc.NameEN
	}
	templates, err := s.store.ProcedureTemplates(r.Context(), proc.Code)
	if err != nil {
		return err
	}
	s.Render(w, r, http.StatusOK, "procedure", &View{Title: title, Nav: "procedures", D: map[string]any{"P": proc, "Templates": templates}})
	return nil
}

// apiSetAgency sets a unit's electronic identifier: {"code":"H31.17"}.
func (s *Server) apiSetAgency(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		Code string `json:"code"`
	}
	if err := DecodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := s.store.SetAgencyCode(r.Context(), r.PathValue("unit"), in.Code); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) apiProcedureTemplates(w http.ResponseWriter, r *http.Request) error {
	list, err := s.store.ProcedureTemplates(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	WriteJSON(w, http.StatusOK, map[string]any{"items": list})
	return nil
}

// apiAddProcedureTemplate uploads a blank form: multipart, part "file".
func (s *Server) apiAddProcedureTemplate(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, MaxOneFileRequest)
	f, hdr, err := r.FormFile("file")
	if err != nil {
		return congthuong.FieldErr(congthuong.EINVALID, "file", fmt.Sprintf("choose the form (PDF, Word or Excel; at most %d MiB)", FileMiB))
	}
	defer f.Close()
	if err := CleanForm(r); err != nil {
		return err
	}
	t, err := s.store.AddProcedureTemplate(r.Context(), r.PathValue("code"), hdr.Filename, f)
	if err != nil {
		return err
	}
	WriteJSON(w, http.StatusCreated, t)
	return nil
}

// apiProcedureTemplate sends a blank form; anyone may download it.
func (s *Server) apiProcedureTemplate(w http.ResponseWriter, r *http.Request) error {
	t, content, err := s.store.OpenProcedureTemplate(r.Context(), r.PathValue("code"), r.PathValue("name"))
	if err != nil {
		return err
	}
	defer content.Close()
	ServeFile(w, r, StoredFile{Name: t.FileName, Type: t.ContentType, SHA256: t.SHA256}, content)
	return nil
}
