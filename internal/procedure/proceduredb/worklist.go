package proceduredb

import (
	"context"
	"fmt"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/db"
	"congthuong/internal/procedure"
)

// Worklist is what a desk has to do, counted: the open dossiers of the
// actor's unit by what they wait for, and by officer.
type Worklist struct {
	// New dossiers wait to be received.
	New int `json:"new"`
	// DueToday, DueTomorrow and Overdue are open dossiers by due time.
	DueToday    int `json:"due_today"`
	DueTomorrow int `json:"due_tomorrow"`
	Overdue     int `json:"overdue"`
	// Waiting wait for the applicant (papers or a fee); Decide, for the
	// leader's decision; Mine are the actor's own to handle.
	Waiting int `json:"waiting"`
	Decide  int `json:"decide"`
	Mine    int `json:"mine"`
	// Officers are the open dossiers of each handler.
	Officers []OfficerLoad `json:"officers"`
}

// OfficerLoad is an officer's open dossiers, and how many are overdue.
type OfficerLoad struct {
	Officer string `json:"officer"`
	Name    string `json:"name"`
	Open    int    `json:"open"`
	Overdue int    `json:"overdue"`
}

// Worklist counts the open dossiers of the actor's desk; staff only.
func (s *Procedures) Worklist(ctx context.Context) (*Worklist, error) {
	a := congthuong.ActorFrom(ctx)
	if !a.IsStaff() {
		return nil, congthuong.Errorf(congthuong.EFORBIDDEN, "procedure.only_staff_see_worklist")
	}
	desk := func(w *db.Where) *db.Where {
		if a.UnitCode != congthuong.CountryCode {
			w.Add("d.unit_code = ?", a.UnitCode)
		}
		w.Add("d.finished_at IS NULL")
		return w
	}
	now := s.NowUTC()
	today := calendar.DateOf(now)
	tomorrow, after := today.AddDays(1).At(0).UTC(), today.AddDays(2).At(0).UTC()
	// One pass over the desk's open dossiers.
	w := desk(db.WhereAfter(string(procedure.Submitted), today.At(0).UTC(), tomorrow, tomorrow, after, now,
		string(procedure.SupplementRequested), string(procedure.FeeRequested), string(procedure.Processing), string(procedure.WithLeader),
		a.Name()))
	out := &Worklist{Officers: []OfficerLoad{}}
	err := s.Read.QueryRowContext(ctx, `SELECT
		COALESCE(SUM(CASE WHEN d.status = $1 THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN d.due_at >= $2 AND d.due_at < $3 THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN d.due_at >= $4 AND d.due_at < $5 THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN d.due_at < $6 THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN d.status IN ($7, $8) THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN d.status = $9 AND d.stage = $10 THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN d.handler = $11 THEN 1 ELSE 0 END), 0)
		FROM dossiers d`+w.SQL(), w.Args...).Scan(&out.New, &out.DueToday, &out.DueTomorrow, &out.Overdue,
		&out.Waiting, &out.Decide, &out.Mine)
	if err != nil {
		return nil, fmt.Errorf("proceduredb: worklist: %w", err)
	}
	w = desk(db.WhereAfter(now))
	w.Add("d.handler <> ?", "")
	out.Officers, err = db.Collect(ctx, s.Read, `SELECT d.handler, COALESCE(MAX(u.display_name), d.handler), COUNT(*),
		COALESCE(SUM(CASE WHEN d.due_at < $1 THEN 1 ELSE 0 END), 0)
		FROM dossiers d LEFT JOIN users u ON u.username = d.handler`+w.SQL()+`
		GROUP BY d.handler ORDER BY COUNT(*) DESC, d.handler`, w.Args,
		func(sc db.Scanner) (OfficerLoad, error) {
			var o OfficerLoad
			err := sc.Scan(&o.Officer, &o.Name, &o.Open, &o.Overdue)
			return o, err
		})
	if err != nil {
		return nil, fmt.Errorf("proceduredb: worklist by officer: %w", err)
	}
	return out, nil
}
