package procedure

import (
	"slices"
	"strings"
	"testing"
)

// allowed is the workflow as the one-stop regulation describes it, written
// out apart from the code: "status/stage action role".
var allowed = map[string]bool{
	"submitted/ receive receiver":                       true,
	"submitted/ refuse_intake receiver":                 true,
	"submitted/ withdraw applicant":                     true,
	"received/ assign receiver":                         true,
	"received/ assign leader":                           true,
	"received/ withdraw applicant":                      true,
	"processing/officer assign leader":                  true,
	"processing/officer request_supplement handler":     true,
	"processing/officer request_fee handler":            true,
	"processing/officer forward handler":                true,
	"processing/officer stop leader":                    true,
	"processing/officer withdraw applicant":             true,
	"processing/leader approve leader":                  true,
	"processing/leader refuse leader":                   true,
	"processing/leader assign leader":                   true,
	"processing/leader withdraw applicant":              true,
	"supplement_requested/officer supplement applicant": true,
	"supplement_requested/officer supplement receiver":  true,
	"supplement_requested/officer stop leader":          true,
	"supplement_requested/officer withdraw applicant":   true,
	"fee_requested/officer pay_fee applicant":           true,
	"fee_requested/officer pay_fee receiver":            true,
	"fee_requested/officer withdraw applicant":          true,
	"processed/ return_result receiver":                 true,
}

// TestEveryTransition tries every action of every role from every status
// and stage: exactly the allowed ones succeed.
func TestEveryTransition(t *testing.T) {
	stages := []Stage{NoStage, WithOfficer, WithLeader}
	seen := 0
	for _, st := range Statuses {
		for _, stage := range stages {
			for _, a := range Actions {
				for _, r := range Roles {
					key := string(st) + "/" + string(stage) + " " + string(a) + " " + string(r)
					_, err := Apply(State{Status: st, Stage: stage}, a, r)
					if ok := err == nil; ok != allowed[key] {
						t.Errorf("%s: allowed %v, got %v", key, allowed[key], err)
					}
					if allowed[key] {
						seen++
					}
				}
			}
		}
	}
	if seen != len(allowed) {
		t.Errorf("%d allowed steps exercised, %d listed", seen, len(allowed))
	}
}

func TestWorkflowRules(t *testing.T) {
	// Nothing moves a dossier out of a final status, and the public moves nothing.
	for _, st := range Statuses {
		for _, a := range Actions {
			for _, r := range Roles {
				for _, stage := range []Stage{NoStage, WithOfficer, WithLeader} {
					if _, err := Apply(State{Status: st, Stage: stage}, a, r); err == nil && (st.Final() || r == AsPublic) {
						t.Errorf("%s %s %s moved", st, a, r)
					}
				}
			}
		}
	}
	// A supplement is asked for once.
	s := State{Status: Processing, Stage: WithOfficer}
	s, err := Apply(s, RequestSupplement, AsHandler)
	if err != nil || s.Status != SupplementRequested || !s.Status.Paused() {
		t.Fatalf("%+v %v", s, err)
	}
	if s, err = Apply(s, Supplement, AsApplicant); err != nil || s.Status != Processing {
		t.Fatalf("%+v %v", s, err)
	}
	if _, err := Apply(s, RequestSupplement, AsHandler); err == nil || !strings.Contains(err.Error(), "cannot request_supplement") {
		t.Errorf("a second supplement: %v", err)
	}
	// The whole path, and the DVCQG codes on the way.
	s = State{Status: Submitted}
	for _, step := range []struct {
		a    Action
		r    Role
		code int
	}{{Receive, AsReceiver, 2}, {Assign, AsLeader, 4}, {Forward, AsHandler, 4}, {Approve, AsLeader, 9}, {ReturnResult, AsReceiver, 10}} {
		if s, err = Apply(s, step.a, step.r); err != nil || s.Status.Code() != step.code {
			t.Fatalf("%s: %+v %v", step.a, s, err)
		}
	}
	if s.Outcome != "approved" || !s.Status.Final() {
		t.Errorf("at the end: %+v", s)
	}
	// Every status can be reached from a submission.
	reached := map[Status]bool{}
	visited := map[State]bool{{Status: Submitted}: true}
	frontier := []State{{Status: Submitted}}
	for len(frontier) > 0 {
		cur := frontier[0]
		frontier = frontier[1:]
		reached[cur.Status] = true
		for _, a := range Actions {
			for _, r := range Roles {
				if next, err := Apply(cur, a, r); err == nil && !visited[next] {
					visited[next] = true
					frontier = append(frontier, next)
				}
			}
		}
	}
	for _, st := range Statuses {
		if !reached[st] {
			t.Errorf("%s cannot be reached", st)
		}
	}
}

func TestAvailable(t *testing.T) {
	for _, c := range []struct {
		state State
		roles []Role
		want  []Action
	}{
		{State{Status: Submitted}, []Role{AsReceiver}, []Action{Receive, RefuseIntake}},
		{State{Status: Submitted}, []Role{AsApplicant}, []Action{Withdraw}},
		{State{Status: Submitted}, []Role{AsLeader, AsReceiver}, []Action{Receive, RefuseIntake}},
		{State{Status: Received}, []Role{AsLeader, AsReceiver}, []Action{Assign}},
		{State{Status: Processing, Stage: WithOfficer}, []Role{AsHandler, AsReceiver}, []Action{RequestSupplement, RequestFee, Forward}},
		{State{Status: Processing, Stage: WithOfficer, SupplementRequested: true}, []Role{AsHandler}, []Action{RequestFee, Forward}},
		{State{Status: Processing, Stage: WithLeader}, []Role{AsLeader}, []Action{Assign, Approve, Refuse}},
		{State{Status: Processing, Stage: WithLeader}, []Role{AsReceiver}, nil},
		{State{Status: SupplementRequested, Stage: WithOfficer}, []Role{AsApplicant}, []Action{Supplement, Withdraw}},
		{State{Status: Processed}, []Role{AsReceiver}, []Action{ReturnResult}},
		{State{Status: Returned}, []Role{AsReceiver, AsLeader, AsHandler, AsApplicant}, nil},
	} {
		got := Available(c.state, c.roles)
		if !slices.Equal(got, c.want) {
			t.Errorf("%+v as %v: %v, want %v", c.state, c.roles, got, c.want)
		}
	}
}
