package procedure

import (
	"fmt"

	"congthuong"
)

// Status is a dossier's status in the national portal's vocabulary (the
// DVCQG sync codes). Overdue is never a status: it is derived from the due
// date.
type Status string

// Statuses, with their DVCQG codes.
const (
	Submitted           Status = "submitted"            // 1 Mới đăng ký
	Received            Status = "received"             // 2 Được tiếp nhận
	RefusedAtIntake     Status = "refused_at_intake"    // 3 Không được tiếp nhận
	Processing          Status = "processing"           // 4 Đang xử lý
	SupplementRequested Status = "supplement_requested" // 5 Yêu cầu bổ sung giấy tờ
	FeeRequested        Status = "fee_requested"        // 6 Yêu cầu thực hiện nghĩa vụ tài chính
	Withdrawn           Status = "withdrawn"            // 7 Công dân yêu cầu rút hồ sơ
	Stopped             Status = "stopped"              // 8 Dừng xử lý
	Processed           Status = "processed"            // 9 Đã xử lý xong
	Returned            Status = "returned"             // 10 Đã trả kết quả
)

// Statuses lists every status in the portal's order.
var Statuses = []Status{Submitted, Received, RefusedAtIntake, Processing, SupplementRequested, FeeRequested, Withdrawn,
	Stopped, Processed, Returned}

// Code is the status's DVCQG code.
func (s Status) Code() int {
	for i, x := range Statuses {
		if x == s {
			return i + 1
		}
	}
	return 0
}

// Paused reports whether the clock stops in s (DVCQG codes 5, 6 and 8).
func (s Status) Paused() bool { return s == SupplementRequested || s == FeeRequested || s == Stopped }

// Final reports whether nothing more happens to a dossier in s.
func (s Status) Final() bool {
	return s == RefusedAtIntake || s == Withdrawn || s == Stopped || s == Returned
}

// Stage is where a dossier in processing is: with the officer it was
// assigned to, or with the leader who decides.
type Stage string

// Stages.
const (
	NoStage     Stage = ""
	WithOfficer Stage = "officer"
	WithLeader  Stage = "leader"
)

// Role is what an actor is to one dossier.
type Role string

// Roles: the applicant who filed it; the one-stop officer who receives and
// returns; the officer handling it; the leader who decides.
const (
	AsApplicant Role = "applicant"
	AsReceiver  Role = "receiver"
	AsHandler   Role = "handler"
	AsLeader    Role = "leader"
	AsPublic    Role = "public"
)

// Roles lists every role.
var Roles = []Role{AsApplicant, AsReceiver, AsHandler, AsLeader, AsPublic}

// Action is a step of the one-stop workflow.
type Action string

// Actions.
const (
	Receive           Action = "receive"            // accept at intake (form 01: receipt with due date)
	RefuseIntake      Action = "refuse_intake"      // refuse at intake, with the reason (form 03)
	Assign            Action = "assign"             // give it to the officer who handles it
	RequestSupplement Action = "request_supplement" // once, with what is missing (form 02); the clock stops
	Supplement        Action = "supplement"         // the applicant brings what was missing; the clock runs again
	RequestFee        Action = "request_fee"        // ask for the fee; the clock stops
	PayFee            Action = "pay_fee"
	Forward           Action = "forward" // to the leader, with the draft result
	Approve           Action = "approve" // the result is issued
	Refuse            Action = "refuse"  // refused after processing, with the reason
	Stop              Action = "stop"    // processing stopped, with the reason
	ReturnResult      Action = "return_result"
	Withdraw          Action = "withdraw"
)

// Actions lists every action.
var Actions = []Action{Receive, RefuseIntake, Assign, RequestSupplement, Supplement, RequestFee, PayFee, Forward, Approve,
	Refuse, Stop, ReturnResult, Withdraw}

// State is what the workflow needs of a dossier.
type State struct {
	Status Status `json:"status"`
	Stage  Stage  `json:"stage,omitempty"`
	// SupplementRequested is set once a supplement was asked for: it is
	// asked for once, completely.
	SupplementRequested bool `json:"supplement_requested,omitempty"`
	// Outcome of a processed dossier: approved or refused.
	Outcome string `json:"outcome,omitempty"`
}

// step is one allowed move.
type step struct {
	from    Status
	stage   Stage
	action  Action
	role    Role
	to      Status
	toStage Stage
}

// steps are the workflow: anything not here is refused.
var steps = []step{
	{Submitted, NoStage, Receive, AsReceiver, Received, NoStage},
	{Submitted, NoStage, RefuseIntake, AsReceiver, RefusedAtIntake, NoStage},
	{Received, NoStage, Assign, AsReceiver, Processing, WithOfficer},
	{Received, NoStage, Assign, AsLeader, Processing, WithOfficer},
	{Processing, WithOfficer, Assign, AsLeader, Processing, WithOfficer},
	{Processing, WithOfficer, RequestSupplement, AsHandler, SupplementRequested, WithOfficer},
	{SupplementRequested, WithOfficer, Supplement, AsApplicant, Processing, WithOfficer},
	{SupplementRequested, WithOfficer, Supplement, AsReceiver, Processing, WithOfficer}, // brought to the desk
	{Processing, WithOfficer, RequestFee, AsHandler, FeeRequested, WithOfficer},
	{FeeRequested, WithOfficer, PayFee, AsApplicant, Processing, WithOfficer},
	{FeeRequested, WithOfficer, PayFee, AsReceiver, Processing, WithOfficer},
	{Processing, WithOfficer, Forward, AsHandler, Processing, WithLeader},
	{Processing, WithLeader, Approve, AsLeader, Processed, NoStage},
	{Processing, WithLeader, Refuse, AsLeader, Processed, NoStage},
	{Processing, WithLeader, Assign, AsLeader, Processing, WithOfficer}, // sent back to be redone
	{SupplementRequested, WithOfficer, Stop, AsLeader, Stopped, NoStage},
	{Processing, WithOfficer, Stop, AsLeader, Stopped, NoStage},
	{Processed, NoStage, ReturnResult, AsReceiver, Returned, NoStage},
	{Submitted, NoStage, Withdraw, AsApplicant, Withdrawn, NoStage},
	{Received, NoStage, Withdraw, AsApplicant, Withdrawn, NoStage},
	{Processing, WithOfficer, Withdraw, AsApplicant, Withdrawn, NoStage},
	{Processing, WithLeader, Withdraw, AsApplicant, Withdrawn, NoStage},
	{SupplementRequested, WithOfficer, Withdraw, AsApplicant, Withdrawn, NoStage},
	{FeeRequested, WithOfficer, Withdraw, AsApplicant, Withdrawn, NoStage},
}

// Text names the status, as a message argument.
func (s Status) Text() congthuong.Text { return congthuong.Text{ID: "dossiers.status_" + string(s)} }

// Text names the action, as a message argument.
func (a Action) Text() congthuong.Text { return congthuong.Text{ID: "dossiers.action_" + string(a)} }

// ErrNotAllowed is the answer to a step the workflow does not have.
type ErrNotAllowed struct {
	State  State
	Action Action
	Role   Role
}

func (e *ErrNotAllowed) Error() string {
	return fmt.Sprintf("a %s cannot %s a dossier that is %s", e.Role, e.Action, e.State.Status)
}

// Apply returns the state after a role takes an action, or ErrNotAllowed.
// A supplement is requested once only.
func Apply(s State, a Action, r Role) (State, error) {
	if a == RequestSupplement && s.SupplementRequested {
		return s, &ErrNotAllowed{s, a, r}
	}
	for _, st := range steps {
		if st.from == s.Status && st.stage == s.Stage && st.action == a && st.role == r {
			next := s
			next.Status, next.Stage = st.to, st.toStage
			switch a {
			case RequestSupplement:
				next.SupplementRequested = true
			case Approve:
				next.Outcome = "approved"
			case Refuse:
				next.Outcome = "refused"
			}
			return next, nil
		}
	}
	return s, &ErrNotAllowed{s, a, r}
}

// NeedsReason reports whether an action must say why.
func NeedsReason(a Action) bool {
	return a == RefuseIntake || a == RequestSupplement || a == Refuse || a == Stop || a == Withdraw
}
