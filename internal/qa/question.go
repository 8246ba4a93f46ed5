// Package qa is the department's questions and answers: anyone asks, with
// a contact; the department assigns the question to an officer, who
// answers; the asker is told; answers of general interest are published
// for everyone to search.
package qa

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"congthuong"
)

// Topics a question is about, for the department to route it and readers
// to filter.
var Topics = []string{"industry", "trade", "energy", "market", "procedures", "other"}

// Statuses of a question.
const (
	Received  = "received"  // asked, nobody assigned
	Assigned  = "assigned"  // an officer has it
	Answered  = "answered"  // answered to the asker only
	Published = "published" // answered and public
)

// Statuses lists the statuses in the order a question goes through them.
var Statuses = []string{Received, Assigned, Answered, Published}

// Limits of what is typed, in characters.
const (
	MaxName     = 120
	MaxTitle    = 200
	MaxQuestion = 4000
	MaxAnswer   = 20000
)

// Question is a question and, once given, its answer.
type Question struct {
	ID    int64  `json:"id"`
	Topic string `json:"topic"`
	Title string `json:"title"`
	// Body is the question itself.
	Body   string `json:"question"`
	Status string `json:"status"`
	// The asker's contact: staff only.
	Name  string `json:"name,omitempty"`
	Email string `json:"email,omitempty"`
	Phone string `json:"phone,omitempty"`
	// Assignee is the officer who answers (a username): staff only.
	Assignee    string     `json:"assignee,omitempty"`
	Answer      string     `json:"answer,omitempty"`
	AnsweredAt  *time.Time `json:"answered_at,omitempty"`
	AnsweredBy  string     `json:"answered_by,omitempty"`
	PublishedAt *time.Time `json:"published_at,omitempty"`
	CreatedAt   time.Time  `json:"created_at"`
	Version     int        `json:"version"`
}

// Normalize trims what was typed.
func (q *Question) Normalize() {
	q.Name, q.Title = strings.Join(strings.Fields(q.Name), " "), strings.Join(strings.Fields(q.Title), " ")
	q.Email, q.Phone = strings.TrimSpace(q.Email), strings.TrimSpace(q.Phone)
	q.Body = strings.TrimSpace(strings.ReplaceAll(q.Body, "\r\n", "\n"))
}

// Validate checks a question as asked: a topic, a title and the question,
// a name, and an e-mail address to send the answer to.
func (q *Question) Validate() error {
	var v congthuong.Validation
	if !slices.Contains(Topics, q.Topic) {
		v.Add("topic", "qa.choose_topic")
	}
	for _, f := range []struct {
		field, text string
		max         int
	}{{"name", q.Name, MaxName}, {"title", q.Title, MaxTitle}, {"question", q.Body, MaxQuestion}} {
		switch n := utf8.RuneCountInString(f.text); {
		case n == 0:
			v.Add(f.field, "qa.required_"+f.field)
		case n > f.max:
			v.Add(f.field, "qa.longer_than", f.max)
		}
	}
	if !congthuong.ValidEmail(q.Email) {
		v.Add("email", "qa.email_invalid")
	}
	if len(q.Phone) > 20 {
		v.Add("phone", "qa.phone_invalid")
	}
	return v.Err("qa.invalid_question")
}

// MayAnswer reports whether the actor handles the department's questions:
// its officers, leaders and administrators.
func MayAnswer(a congthuong.Actor) bool {
	if a.System {
		return true
	}
	switch a.Role {
	case congthuong.RoleAdmin, congthuong.RoleLeader, congthuong.RoleOfficer:
		return !a.Anonymous() && (a.UnitCode == congthuong.CountryCode || a.UnitCode != "" && a.UnitCode == a.ProvinceCode)
	}
	return false
}
