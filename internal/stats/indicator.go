package stats

import (
	_ "embed"
	"encoding/json"
	"math"
	"regexp"
	"sort"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"

	"congthuong"
)

// Kind says how an indicator's values combine over time.
type Kind string

// Indicator kinds.
const (
	Flow    Kind = "flow"    // an amount per period: a quarter or a year is the sum of its months
	Stock   Kind = "stock"   // a level: a period's value is the one at its end
	Index   Kind = "index"   // never summed: every period's value is its own
	Formula Kind = "formula" // computed from other indicators of the same unit and period
)

// Aggregation says how an indicator's values combine over units.
type Aggregation string

// Aggregations over units.
const (
	Sum      Aggregation = "sum"
	Weighted Aggregation = "weighted" // average weighted by another indicator
	None     Aggregation = "none"
)

// Indicator is a statistic the department follows.
type Indicator struct {
	Code   string `json:"code"`
	NameVI string `json:"name_vi"`
	NameEN string `json:"name_en"`
	// Measure is the unit of measure, e.g. "tỷ đồng", "triệu USD", "%";
	// MeasureEN is its English ("VND billion").
	Measure     string      `json:"measure"`
	MeasureEN   string      `json:"measure_en"`
	Kind        Kind        `json:"kind"`
	Formula     string      `json:"formula,omitempty"`
	Aggregation Aggregation `json:"aggregation"`
	Weight      string      `json:"weight,omitempty"` // the weighting indicator's code
	Decimals    int         `json:"decimals"`
	// HigherIsBetter orders rankings and colours growth.
	HigherIsBetter bool `json:"higher_is_better"`
	// VersusLastYear marks an index expressed as a percentage of the same
	// period last year (IIP 115.43 means +15.43%): its growth is value − 100.
	VersusLastYear bool `json:"versus_last_year,omitempty"`
	// NonNegative refuses negative values (amounts, counts, areas).
	NonNegative bool   `json:"non_negative"`
	Group       string `json:"group,omitempty"` // industry, trade, import_export, …
}

var codePattern = regexp.MustCompile(`^[A-Z][A-Z0-9_]{1,39}$`)

// Normalize tidies an indicator read from a form or a file.
func (ind *Indicator) Normalize() {
	ind.Code = strings.ToUpper(strings.TrimSpace(ind.Code))
	ind.NameVI, ind.NameEN = strings.TrimSpace(ind.NameVI), strings.TrimSpace(ind.NameEN)
	ind.Measure, ind.Formula = strings.TrimSpace(ind.Measure), strings.TrimSpace(ind.Formula)
	if ind.MeasureEN = strings.TrimSpace(ind.MeasureEN); ind.MeasureEN == "" {
		ind.MeasureEN = usualMeasuresEN[ind.Measure]
	}
	ind.Weight = strings.ToUpper(strings.TrimSpace(ind.Weight))
	if ind.Aggregation == "" {
		ind.Aggregation = Sum
		if ind.Kind == Index || ind.Kind == Formula {
			ind.Aggregation = None
		}
	}
}

// ValidateInto adds the indicator's own problems to v (row 0 for a form).
func (ind *Indicator) ValidateInto(v *congthuong.Validation, row int) {
	if !codePattern.MatchString(ind.Code) {
		v.AddRow(row, "code", "stats.code_must_2_40_capital_letters_digits")
	}
	if ind.NameVI == "" {
		v.AddRow(row, "name_vi", "stats.give_vietnamese_name")
	}
	if ind.NameEN == "" {
		v.AddRow(row, "name_en", "stats.give_english_name")
	}
	if ind.Measure == "" {
		v.AddRow(row, "measure", "stats.give_unit_measure_e_g_t_ng_tri_u_usd")
	}
	switch ind.Kind {
	case Flow, Stock, Index:
		if ind.Formula != "" {
			v.AddRow(row, "formula", "stats.only_indicator_kind_formula_has_formula")
		}
	case Formula:
		if _, err := formulaCodes(ind.Formula); err != nil {
			v.AddRowErr(row, "formula", err)
		}
	default:
		v.AddRow(row, "kind", "stats.kind_must_flow_stock_index_formula")
	}
	switch ind.Aggregation {
	case Sum:
		if ind.Kind == Index {
			v.AddRow(row, "aggregation", "stats.index_never_summed_use_weighted_none")
		}
	case Weighted:
		if !codePattern.MatchString(ind.Weight) {
			v.AddRow(row, "weight", "stats.weighted_average_needs_code_weighting")
		}
	case None:
	default:
		v.AddRow(row, "aggregation", "stats.aggregation_must_sum_weighted_none")
	}
	if ind.Aggregation != Weighted && ind.Weight != "" {
		v.AddRow(row, "weight", "stats.only_weighted_average_has_weighting")
	}
	if ind.Decimals < 0 || ind.Decimals > 6 {
		v.AddRow(row, "decimals", "stats.decimals_must_from_0_6")
	}
	if ind.VersusLastYear && ind.Kind != Index {
		v.AddRow(row, "versus_last_year", "stats.only_index_can_expressed_against_same")
	}
}

// Validate checks one indicator on its own.
func (ind *Indicator) Validate() error {
	var v congthuong.Validation
	ind.ValidateInto(&v, 0)
	return v.Err("stats.indicator_has_invalid_fields")
}

// formulaCodes parses a formula and returns the indicator codes it uses. A
// formula is arithmetic on codes and numbers: + - * / and parentheses.
func formulaCodes(formula string) ([]string, error) {
	if formula == "" {
		return nil, congthuong.Errorf(congthuong.EINVALID, "stats.formula_needed")
	}
	tree, err := parser.Parse(formula)
	if err != nil {
		return nil, congthuong.Errorf(congthuong.EINVALID, "stats.formula_unreadable")
	}
	w := &formulaWalker{seen: map[string]bool{}}
	ast.Walk(&tree.Node, w)
	if w.err != nil {
		return nil, w.err
	}
	if len(w.codes) == 0 {
		return nil, congthuong.Errorf(congthuong.EINVALID, "stats.formula_no_indicator")
	}
	sort.Strings(w.codes)
	return w.codes, nil
}

type formulaWalker struct {
	codes []string
	seen  map[string]bool
	err   error
}

func (w *formulaWalker) Visit(node *ast.Node) {
	switch n := (*node).(type) {
	case *ast.IdentifierNode:
		if !codePattern.MatchString(n.Value) && w.err == nil {
			w.err = congthuong.Errorf(congthuong.EINVALID, "stats.formula_not_code", n.Value)
		}
		if !w.seen[n.Value] {
			w.seen[n.Value] = true
			w.codes = append(w.codes, n.Value)
		}
	case *ast.IntegerNode, *ast.FloatNode:
	case *ast.BinaryNode:
		switch n.Operator {
		case "+", "-", "*", "/":
		default:
			if w.err == nil {
				w.err = congthuong.Errorf(congthuong.EINVALID, "stats.formula_operator", n.Operator)
			}
		}
	case *ast.UnaryNode:
		if n.Operator != "-" && n.Operator != "+" && w.err == nil {
			w.err = congthuong.Errorf(congthuong.EINVALID, "stats.formula_operator", n.Operator)
		}
	default:
		if w.err == nil {
			w.err = congthuong.Errorf(congthuong.EINVALID, "stats.formula_only")
		}
	}
}

// Catalog is a consistent set of indicators: every formula and weight
// names an indicator of the set, and no formula depends on itself.
type Catalog struct {
	byCode   map[string]*Indicator
	codes    []string
	programs map[string]*vm.Program
	inputs   map[string][]string // a formula's codes
}

// NewCatalog checks a set of indicators and compiles their formulas. Its
// error names each wrong indicator by its position (row) and field.
func NewCatalog(list []Indicator) (*Catalog, error) {
	c := &Catalog{byCode: map[string]*Indicator{}, programs: map[string]*vm.Program{}, inputs: map[string][]string{}}
	var v congthuong.Validation
	for i := range list {
		ind := list[i]
		ind.Normalize()
		ind.ValidateInto(&v, i+1)
		if _, dup := c.byCode[ind.Code]; dup {
			v.AddRow(i+1, "code", "stats.code_used_twice", ind.Code)
		}
		c.byCode[ind.Code] = &ind
		c.codes = append(c.codes, ind.Code)
	}
	if err := v.Err("stats.indicators_inconsistent"); err != nil {
		return nil, err
	}
	for i, code := range c.codes {
		ind := c.byCode[code]
		if ind.Aggregation == Weighted {
			if _, ok := c.byCode[ind.Weight]; !ok {
				v.AddRow(i+1, "weight", "stats.no_indicator", ind.Weight)
			}
		}
		if ind.Kind != Formula {
			continue
		}
		codes, _ := formulaCodes(ind.Formula)
		env := map[string]float64{}
		for _, in := range codes {
			if _, ok := c.byCode[in]; !ok {
				v.AddRow(i+1, "formula", "stats.no_indicator", in)
			}
			env[in] = 0
		}
		prog, err := expr.Compile(ind.Formula, expr.Env(env), expr.AsFloat64())
		if err != nil {
			v.AddRow(i+1, "formula", "stats.formula_cannot_computed")
			continue
		}
		c.programs[code], c.inputs[code] = prog, codes
	}
	if err := v.Err("stats.indicators_inconsistent"); err != nil {
		return nil, err
	}
	for i, code := range c.codes {
		if cycle := c.cycleFrom(code, map[string]bool{}); cycle != "" {
			v.AddRow(i+1, "formula", "stats.formula_depends_itself_through", cycle)
		}
	}
	sort.Strings(c.codes)
	return c, v.Err("stats.indicators_inconsistent")
}

func (c *Catalog) cycleFrom(code string, path map[string]bool) string {
	if path[code] {
		return code
	}
	path[code] = true
	defer delete(path, code)
	for _, in := range c.inputs[code] {
		if cyc := c.cycleFrom(in, path); cyc != "" {
			return code + " → " + cyc
		}
	}
	return ""
}

// Get returns an indicator by code.
func (c *Catalog) Get(code string) (*Indicator, bool) {
	ind, ok := c.byCode[strings.ToUpper(code)]
	return ind, ok
}

// Codes returns every code, sorted.
func (c *Catalog) Codes() []string { return c.codes }

// Inputs returns the codes a formula indicator is computed from.
func (c *Catalog) Inputs(code string) []string { return c.inputs[code] }

// Evaluate computes a formula indicator from its inputs' values; false when
// an input is missing or the result is not a number (a division by zero).
func (c *Catalog) Evaluate(code string, values map[string]float64) (float64, bool) {
	prog, ok := c.programs[code]
	if !ok {
		return 0, false
	}
	for _, in := range c.inputs[code] {
		if _, ok := values[in]; !ok {
			return 0, false
		}
	}
	out, err := expr.Run(prog, values)
	if err != nil {
		return 0, false
	}
	f, ok := out.(float64)
	if !ok || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

//go:embed indicators.json
var indicatorsJSON []byte

// DefaultIndicators returns the department's usual indicators, which a new
// installation starts with.
func DefaultIndicators() []Indicator {
	var list []Indicator
	if err := json.Unmarshal(indicatorsJSON, &list); err != nil {
		panic("stats: indicators.json: " + err.Error())
	}
	return list
}
