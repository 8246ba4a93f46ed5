package enterprise_test

import (
	"context"
	"strings"
	"testing"

	"congthuong"
	"congthuong/internal/enterprise"
	"congthuong/internal/tabular"
)

func TestRowsFromTable(t *testing.T) {
	tab, _ := tabular.Read(strings.NewReader("Mã số thuế,Tên doanh nghiệp,Mã xã,fax\n0100233488,A,11560,1\n"))
	_, err := enterprise.RowsFromTable(tab)
	if fields := congthuong.ErrorFields(err); len(fields) != 1 || fields[0].Field != "fax" || fields[0].Row != 1 {
		t.Errorf("unknown column: %v", err)
	}
	tab, _ = tabular.Read(strings.NewReader("name\nA\n"))
	_, err = enterprise.RowsFromTable(tab)
	if fields := congthuong.ErrorFields(err); len(fields) != 2 {
		t.Errorf("missing columns: %v", err)
	}
	tab, _ = tabular.Read(strings.NewReader("tax_code,name,unit_code\n0100233488,A,11560\n0100233488,B,11560\n0100233480,,\n"))
	rows, err := enterprise.RowsFromTable(tab)
	if err != nil || len(rows) != 3 {
		t.Fatalf("rows: %v %v", rows, err)
	}
	var v congthuong.Validation
	enterprise.ValidateRows(rows, &v)
	got := map[string]bool{}
	for _, f := range congthuong.ErrorFields(v.Err("x")) {
		got[f.Field+"@"+string(rune('0'+f.Row))] = true
	}
	for _, want := range []string{"tax_code@3", "tax_code@4", "name@4", "unit_code@4"} {
		if !got[want] {
			t.Errorf("missing %s in %v", want, got)
		}
	}
}

// FuzzImport feeds arbitrary files through the enterprise importer's
// parsing and validation: it must never panic, and every problem it reports
// names a row inside the file and a field.
func FuzzImport(f *testing.F) {
	f.Add("tax_code,name,unit_code\n0100233488,A,11560\n")
	f.Add("\ufeffMã số thuế;Tên doanh nghiệp;Mã xã\n0100233480;;x\n")
	f.Add("tax_code,name,unit_code,email\n0314409058-002,\"B, C\",31,a@b\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		var rows []enterprise.ImportRow
		for r, err := range enterprise.ReadImport(strings.NewReader(in))(context.Background()) {
			if err != nil {
				for _, fe := range congthuong.ErrorFields(err) {
					if fe.Field == "" {
						t.Fatalf("problem without a field: %+v", fe)
					}
				}
				return
			}
			rows = append(rows, r)
		}
		var v congthuong.Validation
		enterprise.ValidateRows(rows, &v)
		last := 1
		if n := len(rows); n > 0 {
			last = rows[n-1].Line
		}
		for _, fe := range congthuong.ErrorFields(v.Err("x")) {
			if fe.Row < 2 || fe.Row > last || fe.Field == "" {
				t.Fatalf("problem outside the file: %+v (last line %d)", fe, last)
			}
		}
	})
}
