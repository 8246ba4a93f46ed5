package proceduredb

import (
	"context"
	"fmt"
	"time"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/db"
	"congthuong/internal/procedure"
	"congthuong/internal/stats"
	"congthuong/internal/unit"
)

// Scorecard is how a unit's desk did over a period, in the counters of the
// national portal's reports and the rates of Decision 766/QĐ-TTg.
type Scorecard struct {
	UnitCode string `json:"unit"`
	Period   string `json:"period"`
	// Dossiers received before the period and still open at its start.
	CarriedOver int `json:"carried_over"`
	// Received in the period, by channel.
	Received         int `json:"received"`
	ReceivedInPerson int `json:"received_in_person"`
	ReceivedOnline   int `json:"received_online"`
	ReceivedByPost   int `json:"received_by_post"`
	// Decided in the period: before the due day, on time, after the due time.
	DoneEarly  int `json:"done_early"`
	DoneOnTime int `json:"done_on_time"`
	DoneLate   int `json:"done_late"`
	// Open at the period's end: within or past the due time, or paused.
	InProgressWithin int `json:"in_progress_within"`
	InProgressPast   int `json:"in_progress_past"`
	Paused           int `json:"paused"`
	// Rates, in percent: on time (decided on time or early, and open
	// within the due time, over all handled), online receipts, procedures
	// offered full online, digitisation (dossiers with their papers
	// attached and an electronic result).
	OnTimeRate       float64 `json:"on_time_rate"`
	OnlineRate       float64 `json:"online_rate"`
	FullOnlineRate   float64 `json:"full_online_rate"`
	DigitisationRate float64 `json:"digitisation_rate"`
	// Share of each Decision 766 indicator's points the rates earn: full
	// marks at 50% online, 80% full-online procedures, 80% digitisation;
	// below, in proportion.
	Points map[string]float64 `json:"points"`
	// CostingPoints are the dossiers that cost points: decided late, or
	// open past their due time (at most 200).
	CostingPoints []string `json:"costing_points"`
}

// ScorecardDossiers bounds the list of dossiers that cost points.
const ScorecardDossiers = 200

// Scorecard counts a unit's dossiers for a period (a month, quarter, half
// or year); staff of the unit, or above it.
func (s *Procedures) Scorecard(ctx context.Context, unitCode string, p stats.Period) (*Scorecard, error) {
	a := congthuong.ActorFrom(ctx)
	if !a.System && !a.IsStaff() {
		return nil, congthuong.Errorf(congthuong.EFORBIDDEN, "procedure.only_staff_see_scorecards")
	}
	u, err := s.units.FindUnit(ctx, unitCode, unit.Today(s.NowUTC()))
	if congthuong.ErrorCode(err) == congthuong.ENOTFOUND {
		return nil, congthuong.FieldErr(congthuong.EINVALID, "unit", "common.no_administrative_unit_code", unitCode)
	} else if err != nil {
		return nil, err
	}
	if !a.System && !a.InScope(u.Code, u.ProvinceCode()) {
		return nil, congthuong.Errorf(congthuong.EFORBIDDEN, "common.unit_outside_your_scope", u.Code)
	}
	firstDay, lastDay := p.Days()
	fd, _ := calendar.ParseDate(firstDay)
	ld, _ := calendar.ParseDate(lastDay)
	start, end := fd.At(0).UTC(), ld.AddDays(1).At(0).UTC()
	now := s.NowUTC()
	if end.After(now) {
		end = now // a period not over yet is counted up to now
	}
	sc := &Scorecard{UnitCode: u.Code, Period: p.String(), Points: map[string]float64{}}
	// Receipts by channel, decisions by timeliness, and what was carried
	// over: the desk's monthly counts (dossier_counts), so that a year
	// adds twelve rows whatever the number of dossiers. Every period is
	// made of whole months; one not over yet is counted up to now, which
	// is all its months hold.
	first, last := monthOf(start), monthOf(end.Add(-time.Nanosecond))
	if err := s.Read.QueryRowContext(ctx, `SELECT
		COALESCE(SUM(CASE WHEN month >= $2 THEN received_in_person END), 0),
		COALESCE(SUM(CASE WHEN month >= $2 THEN received_online END), 0),
		COALESCE(SUM(CASE WHEN month >= $2 THEN received_by_post END), 0),
		COALESCE(SUM(CASE WHEN month >= $2 THEN done_early END), 0),
		COALESCE(SUM(CASE WHEN month >= $2 THEN done_on_time END), 0),
		COALESCE(SUM(CASE WHEN month >= $2 THEN done_late END), 0),
		COALESCE(SUM(CASE WHEN month < $2 THEN received_in_person + received_online + received_by_post - closed END), 0)
		FROM dossier_counts WHERE unit_code = $1 AND month <= $3`, u.Code, first, last).Scan(
		&sc.ReceivedInPerson, &sc.ReceivedOnline, &sc.ReceivedByPost, &sc.DoneEarly, &sc.DoneOnTime, &sc.DoneLate, &sc.CarriedOver); err != nil {
		return nil, fmt.Errorf("proceduredb: scorecard: %w", err)
	}
	sc.Received = sc.ReceivedInPerson + sc.ReceivedOnline + sc.ReceivedByPost
	// Open at the end: received before it and decided after it, or not
	// at all; within or past the due time, or paused.
	due := s.Dialect.Time("d.due_at")
	for _, open := range []string{`d.finished_at IS NULL AND d.received_at < $2`, `d.finished_at >= $2 AND d.received_at < $2`} {
		var within, past, paused int
		if err := s.Read.QueryRowContext(ctx, `SELECT
			COUNT(CASE WHEN d.status IN ('supplement_requested', 'fee_requested') THEN 1 END),
			COUNT(CASE WHEN d.status NOT IN ('supplement_requested', 'fee_requested') AND `+due+` >= $2 THEN 1 END),
			COUNT(CASE WHEN d.status NOT IN ('supplement_requested', 'fee_requested') AND `+due+` < $2 THEN 1 END)
			FROM dossiers d WHERE d.unit_code = $1 AND `+open, u.Code, end).Scan(&paused, &within, &past); err != nil {
			return nil, fmt.Errorf("proceduredb: scorecard: %w", err)
		}
		sc.Paused, sc.InProgressWithin, sc.InProgressPast = sc.Paused+paused, sc.InProgressWithin+within, sc.InProgressPast+past
	}
	var digitised int
	// From the papers' side (CROSS JOIN keeps SQLite's planner to that
	// order): only dossiers with papers can count.
	if err := s.Read.QueryRowContext(ctx, `SELECT COUNT(DISTINCT f.dossier_id) FROM dossier_files f CROSS JOIN dossiers d
		WHERE d.id = f.dossier_id AND d.unit_code = $1 AND d.received_at >= $2 AND d.received_at < $3 AND d.result_number IS NOT NULL`,
		u.Code, start, end).Scan(&digitised); err != nil {
		return nil, fmt.Errorf("proceduredb: scorecard: %w", err)
	}
	handled := sc.DoneEarly + sc.DoneOnTime + sc.DoneLate + sc.InProgressWithin + sc.InProgressPast
	sc.OnTimeRate = percent(sc.DoneEarly+sc.DoneOnTime+sc.InProgressWithin, handled)
	sc.OnlineRate = percent(sc.ReceivedOnline, sc.Received)
	sc.DigitisationRate = percent(digitised, sc.Received)
	level := procedure.Province
	if u.ParentCode != congthuong.CountryCode {
		level = procedure.Commune
	}
	_, all, err := s.FindProcedures(ctx, ProcedureFilter{Level: level, Page: db.Page{Limit: 1}})
	if err != nil {
		return nil, err
	}
	_, full, err := s.FindProcedures(ctx, ProcedureFilter{Level: level, Online: procedure.FullOnline, Page: db.Page{Limit: 1}})
	if err != nil {
		return nil, err
	}
	sc.FullOnlineRate = percent(full, all)
	sc.Points["timeliness"] = sc.OnTimeRate / 100
	sc.Points["online_receipts"] = min(1, sc.OnlineRate/50)
	sc.Points["full_online_procedures"] = min(1, sc.FullOnlineRate/80)
	sc.Points["digitisation"] = min(1, sc.DigitisationRate/80)
	rows, err := s.Read.QueryContext(ctx, `SELECT d.code FROM dossiers d WHERE d.unit_code = $1 AND d.finished_at >= $2 AND d.finished_at < $3
		AND d.status IN ('processed', 'returned') AND d.finished_late = $4
		UNION ALL SELECT d.code FROM dossiers d WHERE d.unit_code = $1 AND d.received_at < $3 AND (d.finished_at IS NULL OR d.finished_at >= $3)
		AND d.status NOT IN ('supplement_requested', 'fee_requested', 'submitted', 'refused_at_intake') AND d.due_at < $3
		LIMIT `+fmt.Sprint(ScorecardDossiers), u.Code, start, end, true)
	if err != nil {
		return nil, fmt.Errorf("proceduredb: scorecard: %w", err)
	}
	defer rows.Close()
	sc.CostingPoints = []string{}
	for rows.Next() {
		var code string
		if err := rows.Scan(&code); err != nil {
			return nil, err
		}
		sc.CostingPoints = append(sc.CostingPoints, code)
	}
	return sc, rows.Err()
}

func percent(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) * 100 / float64(of)
}
