package qaweb

import (
	"net/http"
	"strconv"

	"congthuong"
	"congthuong/internal/qa"
	"congthuong/internal/qa/qadb"
	"congthuong/internal/web"
)

// managePage is the department's list of questions.
type managePage struct {
	Items    []*qadb.Question
	Pager    web.Pager
	Status   string
	Statuses []string
	Mine     bool
	Q        string
}

func requireDepartment(r *http.Request) error {
	a := congthuong.ActorFrom(r.Context())
	switch {
	case qa.MayAnswer(a):
		return nil
	case a.Anonymous():
		return congthuong.Errorf(congthuong.EUNAUTHORIZED, "common.log_first")
	}
	return congthuong.Errorf(congthuong.EFORBIDDEN, "qa.only_department")
}

func (s *handlers) showManage(w http.ResponseWriter, r *http.Request) error {
	if err := requireDepartment(r); err != nil {
		return err
	}
	f, err := filterOf(r)
	if err != nil {
		return err
	}
	f.Manage = true
	items, total, err := s.questions.List(r.Context(), f)
	if err != nil {
		return err
	}
	p := s.PrinterFor(r)
	web.Show(s.Server, w, r, http.StatusOK, "questions_manage", &web.View{Title: p.T("qa.manage_title"), Nav: "questions"},
		managePage{Items: items, Pager: web.NewPager(total, f.Page), Status: f.Status, Statuses: qa.Statuses, Mine: f.Mine, Q: f.Q})
	return nil
}

// deskPage is a question on the department's desk: who asked, the
// assignment and the answer forms, with what was typed.
type deskPage struct {
	Q        *qadb.Question
	Officers []qadb.Officer
	Answer   string
	Title    string
	Question string
	Publish  bool
}

func (s *handlers) desk(w http.ResponseWriter, r *http.Request, status int, d deskPage, err error) error {
	officers, oerr := s.questions.Officers(r.Context())
	if oerr != nil {
		return oerr
	}
	d.Officers = officers
	p := s.PrinterFor(r)
	v := &web.View{Title: p.T("qa.desk_title", d.Q.ID), Nav: "questions"}
	v.SetFormErrors(p, err)
	web.Show(s.Server, w, r, status, "question_desk", v, d)
	return nil
}

func (s *handlers) questionOf(r *http.Request) (*qadb.Question, error) {
	if err := requireDepartment(r); err != nil {
		return nil, err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return nil, congthuong.Errorf(congthuong.ENOTFOUND, "qa.no_question", 0)
	}
	return s.questions.Find(r.Context(), id)
}

func (s *handlers) showDesk(w http.ResponseWriter, r *http.Request) error {
	q, err := s.questionOf(r)
	if err != nil {
		return err
	}
	return s.desk(w, r, http.StatusOK, deskPage{Q: q, Answer: q.Answer, Title: q.Title, Question: q.Body,
		Publish: q.Status == qa.Published}, nil)
}

func (s *handlers) doAssign(w http.ResponseWriter, r *http.Request) error {
	q, err := s.questionOf(r)
	if err != nil {
		return err
	}
	version, _ := strconv.Atoi(r.FormValue("version"))
	if _, err := s.questions.Assign(r.Context(), q.ID, version, r.FormValue("assignee")); err != nil {
		if c := congthuong.ErrorCode(err); c != congthuong.EINVALID && c != congthuong.ECONFLICT {
			return err
		}
		return s.desk(w, r, web.FormStatus(err), deskPage{Q: q, Answer: q.Answer, Title: q.Title, Question: q.Body}, err)
	}
	s.Flash(w, "qa.assigned")
	http.Redirect(w, r, "/questions/manage/"+r.PathValue("id"), http.StatusSeeOther)
	return nil
}

func (s *handlers) doAnswer(w http.ResponseWriter, r *http.Request) error {
	q, err := s.questionOf(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	f := r.PostForm
	version, _ := strconv.Atoi(f.Get("version"))
	step := qadb.Step{Answer: f.Get("answer"), Publish: f.Get("publish") == "1", Title: f.Get("title"), Question: f.Get("question")}
	if _, err := s.questions.Answer(r.Context(), q.ID, version, step); err != nil {
		if c := congthuong.ErrorCode(err); c != congthuong.EINVALID && c != congthuong.ECONFLICT {
			return err
		}
		return s.desk(w, r, web.FormStatus(err), deskPage{Q: q, Answer: step.Answer, Title: step.Title, Question: step.Question,
			Publish: step.Publish}, err)
	}
	if step.Publish {
		s.Flash(w, "qa.published")
	} else {
		s.Flash(w, "qa.answered")
	}
	http.Redirect(w, r, "/questions/manage/"+r.PathValue("id"), http.StatusSeeOther)
	return nil
}
