package statsdb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/calendar"
	"congthuong/internal/db"
	"congthuong/internal/stats"
	"congthuong/internal/unit"
)

// Submission states.
const (
	SubmissionEntered  = "entered"
	SubmissionApproved = "approved"
	SubmissionReturned = "returned"
)

// Submission is a unit's report of a data set for a period.
type Submission struct {
	DataSet   string     `json:"data_set"`
	Period    string     `json:"period"`
	UnitCode  string     `json:"unit"`
	UnitName  string     `json:"unit_name"`
	Status    string     `json:"status"` // entered, approved, returned, or "" when nothing was entered
	EnteredBy string     `json:"entered_by,omitempty"`
	EnteredAt *time.Time `json:"entered_at,omitempty"`
	DecidedBy string     `json:"decided_by,omitempty"`
	DecidedAt *time.Time `json:"decided_at,omitempty"`
	Note      string     `json:"note,omitempty"`
	// Warnings are what the rule checks found in the figures entered, each
	// naming its indicator (Field).
	Warnings []congthuong.FieldError `json:"warnings,omitempty"`
	Due      time.Time               `json:"due"`
	OnTime   *bool                   `json:"on_time,omitempty"`
}

// Completeness sums up the submissions of a data set for a period.
type Completeness struct {
	Expected int `json:"expected"`
	Entered  int `json:"entered"` // entered, approved or returned
	Approved int `json:"approved"`
	OnTime   int `json:"on_time"`
}

func (s *Stats) submissionUnit(ctx context.Context, ds stats.DataSet, unitCode string, p stats.Period) (unit.Unit, error) {
	spans, err := s.units.Index(ctx)
	if err != nil {
		return unit.Unit{}, err
	}
	u, ok := resolvePeriod(spans, unitCode, p)
	if !ok || string(u.Level) != ds.Level {
		return unit.Unit{}, &congthuong.Error{Code: congthuong.EINVALID, Message: "stats.invalid_report",
			Fields: []congthuong.FieldError{{Field: "unit", Message: "stats.not_reporting", Args: []any{unitCode, ds.Reporters(), p.String(), ds.Name()}}}}
	}
	return u, nil
}

func dataSetPeriod(code, period string) (stats.DataSet, stats.Period, error) {
	ds, ok := stats.FindDataSet(code)
	var v congthuong.Validation
	if !ok {
		v.Add("data_set", "stats.no_data_set", code)
	}
	p, err := stats.ParsePeriod(period)
	if err != nil {
		v.AddErr("period", err)
	} else if ok && !ds.Fits(p) {
		v.Add("period", "stats.reported_each", ds.Name(), ds.Every())
	}
	return ds, p, v.Err("stats.invalid_report")
}

// EnterDataSet stores a unit's figures of a data set for a period (as
// preliminary values) and marks the report entered, in one transaction.
// A report the department approved is locked.
func (s *Stats) EnterDataSet(ctx context.Context, dataSet, unitCode, period string, values map[string]float64, source string) error {
	actor := congthuong.ActorFrom(ctx)
	if err := db.RequireWriter(actor); err != nil {
		return err
	}
	ds, p, err := dataSetPeriod(dataSet, period)
	if err != nil {
		return err
	}
	u, err := s.submissionUnit(ctx, ds, unitCode, p)
	if err != nil {
		return err
	}
	if !mayEnterFor(actor, u) {
		return congthuong.Errorf(congthuong.EFORBIDDEN, "common.unit_outside_your_scope", u.Code)
	}
	var v congthuong.Validation
	var rows []stats.ValueRow
	for _, code := range ds.Indicators {
		x, ok := values[code]
		if !ok {
			v.Add(code, "stats.give_figure")
			continue
		}
		rows = append(rows, stats.ValueRow{Line: len(rows) + 1, Indicator: code, UnitCode: u.Code, Period: p, Value: x,
			Status: stats.Preliminary, Source: source})
	}
	for code := range values {
		if !contains(ds.Indicators, code) {
			v.Add(code, "stats.not_part", code, ds.Code)
		}
	}
	if err := v.Err("stats.report_has_invalid_figures"); err != nil {
		return err
	}
	return s.WithTx(ctx, func(tx *db.Tx) error {
		// Taken before the status is read, as a decision takes it: an entry
		// and an approval of the same report cannot interleave, so an
		// approved report is never changed after the fact.
		if err := lockSeries(ctx, tx, dataSetYears(ds, p.Year)); err != nil {
			return err
		}
		status, _, err := submissionStatus(ctx, tx, ds.Code, p, u)
		if err != nil {
			return err
		}
		if status == SubmissionApproved {
			return congthuong.Errorf(congthuong.ECONFLICT, "common.report_approved_locked_ask_department")
		}
		var res ValueImportResult
		if err := s.ImportValuesTx(ctx, tx, rows, status == SubmissionReturned, &res); err != nil {
			// Row problems name the indicator rather than a row of a file.
			for i, f := range congthuong.ErrorFields(err) {
				if f.Row > 0 && f.Row <= len(rows) {
					congthuong.ErrorFields(err)[i].Field = rows[f.Row-1].Indicator
				}
			}
			return err
		}
		var warnings []congthuong.FieldError
		for _, w := range res.Warnings {
			if w.Row > 0 && w.Row <= len(rows) {
				warnings = append(warnings, congthuong.FieldError{Field: rows[w.Row-1].Indicator, Message: w.Message, Args: w.Args})
			}
		}
		joined, err := encodeWarnings(warnings)
		if err != nil {
			return err
		}
		if status == "" {
			_, err = tx.ExecContext(ctx, `INSERT INTO stat_submissions (data_set, year, first_month, last_month, unit_code, unit_from,
				status, entered_by, entered_at, warnings) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
				ds.Code, p.Year, p.First, p.Last, u.Code, u.ValidFrom, SubmissionEntered, actor.Name(), tx.Now, joined)
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE stat_submissions SET status = $1, entered_by = $2, entered_at = $3, warnings = $4
				WHERE data_set = $5 AND year = $6 AND first_month = $7 AND last_month = $8 AND unit_code = $9 AND unit_from = $10`,
				SubmissionEntered, actor.Name(), tx.Now, joined, ds.Code, p.Year, p.First, p.Last, u.Code, u.ValidFrom)
		}
		if err != nil {
			return fmt.Errorf("statsdb: enter report: %w", err)
		}
		return tx.Audit(ctx, audit.Enter, "stat_submission", ds.Code+"/"+u.Code+"/"+p.String(), u.Code, nil, values)
	})
}

// dataSetYears are the series a data set's report for a year writes.
func dataSetYears(ds stats.DataSet, year int) map[string]map[int]bool {
	years := map[string]map[int]bool{}
	for _, code := range ds.Indicators {
		years[code] = map[int]bool{year: true}
	}
	return years
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// submissionStatus returns the state of a report ("" when none was
// entered) and who entered it.
func submissionStatus(ctx context.Context, tx *db.Tx, ds string, p stats.Period, u unit.Unit) (status, enteredBy string, err error) {
	err = tx.QueryRowContext(ctx, `SELECT status, entered_by FROM stat_submissions WHERE data_set = $1 AND year = $2
		AND first_month = $3 AND last_month = $4 AND unit_code = $5 AND unit_from = $6`,
		ds, p.Year, p.First, p.Last, u.Code, u.ValidFrom).Scan(&status, &enteredBy)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	return status, enteredBy, err
}

// DecideDataSet approves a unit's entered report (its values become
// official and it is locked) or returns it for correction with a note, also
// once approved (which unlocks it). The
// department decides: staff of the unit's province or of the country, not
// of the commune itself.
func (s *Stats) DecideDataSet(ctx context.Context, dataSet, unitCode, period string, approve bool, note string) error {
	actor := congthuong.ActorFrom(ctx)
	if actor.Anonymous() {
		return congthuong.Errorf(congthuong.EUNAUTHORIZED, "common.log_first")
	}
	if !actor.System && !actor.IsStaff() {
		return congthuong.Errorf(congthuong.EFORBIDDEN, "common.only_department_decides_reports")
	}
	ds, p, err := dataSetPeriod(dataSet, period)
	if err != nil {
		return err
	}
	u, err := s.submissionUnit(ctx, ds, unitCode, p)
	if err != nil {
		return err
	}
	province := u.ProvinceCode()
	if !actor.System && actor.UnitCode != congthuong.CountryCode && (actor.UnitCode != province || actor.Role == congthuong.RoleCommune) {
		return congthuong.Errorf(congthuong.EFORBIDDEN, "common.only_department_decides_reports")
	}
	note = strings.TrimSpace(note)
	if !approve && note == "" {
		return &congthuong.Error{Code: congthuong.EINVALID, Message: "stats.invalid_decision",
			Fields: []congthuong.FieldError{{Field: "note", Message: "stats.say_what_correct"}}}
	}
	return s.WithTx(ctx, func(tx *db.Tx) error {
		if err := lockSeries(ctx, tx, dataSetYears(ds, p.Year)); err != nil {
			return err
		}
		status, enteredBy, err := submissionStatus(ctx, tx, ds.Code, p, u)
		if err != nil {
			return err
		}
		// An approved report can be returned (reopened for correction, its
		// figures staying official until new ones are entered); only an
		// entered one can be approved.
		if status != SubmissionEntered && (approve || status != SubmissionApproved) {
			return congthuong.Errorf(congthuong.ECONFLICT, "common.report_not_waiting_decision", orNone(status))
		}
		if approve && enteredBy == actor.Name() && !actor.System {
			return congthuong.Errorf(congthuong.EFORBIDDEN, "common.report_approved_by_someone_other_than")
		}
		next := SubmissionReturned
		if approve {
			next = SubmissionApproved
			w := db.Where{Args: []any{string(stats.Official)}} // $1 is the new status
			w.Add("year = ? AND first_month = ? AND last_month = ? AND unit_code = ? AND unit_from = ?",
				p.Year, p.First, p.Last, u.Code, u.ValidFrom)
			w.In("indicator", ds.Indicators)
			if _, err := tx.ExecContext(ctx, `UPDATE stat_values SET status = $1`+w.SQL(), w.Args...); err != nil {
				return fmt.Errorf("statsdb: approve report: %w", err)
			}
			// The status moved: the analytics' copy follows (official values are public).
			var sw db.Where
			sw.Add("year = ? AND unit_code = ? AND unit_from = ?", p.Year, u.Code, u.ValidFrom)
			sw.In("indicator", ds.Indicators)
			if err := refreshSeries(ctx, tx, tx.DB.Dialect, sw); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE stat_submissions SET status = $1, decided_by = $2, decided_at = $3, note = $4
			WHERE data_set = $5 AND year = $6 AND first_month = $7 AND last_month = $8 AND unit_code = $9 AND unit_from = $10`,
			next, actor.Name(), tx.Now, note, ds.Code, p.Year, p.First, p.Last, u.Code, u.ValidFrom); err != nil {
			return fmt.Errorf("statsdb: decide report: %w", err)
		}
		return tx.Audit(ctx, next, "stat_submission", ds.Code+"/"+u.Code+"/"+p.String(), u.Code,
			map[string]string{"status": status}, map[string]string{"status": next, "note": note})
	})
}

func orNone(s string) string {
	if s == "" {
		return "not entered"
	}
	return s
}

// Submissions lists the units expected to report a data set for a period
// (the provinces, or the communes of province), within the actor's scope,
// with their report's state, its due time counted on cal and whether it
// came on time.
func (s *Stats) Submissions(ctx context.Context, dataSet, period, province string, cal *calendar.Calendar) ([]Submission, Completeness, error) {
	actor := congthuong.ActorFrom(ctx)
	var c Completeness
	if !actor.System && !actor.IsStaff() {
		return nil, c, congthuong.Errorf(congthuong.EFORBIDDEN, "stats.only_staff_follow_reports")
	}
	ds, p, err := dataSetPeriod(dataSet, period)
	if err != nil {
		return nil, c, err
	}
	ix, err := s.units.Index(ctx)
	if err != nil {
		return nil, c, err
	}
	_, last := p.Days()
	end, _ := calendar.ParseDate(last)
	dueDay, err := cal.AddWorkingDays(end, ds.DueWorkingDays)
	if err != nil {
		return nil, c, err
	}
	due := dueDay.At(int(cal.OfficeHours().Close()))
	rows, err := s.Read.QueryContext(ctx, `SELECT unit_code, unit_from, status, entered_by, entered_at, decided_by, decided_at, note,
		warnings FROM stat_submissions WHERE data_set = $1 AND year = $2 AND first_month = $3 AND last_month = $4`, ds.Code, p.Year, p.First, p.Last)
	if err != nil {
		return nil, c, fmt.Errorf("statsdb: submissions: %w", err)
	}
	defer rows.Close()
	byUnit := map[[2]string]Submission{}
	for rows.Next() {
		var sub Submission
		var from string
		var entered time.Time
		var decided sql.NullTime
		var warnings string
		if err := rows.Scan(&sub.UnitCode, &from, &sub.Status, &sub.EnteredBy, &entered, &sub.DecidedBy, &decided, &sub.Note, &warnings); err != nil {
			return nil, c, err
		}
		sub.Warnings = decodeWarnings(warnings)
		entered = entered.UTC()
		sub.EnteredAt = &entered
		if decided.Valid {
			d := decided.Time.UTC()
			sub.DecidedAt = &d
		}
		byUnit[[2]string{sub.UnitCode, from}] = sub
	}
	if err := rows.Err(); err != nil {
		return nil, c, err
	}
	var out []Submission
	for _, u := range ix.All {
		inForce := (u.ValidFrom == "" || u.ValidFrom <= last) && (u.ValidTo == "" || u.ValidTo >= last)
		if !inForce || string(u.Level) != ds.Level || (ds.Level == "commune" && province != "" && u.ParentCode != province) {
			continue
		}
		if !actor.System && !actor.InScope(u.Code, u.ProvinceCode()) {
			continue
		}
		sub, ok := byUnit[[2]string{u.Code, u.ValidFrom}]
		if !ok {
			sub = Submission{UnitCode: u.Code}
		}
		sub.DataSet, sub.Period, sub.UnitName, sub.Due = ds.Code, p.String(), u.FullName, due
		c.Expected++
		if sub.Status != "" {
			c.Entered++
			onTime := !sub.EnteredAt.After(due)
			sub.OnTime = &onTime
			if onTime {
				c.OnTime++
			}
		}
		if sub.Status == SubmissionApproved {
			c.Approved++
		}
		out = append(out, sub)
	}
	return out, c, nil
}
