package statsdb

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/db"
	"congthuong/internal/stats"
	"congthuong/internal/tabular"
	"congthuong/internal/unit"
)

// ValueImportResult counts what a value import did (or would do).
type ValueImportResult struct {
	Rows      int  `json:"rows"`
	Created   int  `json:"created"`
	Updated   int  `json:"updated"`
	Unchanged int  `json:"unchanged"`
	DryRun    bool `json:"dry_run"`
	// Warnings are what the rules find suspicious (growth far from last
	// year, a month above its year to date): shown, not refused.
	Warnings []congthuong.FieldError `json:"warnings,omitempty"`
}

// maxWarnings bounds the warnings of one import.
const maxWarnings = 1000

// resolvePeriod returns the unit a code names for a period (unit.Index's
// Resolve over the period's first and last days).
func resolvePeriod(ix *unit.Index, code string, p stats.Period) (unit.Unit, bool) {
	first, last := p.Days()
	return ix.Resolve(code, first, last)
}

// mayEnterFor reports whether the actor may enter values for u: a unit in
// its scope, or a dissolved province whose successor is.
func mayEnterFor(a congthuong.Actor, u unit.Unit) bool {
	if a.System {
		return true
	}
	if a.InScope(u.Code, u.ProvinceCode()) {
		return true
	}
	return u.SuccessorCode != "" && a.InScope(u.SuccessorCode, u.SuccessorCode)
}

type valueKey struct{ indicator, period, unitCode, unitFrom string }

// seriesKey names one unit's values of one indicator.
type seriesKey struct{ indicator, unitCode, unitFrom string }

// less orders keys as the table's primary key does.
func (k valueKey) less(o valueKey, p, q stats.Period) bool {
	switch {
	case k.indicator != o.indicator:
		return k.indicator < o.indicator
	case p.Year != q.Year:
		return p.Year < q.Year
	case p.First != q.First:
		return p.First < q.First
	case p.Last != q.Last:
		return p.Last < q.Last
	case k.unitCode != o.unitCode:
		return k.unitCode < o.unitCode
	}
	return k.unitFrom < o.unitFrom
}

type storedValue struct {
	year        int
	first, last uint8
	value       float64
	status      stats.Status
	source      string
	revision    int
	at          time.Time
	by          string
}

// MaxValueRows bounds a value import.
const MaxValueRows = 1_000_000

// ImportValues stores statistical values, all or nothing (runImport). While
// the file is read each row is checked: indicator known and stored rather
// than computed, value not negative where it may not be, unit code resolved
// for the value's period, unit in the actor's scope, status one the actor
// may give (stats.MayStore), no row repeated. Then, in one transaction, no
// value may change that an approved report locks, nor an official one
// unless the department changes it (stats.MayReplace). If anything is wrong
// every problem is returned and nothing is written. A value that differs
// from the stored one is a revision: the old one is kept in
// stat_value_revisions. Re-importing the same values changes nothing.
func (s *Stats) ImportValues(ctx context.Context, src tabular.Source[stats.ValueRow], dryRun bool) (ValueImportResult, error) {
	res := ValueImportResult{DryRun: dryRun}
	c, err := s.newValueChecker(ctx, s.Read)
	if err != nil {
		return res, err
	}
	err = db.RunImport(ctx, s.DB, src, dryRun, &res.Rows, db.Importer[stats.ValueRow, valuesFound]{
		Kind:    "values",
		MaxRows: MaxValueRows,
		NoRows: &congthuong.Error{Code: congthuong.EINVALID, Message: "common.nothing_import",
			Fields: []congthuong.FieldError{{Row: 2, Field: "indicator", Message: "common.file_has_header_but_no_data_rows"}}},
		Check: func(r stats.ValueRow, v *congthuong.Validation) error {
			c.check(r, v)
			return nil
		},
		Review: func(q db.Queryer, p *db.ImportProblems) (valuesFound, error) { return c.review(ctx, q, false, p) },
		Write:  func(tx *db.Tx, found valuesFound) error { return writeValues(ctx, tx, c, found, &res) },
	})
	return res, err
}

// importValues checks and writes rows inside a transaction of the
// caller's (a report entered, a park report published); reopened says that
// the rows re-enter a report the department returned, whose official
// figures they may replace.
func (s *Stats) ImportValuesTx(ctx context.Context, tx *db.Tx, rows []stats.ValueRow, reopened bool, res *ValueImportResult) error {
	c, err := s.newValueChecker(ctx, tx)
	if err != nil {
		return err
	}
	var v congthuong.Validation
	for _, r := range rows {
		res.Rows++
		c.check(r, &v)
	}
	if err := v.Err("common.file_has_invalid_rows_nothing_was"); err != nil {
		return err
	}
	var p db.ImportProblems
	found, err := c.review(ctx, tx, reopened, &p)
	if err != nil {
		return err
	}
	if err := p.Err(); err != nil {
		return err
	}
	return writeValues(ctx, tx, c, found, res)
}

// valuesFound is what a value import's review finds: the values stored for
// the series the rows touch, and what becomes of each row.
type valuesFound struct {
	existing map[valueKey]storedValue
	fate     []uint8
}

// review reads the stored values of the series the rows touch (in a write
// transaction under the series' locks) and the values approved reports
// lock, and decides each row's fate; rows that would change a locked value,
// or an official one the actor may not change, are conflicts. reopened says
// the rows re-enter a report the department returned.
func (c *valueChecker) review(ctx context.Context, q db.Queryer, reopened bool, p *db.ImportProblems) (valuesFound, error) {
	var found valuesFound
	locked, err := approvedValues(ctx, q, c.years)
	if err != nil {
		return found, err
	}
	tx, writing := q.(*db.Tx)
	if !writing && len(locked) == 0 && c.actor.IsDepartment() {
		// The department may change anything approved reports do not
		// lock: with nothing of the file locked, reading the file's series
		// only to compare would find nothing.
		return found, nil
	}
	if writing {
		found.existing, err = storedValues(ctx, tx, c.years)
	} else {
		found.existing, err = readStoredValues(ctx, q, c.years)
	}
	if err != nil {
		return found, err
	}
	found.fate = c.fates(found.existing, locked, reopened, p)
	return found, nil
}

// valueChecker checks the rows of a value import as they are read, keeping
// the good ones.
type valueChecker struct {
	actor    congthuong.Actor
	catalog  *stats.Catalog
	units    *unit.Index
	inFile   map[valueKey]int32         // → index in valid
	dayCache map[stats.Period][2]string // a period's first and last days, formatted once
	valid    []importedValue
	years    map[string]map[int]bool // indicator → years, to load what is stored
}

func (s *Stats) newValueChecker(ctx context.Context, q db.Queryer) (*valueChecker, error) {
	list, err := indicators(ctx, q)
	if err != nil {
		return nil, err
	}
	catalog, err := stats.NewCatalog(list)
	if err != nil {
		return nil, err
	}
	// Unit rows from the store's cache: the reference data does not change
	// within an import.
	spans, err := s.units.Index(ctx)
	if err != nil {
		return nil, err
	}
	return &valueChecker{actor: congthuong.ActorFrom(ctx), catalog: catalog, units: spans,
		inFile: map[valueKey]int32{}, dayCache: map[stats.Period][2]string{}, years: map[string]map[int]bool{}}, nil
}

// check checks one row, adding its problems to v.
func (c *valueChecker) check(r stats.ValueRow, v *congthuong.Validation) {
	ind, ok := c.catalog.Get(r.Indicator)
	switch {
	case !ok:
		v.AddRow(r.Line, "indicator", "stats.no_indicator_code", r.Indicator)
		return
	case ind.Kind == stats.Formula:
		v.AddRow(r.Line, "indicator", "stats.computed_import_inputs", r.Indicator, ind.Formula)
		return
	}
	before := v.Len()
	if ind.NonNegative && r.Value < 0 {
		v.AddRow(r.Line, "value", "stats.cannot_negative", r.Indicator)
	}
	if !stats.MayStore(c.actor, r.Status) {
		v.AddRow(r.Line, "status", "stats.only_department_publishes_official")
	}
	days, ok := c.dayCache[r.Period]
	if !ok {
		days[0], days[1] = r.Period.Days()
		c.dayCache[r.Period] = days
	}
	u, ok := c.units.Resolve(r.UnitCode, days[0], days[1])
	switch {
	case !ok && len(c.units.ByCode[r.UnitCode]) == 0:
		v.AddRow(r.Line, "unit", "common.no_administrative_unit_code", r.UnitCode)
		return
	case !ok:
		v.AddRow(r.Line, "unit", "stats.unit_did_not_exist", r.UnitCode, r.Period.String())
		return
	case !mayEnterFor(c.actor, u):
		v.AddRow(r.Line, "unit", "common.unit_outside_your_scope", r.UnitCode)
		return
	}
	key := valueKey{ind.Code, r.Period.String(), u.Code, u.ValidFrom}
	if first, dup := c.inFile[key]; dup {
		v.AddRow(r.Line, "period", "stats.already_row", ind.Code, u.Code, key.period, c.valid[first].row.Line)
		return
	}
	if v.Len() > before {
		return
	}
	c.inFile[key] = int32(len(c.valid))
	if c.years[ind.Code] == nil {
		c.years[ind.Code] = map[int]bool{}
	}
	c.years[ind.Code][r.Period.Year] = true
	c.years[ind.Code][r.Period.Year-1] = true // for the checks against last year
	c.valid = append(c.valid, importedValue{key, r})
}

// writeValues is the second phase of a value import: given what review
// found under the series' locks, it computes the rule checks' warnings and
// writes.
func writeValues(ctx context.Context, tx *db.Tx, c *valueChecker, found valuesFound, res *ValueImportResult) error {
	actor, valid, inFile := c.actor, c.valid, c.inFile
	existing, fate := found.existing, found.fate
	// Written in key order, the rows append to the table's B-tree
	// instead of landing all over it.
	// Sorted through indexes: moving a million rows of this size costs more
	// than comparing them.
	order := make([]int32, len(valid))
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := &valid[order[i]], &valid[order[j]]
		return a.key.less(b.key, a.row.Period, b.row.Period)
	})
	// Each unit's values of an indicator for periods of one kind, stored or
	// in the file, for the outlier check.
	history := map[seriesKey]map[stats.PeriodKind][]float64{}
	addHistory := func(k valueKey, v float64) {
		sk := seriesKey{k.indicator, k.unitCode, k.unitFrom}
		kind := stats.KindOf(k.period)
		if history[sk] == nil {
			history[sk] = map[stats.PeriodKind][]float64{}
		}
		history[sk][kind] = append(history[sk][kind], v)
	}
	for k, old := range existing {
		if _, replaced := inFile[k]; !replaced {
			addHistory(k, old.value)
		}
	}
	for i := range valid {
		addHistory(valid[i].key, valid[i].row.Value)
	}
	scales := make(map[seriesKey]map[stats.PeriodKind]stats.Scale, len(history))
	for sk, kinds := range history {
		scales[sk] = make(map[stats.PeriodKind]stats.Scale, len(kinds))
		for kind, values := range kinds {
			scales[sk][kind] = stats.NewScale(values)
		}
	}
	for _, k := range valid {
		if len(res.Warnings) >= maxWarnings {
			break
		}
		ind, _ := c.catalog.Get(k.row.Indicator)
		known := func(p stats.Period) (float64, bool) {
			key := valueKey{k.key.indicator, p.String(), k.key.unitCode, k.key.unitFrom}
			if i, ok := inFile[key]; ok {
				return valid[i].row.Value, true
			}
			old, ok := existing[key]
			return old.value, ok
		}
		scale := scales[seriesKey{k.key.indicator, k.key.unitCode, k.key.unitFrom}][k.row.Period.Kind]
		for _, w := range stats.CheckValue(ind, k.row, known, scale) {
			res.Warnings = append(res.Warnings, congthuong.FieldError{Row: k.row.Line, Field: "value", Message: w.ID, Args: w.Args})
		}
	}
	w := valueWriter{tx: tx, by: actor.Name()}
	var created []*importedValue
	for _, i := range order {
		k := &valid[i]
		switch fate[i] {
		case createValue:
			res.Created++
			created = append(created, k)
		case sameValue:
			res.Unchanged++
		default:
			res.Updated++
			if err := w.revise(ctx, k.key, k.row, existing[k.key]); err != nil {
				return err
			}
		}
	}
	if err := w.insert(ctx, created); err != nil {
		return err
	}
	if res.Created+res.Updated == 0 {
		return nil
	}
	if err := importSeries(ctx, tx, valid, inFile, existing); err != nil {
		return err
	}
	// One entry per import: the values' own history is in
	// stat_value_revisions, each with who changed it and when.
	return tx.Audit(ctx, audit.Import, "stat_values", strconv.Itoa(res.Rows)+" rows", actor.UnitCode, nil, res)
}

// What an import does with each row.
const (
	createValue = iota
	sameValue
	reviseValue
)

// fates says what the import does with each checked row, given what is
// stored and what approved reports lock; rows that would change a locked
// value, or an official one the actor may not change, are conflicts.
func (c *valueChecker) fates(existing map[valueKey]storedValue, locked map[valueKey]string, reopened bool, p *db.ImportProblems) []uint8 {
	fate := make([]uint8, len(c.valid))
	for i := range c.valid {
		k := &c.valid[i]
		old, stored := existing[k.key]
		switch {
		case !stored:
			fate[i] = createValue
		case old.value == k.row.Value && old.status == k.row.Status && old.source == k.row.Source:
			fate[i] = sameValue
			continue
		default:
			fate[i] = reviseValue
		}
		if report, isLocked := locked[k.key]; isLocked {
			p.Conflicts.AddRow(k.row.Line, "value", "stats.value_belongs_report_which_department", report)
		} else if stored && !stats.MayReplace(c.actor, old.status, reopened) {
			p.Conflicts.AddRow(k.row.Line, "value", "stats.department_published_this_figure_as")
		}
	}
	return fate
}

// approvedValues returns the values of the given indicators' years that an
// approved report locks, each with the name of its report
// (data set/unit/period).
func approvedValues(ctx context.Context, q db.Queryer, years map[string]map[int]bool) (map[valueKey]string, error) {
	var ys []any
	seen := map[int]bool{}
	for _, set := range years {
		for y := range set {
			if !seen[y] {
				seen[y] = true
				ys = append(ys, y)
			}
		}
	}
	out := map[valueKey]string{}
	if len(ys) == 0 {
		return out, nil
	}
	var w db.Where
	w.Add("status = ?", SubmissionApproved)
	w.Add("year IN ("+strings.Repeat("?, ", len(ys)-1)+"?)", ys...)
	rows, err := q.QueryContext(ctx, `SELECT data_set, year, first_month, last_month, unit_code, unit_from FROM stat_submissions`+w.SQL(), w.Args...)
	if err != nil {
		return nil, fmt.Errorf("statsdb: approved reports: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var ds, code, from string
		var y, first, last int
		if err := rows.Scan(&ds, &y, &first, &last, &code, &from); err != nil {
			return nil, err
		}
		set, ok := stats.FindDataSet(ds)
		if !ok {
			continue
		}
		period := stats.RangeOf(y, first, last).String()
		for _, ind := range set.Indicators {
			if years[ind][y] {
				out[valueKey{ind, period, code, from}] = ds + "/" + code + "/" + period
			}
		}
	}
	return out, rows.Err()
}

// importSeries rewrites the series rows (stat_series.go) of the values an
// import holds, from what is stored and what the file brings.
func importSeries(ctx context.Context, tx *db.Tx, valid []importedValue, inFile map[valueKey]int32, existing map[valueKey]storedValue) error {
	index := map[yearSeries]int{}
	var rows []seriesRow
	for i := range valid {
		v := &valid[i]
		k := yearSeries{seriesKey{v.key.indicator, v.key.unitCode, v.key.unitFrom}, v.row.Period.Year}
		at, ok := index[k]
		if !ok {
			at = len(rows)
			index[k] = at
			rows = append(rows, seriesRow{key: k})
		}
		rows[at].entries = append(rows[at].entries, seriesEntry{first: uint8(v.row.Period.First), last: uint8(v.row.Period.Last),
			official: v.row.Status == stats.Official, value: v.row.Value})
	}
	stored := make([]bool, len(rows)) // the row exists: some value of it was stored before
	for k, old := range existing {
		at, ok := index[yearSeries{seriesKey{k.indicator, k.unitCode, k.unitFrom}, old.year}]
		if !ok {
			continue
		}
		stored[at] = true
		if _, replaced := inFile[k]; !replaced {
			rows[at].entries = append(rows[at].entries, seriesEntry{first: old.first, last: old.last,
				official: old.status == stats.Official, value: old.value})
		}
	}
	var fresh, changed []seriesRow
	for i, r := range rows {
		if stored[i] {
			changed = append(changed, r)
		} else {
			fresh = append(fresh, r)
		}
	}
	if err := insertSeries(ctx, tx, fresh); err != nil {
		return err
	}
	return upsertSeries(ctx, tx, tx.DB.Dialect, changed)
}

// storedValues locks the series of the given indicators' years and reads
// their stored values.
func storedValues(ctx context.Context, tx *db.Tx, years map[string]map[int]bool) (map[valueKey]storedValue, error) {
	if err := lockSeries(ctx, tx, years); err != nil {
		return nil, err
	}
	return readStoredValues(ctx, tx, years)
}

// readStoredValues reads the stored values of the given indicators' years.
func readStoredValues(ctx context.Context, q db.Queryer, years map[string]map[int]bool) (map[valueKey]storedValue, error) {
	out := map[valueKey]storedValue{}
	for code, ys := range years {
		for y := range ys {
			rows, err := q.QueryContext(ctx, `SELECT period, unit_code, unit_from, year, first_month, last_month, value, status,
				source, revision, updated_at, updated_by FROM stat_values WHERE indicator = $1 AND year = $2`, code, y)
			if err != nil {
				return nil, fmt.Errorf("statsdb: stored values: %w", err)
			}
			for rows.Next() {
				k := valueKey{indicator: code}
				var sv storedValue
				if err := rows.Scan(&k.period, &k.unitCode, &k.unitFrom, &sv.year, &sv.first, &sv.last, &sv.value, &sv.status, &sv.source, &sv.revision, &sv.at, &sv.by); err != nil {
					rows.Close()
					return nil, err
				}
				out[k] = sv
			}
			if err := errors.Join(rows.Err(), rows.Close()); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// importedValue is a checked row of an import with its key.
type importedValue struct {
	key valueKey
	row stats.ValueRow
}

// valueWriter writes the values of an import: new ones by one streaming
// COPY on PostgreSQL, by multi-row statements on SQLite.
type valueWriter struct {
	tx *db.Tx
	by string
}

// valueColumnsSQL are the columns new values are written to.
var valueColumnsSQL = []string{"indicator", "period", "unit_code", "unit_from", "year", "first_month", "last_month",
	"value", "status", "source", "revision", "updated_at", "updated_by"}

// record appends the columns of a new value (valueColumnsSQL) to dst.
func (w *valueWriter) record(dst []any, v *importedValue) []any {
	k, r := &v.key, &v.row
	return append(dst, k.indicator, k.period, k.unitCode, k.unitFrom, r.Period.Year, r.Period.First, r.Period.Last,
		r.Value, string(r.Status), r.Source, 1, w.tx.Now, w.by)
}

// insert writes new values, in the order given.
func (w *valueWriter) insert(ctx context.Context, values []*importedValue) error {
	// One buffer does: each row is encoded or copied before the next.
	row := make([]any, 0, len(valueColumnsSQL))
	err := w.tx.InsertRows(ctx, "stat_values", valueColumnsSQL, func(yield func([]any) bool) {
		for _, v := range values {
			if !yield(w.record(row[:0], v)) {
				return
			}
		}
	})
	if err != nil {
		return fmt.Errorf("statsdb: import values: %w", err)
	}
	return nil
}

// revise keeps the stored value as a revision and replaces it.
func (w *valueWriter) revise(ctx context.Context, k valueKey, r stats.ValueRow, old storedValue) error {
	if _, err := w.tx.ExecContext(ctx, `INSERT INTO stat_value_revisions (indicator, period, unit_code, unit_from, revision,
		value, status, source, updated_at, updated_by, replaced_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		k.indicator, k.period, k.unitCode, k.unitFrom, old.revision, old.value, string(old.status), old.source, old.at, old.by, w.tx.Now); err != nil {
		return fmt.Errorf("statsdb: keep revision: %w", err)
	}
	if _, err := w.tx.ExecContext(ctx, `UPDATE stat_values SET value = $1, status = $2, source = $3, revision = $4,
		updated_at = $5, updated_by = $6 WHERE indicator = $7 AND year = $8 AND first_month = $9 AND last_month = $10
		AND unit_code = $11 AND unit_from = $12`,
		r.Value, string(r.Status), r.Source, old.revision+1, w.tx.Now, w.by, k.indicator, r.Period.Year, r.Period.First,
		r.Period.Last, k.unitCode, k.unitFrom); err != nil {
		return fmt.Errorf("statsdb: revise value: %w", err)
	}
	return nil
}

// StoredValue is a current value as stored.
type StoredValue struct {
	Indicator string       `json:"indicator"`
	Period    string       `json:"period"`
	UnitCode  string       `json:"unit"`
	UnitFrom  string       `json:"unit_valid_from,omitempty"`
	Value     float64      `json:"value"`
	Status    stats.Status `json:"status"`
	Source    string       `json:"source"`
	Revision  int          `json:"revision"`
	UpdatedAt time.Time    `json:"updated_at"`
	UpdatedBy string       `json:"updated_by,omitempty"`
}

// Values returns the current values of an indicator for a period, by unit.
// The public and enterprise users see official figures only, without who
// entered them; staff see unofficial ones of their scope too.
func (s *Stats) Values(ctx context.Context, indicator string, p stats.Period) ([]StoredValue, error) {
	return s.values(ctx, indicator, p, "")
}

// UnitValues is Values for one unit code.
func (s *Stats) UnitValues(ctx context.Context, indicator string, p stats.Period, unitCode string) ([]StoredValue, error) {
	return s.values(ctx, indicator, p, unitCode)
}

func (s *Stats) values(ctx context.Context, indicator string, p stats.Period, unitCode string) ([]StoredValue, error) {
	var w db.Where
	w.Add("indicator = ? AND year = ? AND first_month = ? AND last_month = ?", indicator, p.Year, p.First, p.Last)
	if unitCode != "" {
		w.Add("unit_code = ?", unitCode)
	}
	unpublishedScope(&w, congthuong.ActorFrom(ctx))
	return s.queryValues(ctx, `SELECT indicator, period, unit_code, unit_from, value, status, source, revision, updated_at, updated_by
		FROM stat_values`+w.SQL()+` ORDER BY unit_code, unit_from`, w.Args)
}

// ValueRevisions returns the earlier values of one indicator, period and
// unit, oldest first; staff only.
func (s *Stats) ValueRevisions(ctx context.Context, indicator string, p stats.Period, unitCode string) ([]StoredValue, error) {
	a := congthuong.ActorFrom(ctx)
	staff := a.System || a.IsStaff()
	// The public sees the official figures a value went through, not the
	// estimates before them nor who entered them.
	status := ""
	if !staff {
		status = string(stats.Official)
	}
	list, err := s.queryValues(ctx, `SELECT indicator, period, unit_code, unit_from, value, status, source, revision, updated_at, updated_by
		FROM stat_value_revisions WHERE indicator = $1 AND period = $2 AND unit_code = $3 AND ($4 = '' OR status = $4) ORDER BY revision`,
		[]any{indicator, p.String(), unitCode, status})
	if err != nil || staff {
		return list, err
	}
	for i := range list {
		list[i].UpdatedBy = ""
	}
	return list, nil
}

func (s *Stats) queryValues(ctx context.Context, query string, args []any) ([]StoredValue, error) {
	staff := congthuong.ActorFrom(ctx).SeesUnpublished()
	rows, err := s.Read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("statsdb: values: %w", err)
	}
	defer rows.Close()
	out := []StoredValue{}
	for rows.Next() {
		var v StoredValue
		if err := rows.Scan(&v.Indicator, &v.Period, &v.UnitCode, &v.UnitFrom, &v.Value, &v.Status, &v.Source, &v.Revision,
			&v.UpdatedAt, &v.UpdatedBy); err != nil {
			return nil, err
		}
		v.UpdatedAt = v.UpdatedAt.UTC()
		if !staff {
			v.UpdatedBy = ""
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// EachValue calls fn with every current value of an indicator in a year,
// in key order; the public and enterprise users get official values only,
// without who entered them; staff unofficial ones of their scope too.
func (s *Stats) EachValue(ctx context.Context, indicator string, year int, fn func(StoredValue) error) error {
	var w db.Where
	w.Add("indicator = ? AND year = ?", indicator, year)
	staff := congthuong.ActorFrom(ctx).SeesUnpublished()
	unpublishedScope(&w, congthuong.ActorFrom(ctx))
	rows, err := s.Read.QueryContext(ctx, `SELECT indicator, period, unit_code, unit_from, value, status, source, revision,
		updated_at, updated_by FROM stat_values`+w.SQL()+` ORDER BY first_month, last_month, unit_code, unit_from`, w.Args...)
	if err != nil {
		return fmt.Errorf("statsdb: values: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var v StoredValue
		if err := rows.Scan(&v.Indicator, &v.Period, &v.UnitCode, &v.UnitFrom, &v.Value, &v.Status, &v.Source, &v.Revision,
			&v.UpdatedAt, &v.UpdatedBy); err != nil {
			return err
		}
		if !staff {
			v.UpdatedBy = ""
		}
		if err := fn(v); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Record returns the value in the columns of an import (stats.ValueColumns),
// so that an export imports back unchanged.
func (v StoredValue) Record() []string {
	return []string{v.Indicator, v.UnitCode, v.Period, strconv.FormatFloat(v.Value, 'f', -1, 64), string(v.Status), v.Source}
}

// unpublishedScope limits the values an actor sees that are not official
// to those of the units it enters figures for (mayEnterFor): nothing for
// the public and enterprise users; a commune's for its officers; a
// province's, its communes' and those of the provinces it replaced for the
// province's staff; everything for the country's.
func unpublishedScope(w *db.Where, a congthuong.Actor) {
	official := string(stats.Official)
	switch {
	case a.System || a.SeesUnpublished() && a.UnitCode == congthuong.CountryCode:
	case !a.SeesUnpublished() || a.UnitCode == "":
		w.Add("status = ?", official)
	case a.UnitCode == a.ProvinceCode:
		w.Add("(status = ? OR unit_code = ? OR unit_code IN (SELECT code FROM units WHERE parent_code = ? OR successor_code = ?))",
			official, a.UnitCode, a.UnitCode, a.UnitCode)
	default:
		w.Add("(status = ? OR unit_code = ?)", official, a.UnitCode)
	}
}
