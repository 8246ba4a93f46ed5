package stats

import (
	"context"
	"errors"
	"strings"
	"testing"

	"congthuong"
)

func TestReadValueImport(t *testing.T) {
	in := "Chỉ tiêu;Đơn vị;Kỳ;Giá trị;Trạng thái\nRETAIL_SALES;31;2024;225.784,0;\nEXPORTS;31;2024Q5;x;final\nIIP;31;2024-04;115,43;official\n"
	var rows []ValueRow
	var problems []congthuong.FieldError
	for r, err := range ReadValueImport(strings.NewReader(in))(context.Background()) {
		var rp *RowProblems
		switch {
		case errors.As(err, &rp):
			problems = append(problems, rp.Fields...)
		case err != nil:
			t.Fatal(err)
		default:
			rows = append(rows, r)
		}
	}
	if len(rows) != 2 || rows[0].Value != 225784 || rows[0].Line != 2 || rows[1].Value != 115.43 || rows[1].Period.String() != "2024-04" {
		t.Errorf("rows: %+v", rows)
	}
	if len(problems) != 3 || problems[0].Row != 3 {
		t.Errorf("problems of row 3: %+v", problems)
	}
	for text, field := range map[string]string{
		"indicator,unit,period\nX,31,2024\n": "value",
		"indicator,unit,period,value,fax\n":  "fax",
		"indicator,unit,period,value\n\n":    "indicator", // no data rows
		"PK\x03\x04not really a workbook":    "file",
	} {
		var got error
		for _, err := range ReadValueImport(strings.NewReader(text))(context.Background()) {
			got = err
		}
		if f := congthuong.ErrorFields(got); len(f) == 0 || f[0].Field != field {
			t.Errorf("%q: %v; want a problem with %s", text, got, field)
		}
	}
}

func FuzzReadValueImport(f *testing.F) {
	f.Add("indicator,unit,period,value\nEXPORTS,31,2024,1\n")
	f.Add("Chỉ tiêu;Đơn vị;Kỳ;Giá trị\nIIP;31;2024-01..2024-04;112,5\n")
	f.Fuzz(func(t *testing.T, in string) {
		for r, err := range ReadValueImport(strings.NewReader(in))(context.Background()) {
			var rp *RowProblems
			if errors.As(err, &rp) {
				for _, p := range rp.Fields {
					if p.Row < 2 || p.Field == "" {
						t.Fatalf("problem outside the rows: %+v", p)
					}
				}
				continue
			}
			if err == nil && (!r.Period.Valid() || r.Indicator == "" || r.UnitCode == "") {
				t.Fatalf("a row without a problem is incomplete: %+v", r)
			}
		}
	})
}
