package news

import (
	"slices"

	"congthuong"
)

// Who does what. An editor (a department officer or administrator) writes
// and sends an article for review; a publisher (a department leader, or an
// administrator as editor-in-chief) returns, publishes, withdraws and
// restores it, and changes what is already published, with a change note.
// Communes and enterprises do not write the department's news.

// departmentScope reports whether the actor acts for the province or the
// country rather than a commune.
func departmentScope(a congthuong.Actor) bool {
	return a.UnitCode == congthuong.CountryCode || a.UnitCode != "" && a.UnitCode == a.ProvinceCode
}

// MayPublish reports whether the actor publishes the department's news.
func MayPublish(a congthuong.Actor) bool {
	if a.System {
		return true
	}
	if a.Anonymous() {
		return false
	}
	return a.Role == congthuong.RoleAdmin || a.Role == congthuong.RoleLeader && departmentScope(a)
}

// MayWrite reports whether the actor writes the department's news.
func MayWrite(a congthuong.Actor) bool { return a.IsDepartment() || MayPublish(a) }

// Actions on an article, besides editing it.
const (
	Submit   = "submit"   // draft → review
	Return   = "return"   // review → draft, with a note
	Publish  = "publish"  // draft or review → published, now or at a time
	Withdraw = "withdraw" // published → withdrawn, with a public notice
	Restore  = "restore"  // withdrawn → draft
)

// step is one action: the states it starts from, the state it leads to,
// and whether only a publisher takes it.
type step struct {
	from      []string
	to        string
	publisher bool
}

var steps = map[string]step{
	Submit:   {[]string{Draft}, Review, false},
	Return:   {[]string{Review}, Draft, true},
	Publish:  {[]string{Draft, Review}, Published, true},
	Withdraw: {[]string{Published}, Withdrawn, true},
	Restore:  {[]string{Withdrawn}, Draft, true},
}

// actionOrder is the order pages offer the actions in.
var actionOrder = []string{Submit, Publish, Return, Withdraw, Restore}

// Next is the state an action leads to from status, and an error naming
// why the actor may not take it.
func Next(a congthuong.Actor, status, action string) (string, error) {
	s, ok := steps[action]
	switch {
	case !ok:
		return "", congthuong.Errorf(congthuong.EINVALID, "news.unknown_action")
	case !MayWrite(a):
		return "", congthuong.Errorf(congthuong.EFORBIDDEN, "news.only_editors")
	case s.publisher && !MayPublish(a):
		return "", congthuong.Errorf(congthuong.EFORBIDDEN, "news.only_publishers")
	case !slices.Contains(s.from, status):
		return "", congthuong.Errorf(congthuong.ECONFLICT, "news.action_not_now", congthuong.Text{ID: "news.action_" + action},
			congthuong.Text{ID: "news.status_" + status})
	}
	return s.to, nil
}

// Actions lists what the actor may do to an article in status, in the
// order a page offers them.
func Actions(a congthuong.Actor, status string) []string {
	var out []string
	for _, action := range actionOrder {
		if _, err := Next(a, status, action); err == nil {
			out = append(out, action)
		}
	}
	return out
}

// MayEdit reports whether the actor may change an article's text in
// status: editors while it is a draft or in review, publishers also once
// published (with a change note). A withdrawn article is restored first.
func MayEdit(a congthuong.Actor, status string) bool {
	switch status {
	case Draft, Review:
		return MayWrite(a)
	case Published:
		return MayPublish(a)
	}
	return false
}
