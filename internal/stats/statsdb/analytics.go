package statsdb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/stats"
	"congthuong/internal/unit"
)

// AnalyticsQuery asks for one indicator and period over a set of units:
// Units (codes, resolved for the period), or the members of Group, or the
// communes of ChildrenOf, or All the units in force at the period's end.
type AnalyticsQuery struct {
	Indicator  string
	Period     stats.Period
	Units      []string
	Group      string
	ChildrenOf string
	All        bool
}

// Analyze computes an analysis from the values stored now: no batch step,
// a value saved is in the next answer. Values of units that no longer exist
// are restated: Hải Phòng's 2024 is old Hải Phòng plus old Hải Dương when
// compared with 2025. The public sees official values only.
func (s *Stats) Analyze(ctx context.Context, q AnalyticsQuery) (*stats.Analytics, error) {
	catalog, err := s.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	ind, ok := catalog.Get(q.Indicator)
	if !ok {
		return nil, &congthuong.Error{Code: congthuong.EINVALID, Message: "common.invalid_query",
			Fields: []congthuong.FieldError{{Field: "indicator", Message: "stats.no_indicator_code", Args: []any{strings.ToUpper(q.Indicator)}}}}
	}
	out := &stats.Analytics{Indicator: *ind, Period: q.Period, PreviousYear: q.Period.SamePeriodLastYear()}
	units, err := s.analysisUnits(ctx, q)
	if err != nil {
		return nil, err
	}
	codes := []string{ind.Code}
	if ind.Kind == stats.Formula {
		codes = catalog.Inputs(ind.Code)
	}
	targets, err := s.targets(ctx, ind.Code, q.Period.Year)
	if err != nil {
		return nil, err
	}
	load := q.Period
	if len(targets) > 0 && ind.Kind == stats.Flow {
		load = q.Period.YearToDate() // a yearly target is met by the year to date
	}
	spans, err := s.units.Index(ctx)
	if err != nil {
		return nil, err
	}
	// A few units: read only theirs (and the units they replaced).
	var only []string
	if len(units) <= 50 {
		seen := map[string]bool{}
		for _, u := range units {
			for _, m := range append(append([]unit.Unit{u}, forPeriod(spans, u, q.Period.SamePeriodLastYear(), ind)...), forPeriod(spans, u, load, ind)...) {
				if !seen[m.Code] {
					seen[m.Code] = true
					only = append(only, m.Code)
				}
			}
			for _, m := range spans.BySuccessor[u.Code] {
				if !seen[m.Code] {
					seen[m.Code] = true
					only = append(only, m.Code)
				}
			}
		}
	}
	stored, err := s.loadAnalysisValues(ctx, codes, load, only)
	if err != nil {
		return nil, err
	}
	// lookup finds a stored value of unit m; for a part of the period from
	// before m's row began, the value of its earlier row, or the sum of the
	// units it replaced (the first half of 2025 for a province of July 2025);
	// see forPeriod.
	lookup := func(m unit.Unit) stats.Lookup {
		// A figure asks for one indicator's year many times (a half from
		// its quarters from their months): its row is found once.
		var lastCode string
		var lastYear int
		var data seriesData
		officialOnly := stored.officialOnly(m)
		return func(code string, pp stats.Period) (float64, bool) {
			if code != lastCode || pp.Year != lastYear {
				lastCode, lastYear, data = code, pp.Year, stored.series(code, m, pp.Year)
			}
			if x, ok := data.find(pp, officialOnly); ok {
				return x, true
			}
			in, _ := catalog.Get(code)
			if in == nil || !endsBefore(pp, m.ValidFrom) {
				return 0, false
			}
			total, found := 0.0, false
			for _, old := range forPeriod(spans, m, pp, in) {
				x, ok := stored.get(code, old, pp)
				if !ok {
					return 0, false
				}
				total, found = total+x, true
			}
			return total, found
		}
	}
	value := func(members []unit.Unit, p stats.Period) (float64, bool) {
		total, any := 0.0, false
		for _, m := range members {
			v, ok := catalog.Value(ind.Code, p, lookup(m))
			if !ok {
				return 0, false
			}
			total, any = total+v, true
		}
		return total, any
	}
	published, err := s.publishedGrowth(ctx, ind.Code, q.Period)
	if err != nil {
		return nil, err
	}
	pFirst, pLast := q.Period.Days()
	prevFirst, prevLast := out.PreviousYear.Days()
	var withValue []int
	out.Units = make([]stats.UnitFigure, 0, len(units))
	for _, u := range units {
		f := stats.UnitFigure{Unit: u.Code, Name: u.FullName, Parent: u.ParentCode, ValidFrom: u.ValidFrom}
		if f.Name == "" {
			f.Name = u.Name
		}
		members := forDays(spans, u, pFirst, pLast, ind)
		if v, ok := value(members, q.Period); ok {
			f.Value = &v
		}
		lastMembers := forDays(spans, u, prevFirst, prevLast, ind)
		f.Restated = len(lastMembers) > 1 || len(lastMembers) == 1 && lastMembers[0].ValidFrom != u.ValidFrom
		if v, ok := value(lastMembers, out.PreviousYear); ok {
			f.PreviousYearValue = &v
		}
		if f.Value != nil {
			last, have := 0.0, f.PreviousYearValue != nil
			if have {
				last = *f.PreviousYearValue
			}
			if g, ok := stats.Growth(ind, *f.Value, last, have); ok {
				f.GrowthPct = &g
			}
			if g, ok := published[u.Code]; ok {
				f.ComputedGrowthPct, f.GrowthPct, f.GrowthPublished = f.GrowthPct, &g, true
			}
			withValue = append(withValue, len(out.Units))
			if t, ok := targets[targetKey{u.Code, u.ValidFrom, q.Period}]; ok {
				f.Attainment = stats.Attain(ind, t, q.Period, *f.Value)
			} else if t, ok := targets[targetKey{u.Code, u.ValidFrom, stats.YearOf(q.Period.Year)}]; ok {
				// Against the year's target: a flow's year to date, else the figure.
				v, ok := *f.Value, true
				if ind.Kind == stats.Flow {
					v, ok = value(members, q.Period.YearToDate())
				}
				if ok {
					f.Attainment = stats.Attain(ind, t, q.Period, v)
				}
			}
		}
		out.Units = append(out.Units, f)
	}
	out.Summarize(withValue)
	return out, nil
}

// forPeriod returns the unit rows whose values make u's figure for p: u
// itself when it existed then; for a row that begins later, the earlier row
// of the same unit (same code, no successor: a change of name or type), or
// else the units it replaced (a province of 2025-07-01 looked at for 2024)
// when the indicator adds up over units; nothing otherwise.
func forPeriod(as *unit.Index, u unit.Unit, p stats.Period, ind *stats.Indicator) []unit.Unit {
	first, last := p.Days()
	return forDays(as, u, first, last, ind)
}

// forDays is forPeriod for a period given by its first and last days, which
// an analysis over thousands of units computes once.
func forDays(as *unit.Index, u unit.Unit, first, last string, ind *stats.Indicator) []unit.Unit {
	inForce := func(x unit.Unit) bool {
		return (x.ValidFrom == "" || x.ValidFrom <= last) && (x.ValidTo == "" || first <= x.ValidTo)
	}
	if inForce(u) {
		return []unit.Unit{u}
	}
	if u.ValidFrom == "" || u.ValidFrom <= last {
		return nil // u ended before p
	}
	for _, old := range as.ByCode[u.Code] {
		if old.ValidFrom != u.ValidFrom && old.SuccessorCode == "" && inForce(old) {
			return []unit.Unit{old}
		}
	}
	if ind.Aggregation != stats.Sum {
		return nil
	}
	var out []unit.Unit
	for _, old := range as.BySuccessor[u.Code] {
		if inForce(old) {
			out = append(out, old)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// endsBefore reports whether p ends before the day validFrom (2025-07-01),
// comparing months: a unit's row begins within a month, never after its
// last day.
func endsBefore(p stats.Period, validFrom string) bool {
	if len(validFrom) < 7 {
		return false
	}
	y, m := 0, 0
	for _, c := range validFrom[:4] {
		y = y*10 + int(c-'0')
	}
	m = int(validFrom[5]-'0')*10 + int(validFrom[6]-'0')
	return p.Year*12+p.Last < y*12+m
}

// analysisUnits resolves the query's units to unit rows.
func (s *Stats) analysisUnits(ctx context.Context, q AnalyticsQuery) ([]unit.Unit, error) {
	bad := func(field, id string, args ...any) error {
		return &congthuong.Error{Code: congthuong.EINVALID, Message: "common.invalid_query",
			Fields: []congthuong.FieldError{{Field: field, Message: id, Args: args}}}
	}
	_, last := q.Period.Days()
	switch {
	case q.Group != "":
		out, err := s.units.GroupMembers(ctx, q.Group)
		if err == nil && len(out) == 0 {
			err = bad("units", "stats.no_unit_group", q.Group)
		}
		return out, err
	case q.ChildrenOf != "" || q.All:
		ix, err := s.units.Index(ctx)
		if err != nil {
			return nil, err
		}
		var out []unit.Unit
		for _, u := range ix.All {
			inForce := (u.ValidFrom == "" || u.ValidFrom <= last) && (u.ValidTo == "" || u.ValidTo >= last)
			if inForce && (q.All && u.Code != congthuong.CountryCode || !q.All && u.ParentCode == q.ChildrenOf) {
				out = append(out, u)
			}
		}
		if len(out) == 0 {
			return nil, bad("units", "stats.unit_has_no_communes", q.ChildrenOf, q.Period.String())
		}
		return out, nil
	case len(q.Units) > 0:
		if len(q.Units) > 5000 {
			return nil, bad("units", "stats.at_most_5_000_units_per_query")
		}
		spans, err := s.units.Index(ctx)
		if err != nil {
			return nil, err
		}
		var out []unit.Unit
		for _, code := range q.Units {
			u, ok := resolvePeriod(spans, strings.TrimSpace(code), q.Period)
			if !ok {
				// A unit of today looked at for an earlier period.
				for _, cand := range spans.ByCode[strings.TrimSpace(code)] {
					if cand.ValidTo == "" {
						u, ok = cand, true
					}
				}
			}
			if !ok {
				return nil, bad("units", "stats.no_unit_code", code, q.Period.String())
			}
			out = append(out, u)
		}
		return out, nil
	}
	return nil, bad("units", "stats.give_units_code_units_group_group_units")
}

// analysisValues holds the series rows (stat_series.go) an analysis reads,
// as stored: a figure reads a few of a row's values, so none is decoded
// before it is asked for. Rows are found by indicator and year, then by
// unit code: hashing one short string per row is most of reading them.
type analysisValues struct {
	years []yearValues
	actor congthuong.Actor
}

// officialOnly reports whether the analysis may use only the official
// values of unit m: always for the public and enterprise users; for staff,
// outside the units they enter figures for.
func (av analysisValues) officialOnly(m unit.Unit) bool {
	return !av.actor.SeesUnpublished() || !mayEnterFor(av.actor, m)
}

type yearValues struct {
	indicator string
	year      int
	byUnit    map[string][]unitSeries // unit code → its rows (one per valid_from)
}

type unitSeries struct {
	from string
	data seriesData
}

// get returns the value stored for an indicator, unit row and period.
func (av analysisValues) get(indicator string, m unit.Unit, p stats.Period) (float64, bool) {
	return av.series(indicator, m, p.Year).find(p, av.officialOnly(m))
}

// series returns the values stored for an indicator, unit row and year.
func (av analysisValues) series(indicator string, m unit.Unit, year int) seriesData {
	for _, y := range av.years {
		if y.year == year && y.indicator == indicator {
			for _, u := range y.byUnit[m.Code] {
				if u.from == m.ValidFrom {
					return u.data
				}
			}
			return nil
		}
	}
	return nil
}

// loadAnalysisValues reads the series rows of the indicators for the
// period's year and the year before, of the given units or all.
func (s *Stats) loadAnalysisValues(ctx context.Context, codes []string, p stats.Period, units []string) (analysisValues, error) {
	out := analysisValues{actor: congthuong.ActorFrom(ctx)}
	var arena []byte                  // every row's data, in one array
	var code, from, data sql.RawBytes // read in place
	for _, indicator := range codes {
		for _, year := range [2]int{p.Year, p.Year - 1} {
			var w db.Where
			w.Add("indicator = ? AND year = ?", indicator, year)
			if len(units) > 0 {
				w.In("unit_code", units)
			}
			rows, err := s.AnalyticsQuery(ctx, `SELECT unit_code, unit_from, data FROM stat_series`+w.SQL(), w.Args...)
			if err != nil {
				return out, fmt.Errorf("statsdb: analysis values: %w", err)
			}
			size := len(units)
			if size == 0 {
				size = 4096 // every unit: 3,355 today
			}
			yv := yearValues{indicator: indicator, year: year, byUnit: make(map[string][]unitSeries, size)}
			for rows.Next() {
				if err := rows.Scan(&code, &from, &data); err != nil {
					rows.Close()
					return out, err
				}
				if !seriesData(data).valid() {
					rows.Close()
					return out, errSeriesFormat
				}
				start := len(arena)
				arena = append(arena, data...)
				u := unitSeries{from: validFromText(from), data: arena[start:len(arena):len(arena)]}
				yv.byUnit[string(code)] = append(yv.byUnit[string(code)], u)
			}
			if err := errors.Join(rows.Err(), rows.Close()); err != nil {
				return out, err
			}
			out.years = append(out.years, yv)
		}
	}
	return out, nil
}

// validFromText returns b as a string, made once for the dates most rows
// share.
func validFromText(b []byte) string {
	switch string(b) {
	case "":
		return ""
	case unit.ReformDate:
		return unit.ReformDate
	}
	return string(b)
}
