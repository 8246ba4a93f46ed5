package procedure

import (
	"strconv"
	"time"

	"congthuong"
)

// Draft is an applicant's filing in progress: what they typed and the
// papers they chose, kept until they send it or delete it.
type Draft struct {
	ID            int64             `json:"id"`
	ProcedureCode string            `json:"procedure_code"`
	UnitCode      string            `json:"unit_code"`
	Applicant     Applicant         `json:"applicant"`
	Form          map[string]string `json:"form"`
	Files         []File            `json:"files"`
	CreatedBy     string            `json:"created_by"`
	UpdatedAt     time.Time         `json:"updated_at"`
}

// Dossier is the dossier the draft files: online, with its papers.
func (dr *Draft) Dossier() *Dossier {
	form := map[string]string{}
	for k, v := range dr.Form {
		if v != "" {
			form[k] = v
		}
	}
	return &Dossier{ProcedureCode: dr.ProcedureCode, UnitCode: dr.UnitCode, Channel: Online, Applicant: dr.Applicant,
		Form: form, Files: dr.Files}
}

// PaperField names the upload of the procedure's i-th document in a form
// and in its errors.
func PaperField(i int) string { return "paper_" + strconv.Itoa(i) }

// CheckPapers checks that files hold a paper for each document p requires,
// matched by the document's name.
func CheckPapers(p *Procedure, files []File) error {
	var v congthuong.Validation
	for i, doc := range p.Documents {
		if !doc.Required {
			continue
		}
		found := false
		for _, f := range files {
			found = found || f.Document == doc.NameVI
		}
		if !found {
			v.Add(PaperField(i), "procedure.paper_required", congthuong.Name{VI: doc.NameVI, EN: doc.NameEN})
		}
	}
	return v.Err("procedure.papers_missing")
}
