package procedure

import (
	"time"

	"congthuong/internal/calendar"
)

// Advance moves d to next, the state action leads to (Apply), at now, and
// applies what the step does besides: receiving starts the clock; a request
// for a supplement or a fee pauses it until the supplement or the fee
// comes, and the due time then moves by the working days the pause took;
// an assignment names the handler; the work finishes when the dossier is
// processed or closed. The result document's number, which needs the
// agency's sequence, is the caller's to set.
func (d *Dossier) Advance(p *Procedure, action Action, next State, handler string, now time.Time, cal *calendar.Calendar) error {
	switch action {
	case Receive:
		d.ReceivedAt = &now
	case Assign:
		d.Handler = handler
	case RequestSupplement, RequestFee:
		d.Pauses = append(d.Pauses, calendar.Pause{From: now})
	case Supplement, PayFee:
		if n := len(d.Pauses); n > 0 {
			d.Pauses[n-1].To = now
		}
	}
	d.State = next
	if d.ReceivedAt != nil && (action == Receive || action == Supplement || action == PayFee) {
		due, err := Due(cal, p, *d.ReceivedAt, closedPauses(d.Pauses))
		if err != nil {
			return err
		}
		due = due.UTC() // stored in UTC, so that times compare as text on SQLite
		d.DueAt = &due
	}
	if action == Approve {
		d.ResultAt = &now
	}
	if (d.Status == Processed || d.Status.Final()) && d.FinishedAt == nil {
		d.FinishedAt = &now
	}
	return nil
}

// Timeliness reports, for a dossier processed or closed, whether it is so
// before its due day (early) or after its due time (late), as of now: the
// Decision 766 scorecard counts both.
func (d *Dossier) Timeliness(now time.Time) (early, late bool) {
	if !(d.Status == Processed || d.Status.Final()) || d.DueAt == nil {
		return false, false
	}
	return calendar.DateOf(now).JDN() < calendar.DateOf(*d.DueAt).JDN(), now.After(*d.DueAt)
}

// closedPauses are the pauses that have ended: an open one does not move
// the due time yet.
func closedPauses(p []calendar.Pause) []calendar.Pause {
	var out []calendar.Pause
	for _, x := range p {
		if !x.To.IsZero() {
			out = append(out, x)
		}
	}
	return out
}
