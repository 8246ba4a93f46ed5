package newsweb

import (
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"congthuong"
	"congthuong/internal/news"
	"congthuong/internal/news/newsdb"
	"congthuong/internal/web"
)

// The editors' desk: every article in every state, the form that writes
// one, and each article's page with the actions its state and the
// reader's role allow, nothing else.

// managePage lists the articles for editors.
type managePage struct {
	Items      []*newsdb.Article
	Pager      web.Pager
	Status     string
	Statuses   []string
	Q          string
	MayPublish bool
	Now        time.Time
}

var statuses = []string{news.Draft, news.Review, news.Published, news.Withdrawn}

// requireEditor refuses whom may not use the desk.
func requireEditor(r *http.Request) error {
	a := congthuong.ActorFrom(r.Context())
	if news.MayWrite(a) {
		return nil
	}
	if a.Anonymous() {
		return congthuong.Errorf(congthuong.EUNAUTHORIZED, "common.log_first")
	}
	return congthuong.Errorf(congthuong.EFORBIDDEN, "news.only_editors")
}

func (s *handlers) showManage(w http.ResponseWriter, r *http.Request) error {
	if err := requireEditor(r); err != nil {
		return err
	}
	f, err := filterOf(r)
	if err != nil {
		return err
	}
	f.Manage = true
	if st := r.URL.Query().Get("status"); slices.Contains(statuses, st) {
		f.Status = st
	}
	items, total, err := s.news.List(r.Context(), f)
	if err != nil {
		return err
	}
	p := s.PrinterFor(r)
	web.Show(s.Server, w, r, http.StatusOK, "news_manage", &web.View{Title: p.T("news.manage_title"), Nav: "news"},
		managePage{Items: items, Pager: web.NewPager(total, f.Page), Status: f.Status, Statuses: statuses, Q: f.Q,
			MayPublish: news.MayPublish(congthuong.ActorFrom(r.Context())), Now: s.Now()})
	return nil
}

// formPage is the article form: what was typed, and for a published
// article the change note it needs.
type formPage struct {
	A          news.Article
	ID         int64
	Version    int
	New        bool
	Published  bool
	Topics     string
	Major      bool
	NoteVI     string
	NoteEN     string
	Kinds      []string
	Categories []string
}

func (s *handlers) showForm(w http.ResponseWriter, r *http.Request, status int, d formPage, err error) {
	p := s.PrinterFor(r)
	d.Kinds, d.Categories, d.Topics = news.Kinds, news.Categories, strings.Join(d.A.Topics, ", ")
	title := p.T("news.new_title")
	if !d.New {
		title = p.T("news.edit_title")
	}
	v := &web.View{Title: title, Nav: "news"}
	v.SetFormErrors(p, err)
	web.Show(s.Server, w, r, status, "news_form", v, d)
}

// articleFromForm reads the form's article.
func articleFromForm(r *http.Request) news.Article {
	f := r.PostForm
	return news.Article{Kind: f.Get("kind"), Category: f.Get("category"), Topics: []string{f.Get("topics")},
		VI:         news.Text{Title: f.Get("title_vi"), Summary: f.Get("summary_vi"), Body: f.Get("body_vi")},
		EN:         news.Text{Title: f.Get("title_en"), Summary: f.Get("summary_en"), Body: f.Get("body_en")},
		ImageAltVI: f.Get("image_alt_vi"), ImageAltEN: f.Get("image_alt_en")}
}

func (s *handlers) showNew(w http.ResponseWriter, r *http.Request) error {
	if err := requireEditor(r); err != nil {
		return err
	}
	s.showForm(w, r, http.StatusOK, formPage{New: true, A: news.Article{Kind: news.KindNews, Category: news.Categories[0]}}, nil)
	return nil
}

func (s *handlers) doCreate(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	in := articleFromForm(r)
	a, err := s.news.Create(r.Context(), &in)
	if err != nil {
		if congthuong.ErrorCode(err) != congthuong.EINVALID {
			return err
		}
		in.Normalize()
		s.showForm(w, r, http.StatusUnprocessableEntity, formPage{New: true, A: in}, err)
		return nil
	}
	s.Flash(w, "news.saved_draft")
	http.Redirect(w, r, "/news/manage/"+strconv.FormatInt(a.ID, 10), http.StatusSeeOther)
	return nil
}

// articleOf reads the article of the path's id, for an editor.
func (s *handlers) articleOf(r *http.Request) (*newsdb.Article, error) {
	if err := requireEditor(r); err != nil {
		return nil, err
	}
	return s.news.Find(r.Context(), r.PathValue("id"))
}

func (s *handlers) showEdit(w http.ResponseWriter, r *http.Request) error {
	a, err := s.articleOf(r)
	if err != nil {
		return err
	}
	if !news.MayEdit(congthuong.ActorFrom(r.Context()), a.Status) {
		http.Redirect(w, r, "/news/manage/"+strconv.FormatInt(a.ID, 10), http.StatusSeeOther)
		return nil
	}
	s.showForm(w, r, http.StatusOK, formPage{A: a.Article, ID: a.ID, Version: a.Version, Published: a.Status == news.Published}, nil)
	return nil
}

func (s *handlers) doEdit(w http.ResponseWriter, r *http.Request) error {
	before, err := s.articleOf(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	version, _ := strconv.Atoi(r.PostForm.Get("version"))
	in := articleFromForm(r)
	note := newsdb.ChangeNote{Major: r.PostForm.Get("major") == "1", NoteVI: r.PostForm.Get("note_vi"), NoteEN: r.PostForm.Get("note_en")}
	if _, err := s.news.Update(r.Context(), before.ID, version, &in, note); err != nil {
		code := congthuong.ErrorCode(err)
		if code != congthuong.EINVALID && code != congthuong.ECONFLICT {
			return err
		}
		in.Normalize()
		s.showForm(w, r, web.FormStatus(err), formPage{A: in, ID: before.ID, Version: version, Published: before.Status == news.Published,
			Major: note.Major, NoteVI: note.NoteVI, NoteEN: note.NoteEN}, err)
		return nil
	}
	s.Flash(w, "flash.saved")
	http.Redirect(w, r, "/news/manage/"+strconv.FormatInt(before.ID, 10), http.StatusSeeOther)
	return nil
}

// deskPage is an article on the editors' desk: its text as it will read,
// its files, its history of changes, and what the reader may do now.
type deskPage struct {
	A         *newsdb.Article
	HTMLVI    template.HTML
	HTMLEN    template.HTML
	Image     *newsdb.File
	Files     []newsdb.File
	Changes   []newsdb.Change
	Actions   []string
	MayEdit   bool
	Scheduled bool
	Public    bool
	// PublishAt is the time field's value, kept when a step is refused.
	PublishAt string
}

func (s *handlers) desk(r *http.Request, a *newsdb.Article) (deskPage, error) {
	actor := congthuong.ActorFrom(r.Context())
	d := deskPage{A: a, HTMLVI: template.HTML(a.HTMLVI), HTMLEN: template.HTML(a.HTMLEN), Actions: news.Actions(actor, a.Status),
		MayEdit: news.MayEdit(actor, a.Status), Scheduled: a.Scheduled(s.Now()), Public: a.Public(s.Now())}
	files, err := s.news.Files(r.Context(), a)
	if err != nil {
		return d, err
	}
	for i := range files {
		if files[i].Kind == "image" {
			d.Image = &files[i]
		} else {
			d.Files = append(d.Files, files[i])
		}
	}
	d.Changes, err = s.news.Changes(r.Context(), a)
	return d, err
}

func (s *handlers) showDesk(w http.ResponseWriter, r *http.Request) error {
	a, err := s.articleOf(r)
	if err != nil {
		return err
	}
	d, err := s.desk(r, a)
	if err != nil {
		return err
	}
	web.Show(s.Server, w, r, http.StatusOK, "news_desk", &web.View{Title: a.VI.Title, Nav: "news"}, d)
	return nil
}

// publishLayout is how the form's time field writes a time.
const publishLayout = "2006-01-02T15:04"

func (s *handlers) doAct(w http.ResponseWriter, r *http.Request) error {
	a, err := s.articleOf(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	version, _ := strconv.Atoi(r.PostForm.Get("version"))
	step := newsdb.Step{Action: r.PostForm.Get("action"), Note: r.PostForm.Get("note"), NoticeVI: r.PostForm.Get("notice_vi"),
		NoticeEN: r.PostForm.Get("notice_en")}
	at := r.PostForm.Get("publish_at")
	var bad error
	if at != "" && step.Action == news.Publish {
		t, err := time.ParseInLocation(publishLayout, at, congthuong.Location)
		if err != nil {
			bad = congthuong.FieldErr(congthuong.EINVALID, "publish_at", "news.publish_at_format")
		}
		step.PublishAt = &t
	}
	if bad == nil {
		_, bad = s.news.Act(r.Context(), a.ID, version, step)
	}
	if bad != nil {
		code := congthuong.ErrorCode(bad)
		if code != congthuong.EINVALID && code != congthuong.ECONFLICT {
			return bad
		}
		// Shown again on the desk, with what was typed and the article as
		// it is now.
		if a, err = s.news.Find(r.Context(), r.PathValue("id")); err != nil {
			return err
		}
		d, err := s.desk(r, a)
		if err != nil {
			return err
		}
		d.PublishAt = at
		p := s.PrinterFor(r)
		v := &web.View{Title: a.VI.Title, Nav: "news"}
		v.Errors, v.Error = web.FormErrors(p, bad)
		if len(v.Errors) > 0 {
			v.Error = ""
		}
		web.Show(s.Server, w, r, web.FormStatus(bad), "news_desk", v, d)
		return nil
	}
	s.Flash(w, "news.done_"+step.Action)
	http.Redirect(w, r, "/news/manage/"+strconv.FormatInt(a.ID, 10), http.StatusSeeOther)
	return nil
}

// maxUpload bounds a file's request: the file and the form around it.
const maxUpload = 21 << 20

func (s *handlers) doAddFile(w http.ResponseWriter, r *http.Request) error {
	a, err := s.articleOf(r)
	if err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		return congthuong.FieldErr(congthuong.EINVALID, "file", "news.file_too_large")
	}
	file, header, err := r.FormFile("file")
	if err != nil {
		return congthuong.FieldErr(congthuong.EINVALID, "file", "news.choose_file")
	}
	defer file.Close()
	if _, err := s.news.AddFile(r.Context(), a.ID, r.FormValue("kind"), r.FormValue("title"), header.Filename, file); err != nil {
		return err
	}
	s.Flash(w, "news.file_added")
	http.Redirect(w, r, "/news/manage/"+strconv.FormatInt(a.ID, 10)+"#files", http.StatusSeeOther)
	return nil
}

func (s *handlers) doDeleteFile(w http.ResponseWriter, r *http.Request) error {
	a, err := s.articleOf(r)
	if err != nil {
		return err
	}
	id, _ := strconv.ParseInt(r.PathValue("file"), 10, 64)
	if err := s.news.DeleteFile(r.Context(), a.ID, id); err != nil {
		return err
	}
	s.Flash(w, "news.file_removed")
	http.Redirect(w, r, "/news/manage/"+strconv.FormatInt(a.ID, 10)+"#files", http.StatusSeeOther)
	return nil
}
