package commerce

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"congthuong"
	"congthuong/internal/calendar"
)

// Actions a licence's history records: its issue and the later decisions
// that change the same licence.
const (
	Issued       = "issued"
	Amended      = "amended"
	Renewed      = "renewed"
	Reissued     = "reissued"
	Suspend      = "suspend"
	Reinstate    = "reinstate"
	Revoke       = "revoke"
	Imported     = "imported"
	MaxEventNote = 1000
)

// Event is one step of a licence's history.
type Event struct {
	ID     int64  `json:"id"`
	Action string `json:"action"`
	// On is the decision's day; Decision its number and symbol.
	On       string `json:"on"`
	Decision string `json:"decision,omitempty"`
	Note     string `json:"note,omitempty"`
	// ValidUntil is the new last day a renewal gives.
	ValidUntil string    `json:"valid_until,omitempty"`
	Actor      string    `json:"actor,omitempty"`
	At         time.Time `json:"at"`
}

// Decisions lists what may be decided of a licence in its status on day:
// what the officer's page offers, and all it accepts.
func Decisions(l *Licence, day string) []string {
	switch l.StatusOn(day) {
	case Active:
		return []string{Renewed, Reissued, Suspend, Revoke}
	case Suspended:
		return []string{Reinstate, Revoke}
	case Expired:
		return []string{Renewed}
	}
	return nil
}

// Decide applies a decision to the licence, checking it first: one the
// status allows, its day (not after today, not before the licence), its
// number, and for a renewal the new end (by default a new term from the
// decision's day). The reason is required for a suspension or a
// revocation.
func Decide(l *Licence, e *Event, today string) error {
	var v congthuong.Validation
	e.Decision = strings.Join(strings.Fields(e.Decision), " ")
	e.Note = strings.TrimSpace(e.Note)
	if !slices.Contains(Decisions(l, today), e.Action) {
		return congthuong.Errorf(congthuong.ECONFLICT, "commerce.decision_not_now")
	}
	day, err := calendar.ParseDate(e.On)
	switch {
	case e.On == "":
		v.Add("on", "commerce.decision_day_required")
	case err != nil:
		v.Add("on", "commerce.date")
	case e.On > today:
		v.Add("on", "commerce.issued_future")
	case e.On < l.IssuedOn:
		v.Add("on", "commerce.before_licence")
	}
	switch n := utf8.RuneCountInString(e.Decision); {
	case n == 0:
		v.Add("decision", "commerce.decision_required")
	case n > MaxNumber:
		v.Add("decision", "commerce.too_long", MaxNumber)
	}
	if (e.Action == Suspend || e.Action == Revoke) && e.Note == "" {
		v.Add("note", "commerce.reason_required")
	}
	if utf8.RuneCountInString(e.Note) > MaxEventNote {
		v.Add("note", "commerce.too_long", MaxEventNote)
	}
	if e.Action == Renewed && err == nil {
		kind, _ := FindKind(l.Kind)
		if e.ValidUntil == "" && kind.ValidYears > 0 {
			e.ValidUntil = EndOfTerm(day, kind.ValidYears).String()
		}
		if _, perr := calendar.ParseDate(e.ValidUntil); perr != nil {
			v.Add("valid_until", "commerce.date")
		} else if e.ValidUntil <= l.ValidUntil || e.ValidUntil < e.On {
			v.Add("valid_until", "commerce.renewal_not_later")
		} else if kind.ValidYears > 0 && e.ValidUntil > EndOfTerm(day, kind.ValidYears).String() {
			v.Add("valid_until", "commerce.longer_than_term", kind.ValidYears)
		}
	}
	if err := v.Err("commerce.invalid_decision"); err != nil {
		return err
	}
	switch e.Action {
	case Renewed:
		l.ValidUntil = e.ValidUntil
	case Suspend:
		l.Status = Suspended
	case Reinstate:
		l.Status = Active
	case Revoke:
		l.Status = Revoked
	}
	return nil
}
