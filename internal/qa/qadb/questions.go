// Package qadb keeps the questions to the department and their answers.
package qadb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/db"
	"congthuong/internal/qa"
	"congthuong/internal/unit"
)

// Questions is the questions' SQL.
type Questions struct {
	*db.DB
	// SiteURL is the platform's public address, for the links in e-mails.
	SiteURL string
}

// New returns the questions' store over d.
func New(d *db.DB) *Questions { return &Questions{DB: d} }

const questionColumns = `id, topic, title, question, status, name, email, phone, lang, assignee, answer, answered_at, answered_by,
	published_at, created_at, version`

// Question is a question and the language its asker wrote in.
type Question struct {
	qa.Question
	Lang string `json:"-"`
}

func scanQuestion(sc db.Scanner) (*Question, error) {
	var q Question
	var answered, published sql.NullTime
	if err := sc.Scan(&q.ID, &q.Topic, &q.Title, &q.Body, &q.Status, &q.Name, &q.Email, &q.Phone, &q.Lang, &q.Assignee,
		&q.Answer, &answered, &q.AnsweredBy, &published, &q.CreatedAt, &q.Version); err != nil {
		return nil, err
	}
	q.AnsweredAt, q.PublishedAt, q.CreatedAt = db.UTCPtr(answered), db.UTCPtr(published), q.CreatedAt.UTC()
	return &q, nil
}

// forReader hides the asker and the officers from whom does not handle
// questions.
func forReader(q *Question, actor congthuong.Actor) *Question {
	if !qa.MayAnswer(actor) {
		q.Name, q.Email, q.Phone, q.Assignee, q.AnsweredBy = "", "", "", "", ""
	}
	return q
}

func searchText(q *Question) string {
	return unit.Fold(q.Title + " " + q.Body + " " + q.Answer)
}

// Ask records a question from anyone and acknowledges it by e-mail.
func (s *Questions) Ask(ctx context.Context, in *qa.Question, lang string) (*Question, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if lang != "en" {
		lang = "vi"
	}
	q := &Question{Question: *in, Lang: lang}
	q.Status, q.Version, q.Answer, q.Assignee = qa.Received, 1, "", ""
	err := s.WithTx(ctx, func(tx *db.Tx) error {
		q.CreatedAt = tx.Now
		if err := tx.QueryRowContext(ctx, `INSERT INTO qa_questions (topic, title, question, status, name, email, phone, lang,
			assignee, answer, answered_by, search_text, created_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '', '', '', $9,
			$10, 1) RETURNING id`, q.Topic, q.Title, q.Body, q.Status, q.Name, q.Email, q.Phone, q.Lang, searchText(q),
			q.CreatedAt).Scan(&q.ID); err != nil {
			return fmt.Errorf("qadb: ask: %w", err)
		}
		subject, body := qa.ReceivedMail(q.Lang, &q.Question)
		if err := tx.EnqueueMail(ctx, q.Email, subject, body, "question-"+strconv.FormatInt(q.ID, 10)); err != nil {
			return err
		}
		// The log names the question, not the asker's contact.
		return tx.Audit(ctx, audit.Create, "qa_question", strconv.FormatInt(q.ID, 10), "", nil,
			map[string]string{"topic": q.Topic, "title": q.Title})
	})
	return q, err
}

// Find reads a question: a published one for everyone, any for whom
// handles questions.
func (s *Questions) Find(ctx context.Context, id int64) (*Question, error) {
	actor := congthuong.ActorFrom(ctx)
	w := &db.Where{}
	w.Add("id = ?", id)
	if !qa.MayAnswer(actor) {
		w.Add("status = ?", qa.Published)
	}
	q, err := scanQuestion(s.Read.QueryRowContext(ctx, `SELECT `+questionColumns+` FROM qa_questions`+w.SQL(), w.Args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congthuong.Errorf(congthuong.ENOTFOUND, "qa.no_question", id)
	}
	if err != nil {
		return nil, fmt.Errorf("qadb: find question: %w", err)
	}
	return forReader(q, actor), nil
}

// Filter selects questions. The public lists the published ones; Manage
// lists every state for whom handles questions.
type Filter struct {
	Q      string
	Topic  string
	Status string
	Mine   bool
	Manage bool
	Page   db.Page
}

// List reads a page of questions and how many match.
func (s *Questions) List(ctx context.Context, f Filter) ([]*Question, int, error) {
	actor := congthuong.ActorFrom(ctx)
	w := &db.Where{}
	order := " ORDER BY published_at DESC, id DESC"
	if f.Manage && qa.MayAnswer(actor) {
		order = " ORDER BY created_at, id"
		if slices.Contains(qa.Statuses, f.Status) {
			w.Add("status = ?", f.Status)
		}
		if f.Mine {
			w.Add("assignee = ?", actor.Username)
		}
	} else {
		w.Add("status = ?", qa.Published)
	}
	if slices.Contains(qa.Topics, f.Topic) {
		w.Add("topic = ?", f.Topic)
	}
	w.Words("search_text", unit.Fold(f.Q))
	items, total, err := db.List(ctx, s.DB, "questions", db.Listing{Columns: questionColumns, From: "qa_questions", Where: w,
		Order: order, Page: f.Page}, func(sc db.Scanner) (*Question, error) {
		q, err := scanQuestion(sc)
		if err != nil {
			return nil, err
		}
		return forReader(q, actor), nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("qadb: %w", err)
	}
	return items, total, nil
}

// Step is what an officer does to a question: assign it to someone, or
// answer it, published or to the asker only.
type Step struct {
	Assignee string
	Answer   string
	Publish  bool
	// Title and Question, when set with a published answer, are the
	// question as the public reads it: the department may shorten it or
	// take out what is personal.
	Title, Question string
}

// Assign gives a question to an officer (by username), or back to the
// pool with "".
func (s *Questions) Assign(ctx context.Context, id int64, version int, assignee string) (*Question, error) {
	return s.change(ctx, id, version, "assign", func(tx *db.Tx, q *Question) error {
		assignee = strings.TrimSpace(assignee)
		if assignee != "" {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM users WHERE username = $1 AND active = TRUE
				AND role IN ('admin', 'leader', 'officer')`, assignee).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return congthuong.FieldErr(congthuong.EINVALID, "assignee", "qa.no_such_officer", assignee)
			}
		}
		q.Assignee = assignee
		if q.Status == qa.Received || q.Status == qa.Assigned {
			q.Status = qa.Received
			if assignee != "" {
				q.Status = qa.Assigned
			}
		}
		return nil
	})
}

// Answer records the answer, tells the asker by e-mail, and publishes it
// when asked to; a published answer may be changed or withdrawn to the
// asker only.
func (s *Questions) Answer(ctx context.Context, id int64, version int, step Step) (*Question, error) {
	return s.change(ctx, id, version, "answer", func(tx *db.Tx, q *Question) error {
		var v congthuong.Validation
		answer := strings.TrimSpace(strings.ReplaceAll(step.Answer, "\r\n", "\n"))
		switch n := utf8.RuneCountInString(answer); {
		case n == 0:
			v.Add("answer", "qa.required_answer")
		case n > qa.MaxAnswer:
			v.Add("answer", "qa.longer_than", qa.MaxAnswer)
		}
		if step.Publish {
			if t := strings.Join(strings.Fields(step.Title), " "); t != "" {
				q.Title = t
			}
			if t := strings.TrimSpace(step.Question); t != "" {
				q.Body = t
			}
			if utf8.RuneCountInString(q.Title) > qa.MaxTitle {
				v.Add("title", "qa.longer_than", qa.MaxTitle)
			}
		}
		if err := v.Err("qa.invalid_answer"); err != nil {
			return err
		}
		first := q.AnsweredAt == nil
		now := tx.Now
		q.Answer, q.AnsweredAt, q.AnsweredBy = answer, &now, tx.Actor.Name()
		q.Status, q.PublishedAt = qa.Answered, nil
		link := ""
		if step.Publish {
			q.Status, q.PublishedAt = qa.Published, &now
			link = qa.Link(s.SiteURL, &q.Question)
		}
		if first || step.Publish {
			subject, body := qa.AnswerMail(q.Lang, link, &q.Question)
			return tx.EnqueueMail(ctx, q.Email, subject, body, "question-"+strconv.FormatInt(q.ID, 10))
		}
		return nil
	})
}

// change applies fn to a question at version inside a transaction, and
// saves and logs it.
func (s *Questions) change(ctx context.Context, id int64, version int, action string, fn func(*db.Tx, *Question) error) (*Question, error) {
	actor := congthuong.ActorFrom(ctx)
	if !qa.MayAnswer(actor) {
		if actor.Anonymous() {
			return nil, congthuong.Errorf(congthuong.EUNAUTHORIZED, "common.log_first")
		}
		return nil, congthuong.Errorf(congthuong.EFORBIDDEN, "qa.only_department")
	}
	var out *Question
	err := s.WithTx(ctx, func(tx *db.Tx) error {
		q, err := scanQuestion(tx.QueryRowContext(ctx, `SELECT `+questionColumns+` FROM qa_questions WHERE id = $1`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return congthuong.Errorf(congthuong.ENOTFOUND, "qa.no_question", id)
		}
		if err != nil {
			return fmt.Errorf("qadb: read question: %w", err)
		}
		if q.Version != version {
			return congthuong.Errorf(congthuong.ECONFLICT, "qa.changed_meanwhile")
		}
		before := map[string]any{"status": q.Status, "assignee": q.Assignee, "answer": q.Answer, "title": q.Title}
		if err := fn(tx, q); err != nil {
			return err
		}
		q.Version++
		if _, err := tx.ExecContext(ctx, `UPDATE qa_questions SET title = $1, question = $2, status = $3, assignee = $4, answer = $5,
			answered_at = $6, answered_by = $7, published_at = $8, search_text = $9, version = $10 WHERE id = $11`, q.Title,
			q.Body, q.Status, q.Assignee, q.Answer, q.AnsweredAt, q.AnsweredBy, q.PublishedAt, searchText(q), q.Version,
			q.ID); err != nil {
			return fmt.Errorf("qadb: %s: %w", action, err)
		}
		out = q
		return tx.Audit(ctx, action, "qa_question", strconv.FormatInt(q.ID, 10), "", before,
			map[string]any{"status": q.Status, "assignee": q.Assignee, "answer": q.Answer, "title": q.Title})
	})
	return out, err
}

// Officer is someone a question may be assigned to.
type Officer struct{ Username, Name string }

// Officers lists the active department staff who answer questions, by
// name, for the assignment's choice.
func (s *Questions) Officers(ctx context.Context) ([]Officer, error) {
	if !qa.MayAnswer(congthuong.ActorFrom(ctx)) {
		return nil, congthuong.Errorf(congthuong.EFORBIDDEN, "qa.only_department")
	}
	out, err := db.Collect(ctx, s.Read, `SELECT username, display_name FROM users WHERE active = TRUE
		AND role IN ('admin', 'leader', 'officer') ORDER BY display_name, username LIMIT 500`, nil, func(sc db.Scanner) (Officer, error) {
		var o Officer
		return o, sc.Scan(&o.Username, &o.Name)
	})
	if err != nil {
		return nil, fmt.Errorf("qadb: officers: %w", err)
	}
	return out, nil
}
