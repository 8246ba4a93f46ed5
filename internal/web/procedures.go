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
	page, err := listPage(q)
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
	writeJSON(w, http.StatusOK, newList(list, total, f.Page))
	return nil
}

func (s *Server) apiGetProcedure(w http.ResponseWriter, r *http.Request) error {
	p, err := s.store.FindProcedure(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, p)
	return nil
}

// apiSaveProcedure adds or replaces a procedure of the catalogue;
// administrators only.
func (s *Server) apiSaveProcedure(w http.ResponseWriter, r *http.Request) error {
	var p procedure.Procedure
	if err := decodeJSON(w, r, &p); err != nil {
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
	writeJSON(w, http.StatusOK, saved)
	return nil
}

// showProcedures is the public catalogue: search (diacritics ignored),
// level and online filters.
func (s *Server) showProcedures(w http.ResponseWriter, r *http.Request) error {
	p := s.printerFor(r)
	v := &view{Title: p.T("procedures.title"), Nav: "procedures"}
	f, err := procedureFilter(r.URL.Query())
	status := http.StatusOK
	if err != nil {
		v.Errors, v.Error = formErrors(p, err)
		status, f = errorStatus(err), proceduredb.ProcedureFilter{}
	}
	list, total, err := s.store.FindProcedures(r.Context(), f)
	if err != nil {
		return err
	}
	v.D = map[string]any{"Filter": f, "Items": list, "Pager": newPager(total, f.Page)}
	s.render(w, r, status, "procedures", v)
	return nil
}

func (s *Server) showProcedure(w http.ResponseWriter, r *http.Request) error {
	proc, err := s.store.FindProcedure(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	title := proc.NameVI
	if s.printerFor(r).Lang() == "en" && proc.NameEN != "" {
		title = proc.NameEN
	}
	templates, err := s.store.ProcedureTemplates(r.Context(), proc.Code)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "procedure", &view{Title: title, Nav: "procedures", D: map[string]any{"P": proc, "Templates": templates}})
	return nil
}

// apiSetAgency sets a unit's electronic identifier: {"code":"H31.17"}.
func (s *Server) apiSetAgency(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		Code string `json:"code"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
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
	writeJSON(w, http.StatusOK, map[string]any{"items": list})
	return nil
}

// apiAddProcedureTemplate uploads a blank form: multipart, part "file".
func (s *Server) apiAddProcedureTemplate(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxOneFileRequest)
	f, hdr, err := r.FormFile("file")
	if err != nil {
		return congthuong.FieldErr(congthuong.EINVALID, "file", fmt.Sprintf("choose the form (PDF, Word or Excel; at most %d MiB)", fileMiB))
	}
	defer f.Close()
	if err := cleanForm(r); err != nil {
		return err
	}
	t, err := s.store.AddProcedureTemplate(r.Context(), r.PathValue("code"), hdr.Filename, f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, t)
	return nil
}

// apiProcedureTemplate sends a blank form; anyone may download it.
func (s *Server) apiProcedureTemplate(w http.ResponseWriter, r *http.Request) error {
	t, content, err := s.store.OpenProcedureTemplate(r.Context(), r.PathValue("code"), r.PathValue("name"))
	if err != nil {
		return err
	}
	defer content.Close()
	serveFile(w, r, storedFile{name: t.FileName, ctype: t.ContentType, sum: t.SHA256}, content)
	return nil
}
