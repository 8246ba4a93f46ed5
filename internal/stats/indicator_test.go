package stats

import (
	"strings"
	"testing"

	"congthuong"
)

func TestDefaultIndicators(t *testing.T) {
	c, err := NewCatalog(DefaultIndicators())
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"IIP", "RETAIL_SALES", "EXPORTS", "IMPORTS", "TRADE_BALANCE", "ECOMMERCE_INDEX",
		"CLUSTERS", "CLUSTER_AREA", "ELECTRICITY_SUPPLIED"} {
		if ind, ok := c.Get(code); !ok || ind.NameVI == "" || ind.NameEN == "" {
			t.Errorf("%s missing or unnamed", code)
		}
	}
	if v, ok := c.Evaluate("TRADE_BALANCE", map[string]float64{"EXPORTS": 36400, "IMPORTS": 28300}); !ok || v != 8100 {
		t.Errorf("trade balance: %v %v", v, ok)
	}
	if _, ok := c.Evaluate("TRADE_BALANCE", map[string]float64{"EXPORTS": 36400}); ok {
		t.Error("a formula with a missing input has a value")
	}
}

func TestIndicatorValidation(t *testing.T) {
	base := func() Indicator {
		return Indicator{Code: "X_SALES", NameVI: "x", NameEN: "x", Measure: "tỷ đồng", Kind: Flow}
	}
	for name, test := range map[string]struct {
		change func(*Indicator)
		field  string
	}{
		"lower-case code normalised": {func(i *Indicator) { i.Code = " x_sales " }, ""},
		"bad code":                   {func(i *Indicator) { i.Code = "1X" }, "code"},
		"no name":                    {func(i *Indicator) { i.NameVI = " " }, "name_vi"},
		"no measure":                 {func(i *Indicator) { i.Measure = "" }, "measure"},
		"unknown kind":               {func(i *Indicator) { i.Kind = "ratio2" }, "kind"},
		"summed index":               {func(i *Indicator) { i.Kind, i.Aggregation = Index, Sum }, "aggregation"},
		"weighted without weight":    {func(i *Indicator) { i.Aggregation = Weighted }, "weight"},
		"formula on a flow":          {func(i *Indicator) { i.Formula = "A + B" }, "formula"},
		"formula without formula":    {func(i *Indicator) { i.Kind = Formula }, "formula"},
		"formula with a call":        {func(i *Indicator) { i.Kind, i.Formula = Formula, "max(EXPORTS, 1)" }, "formula"},
		"formula with a comparison":  {func(i *Indicator) { i.Kind, i.Formula = Formula, "EXPORTS > IMPORTS" }, "formula"},
		"formula not readable":       {func(i *Indicator) { i.Kind, i.Formula = Formula, "EXPORTS -* (" }, "formula"},
		"formula of numbers only":    {func(i *Indicator) { i.Kind, i.Formula = Formula, "1 + 2" }, "formula"},
		"a good formula":             {func(i *Indicator) { i.Kind, i.Formula = Formula, "(EXPORTS - IMPORTS) / EXPORTS * 100" }, ""},
		"too many decimals":          {func(i *Indicator) { i.Decimals = 9 }, "decimals"},
		"versus last year on a flow": {func(i *Indicator) { i.VersusLastYear = true }, "versus_last_year"},
	} {
		ind := base()
		test.change(&ind)
		ind.Normalize()
		err := ind.Validate()
		fields := congthuong.ErrorFields(err)
		if test.field == "" && err != nil || test.field != "" && (len(fields) == 0 || fields[0].Field != test.field) {
			t.Errorf("%s: %v; want a problem with %q", name, err, test.field)
		}
	}
}

func TestCatalogConsistency(t *testing.T) {
	list := func(extra ...Indicator) []Indicator { return append(DefaultIndicators(), extra...) }
	f := func(code, formula string) Indicator {
		return Indicator{Code: code, NameVI: code, NameEN: code, Measure: "%", Kind: Formula, Formula: formula}
	}
	for name, test := range map[string]struct {
		list []Indicator
		want string
	}{
		"unknown input":  {list(f("SHARE", "EXPORTS / GDP")), "no indicator GDP"},
		"cycle":          {list(f("A_X", "B_X + 1"), f("B_X", "A_X * 2")), "depends on itself"},
		"self":           {list(f("A_X", "A_X + 1")), "depends on itself"},
		"duplicate code": {list(DefaultIndicators()[0]), "used twice"},
		"unknown weight": {list(Indicator{Code: "IIP_W", NameVI: "x", NameEN: "x", Measure: "%", Kind: Index, Aggregation: Weighted, Weight: "VA"}), "no indicator VA"},
	} {
		_, err := NewCatalog(test.list)
		if err == nil || !strings.Contains(strings.Join(messages(err), "; "), test.want) {
			t.Errorf("%s: %v; want %q", name, err, test.want)
		}
	}
	c, err := NewCatalog(list(f("EXPORT_SHARE", "EXPORTS / (EXPORTS + IMPORTS) * 100")))
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := c.Evaluate("EXPORT_SHARE", map[string]float64{"EXPORTS": 0, "IMPORTS": 0}); ok {
		t.Errorf("0/0 gave %v", v)
	}
	if v, ok := c.Evaluate("EXPORT_SHARE", map[string]float64{"EXPORTS": 75, "IMPORTS": 25}); !ok || v != 75 {
		t.Errorf("export share: %v %v", v, ok)
	}
}

func messages(err error) []string {
	var out []string
	for _, f := range congthuong.ErrorFields(err) {
		out = append(out, f.Text())
	}
	return out
}

func TestDataSets(t *testing.T) {
	c, _ := NewCatalog(DefaultIndicators())
	for _, d := range DataSets() {
		if d.Code == "" || d.NameVI == "" || d.NameEN == "" || d.DueWorkingDays < 1 || (d.Level != "province" && d.Level != "commune") {
			t.Errorf("data set %+v", d)
		}
		for _, code := range d.Indicators {
			if ind, ok := c.Get(code); !ok || ind.Kind == Formula {
				t.Errorf("data set %s: %s is not a stored indicator", d.Code, code)
			}
		}
		if !d.Fits(Period{Year: 2024, First: 1, Last: 1, Kind: Month}) && d.Frequency == "month" {
			t.Errorf("%s does not fit a month", d.Code)
		}
	}
}
