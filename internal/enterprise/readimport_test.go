package enterprise_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"congthuong"
	"congthuong/internal/enterprise"
)

func TestReadImport(t *testing.T) {
	collect := func(in string, stopAfter int) (lines []int, err error) {
		for r, e := range enterprise.ReadImport(strings.NewReader(in))(context.Background()) {
			if e != nil {
				return lines, e
			}
			lines = append(lines, r.Line)
			if len(lines) == stopAfter {
				break
			}
		}
		return lines, nil
	}
	var big strings.Builder
	big.WriteString("Mã số thuế;Tên doanh nghiệp;Mã xã\n\n")
	for i := range 2000 {
		fmt.Fprintf(&big, "0100233488;Công ty %d;11560\n", i)
	}
	lines, err := collect(big.String(), 0)
	if err != nil || len(lines) != 2000 || lines[0] != 3 || lines[1999] != 2002 {
		t.Errorf("2,000 rows: got %d rows (first %v), %v", len(lines), lines[:min(1, len(lines))], err)
	}
	// Stopping early ends the reading without waiting for the rest.
	if lines, err := collect(big.String(), 10); err != nil || len(lines) != 10 {
		t.Errorf("stop after 10: %d rows, %v", len(lines), err)
	}
	for _, test := range []struct {
		name, in string
		rows     int
		field    string
		row      int
	}{
		{"unknown column", "tax_code,name,unit_code,fax\n0100233488,A,11560,1\n", 0, "fax", 1},
		{"missing column", "name\nA\n", 0, "tax_code", 1},
		{"no data rows", "tax_code,name,unit_code\n\n", 0, "tax_code", 2},
		{"empty file", "", 0, "file", 0},
		{"broken quote after good rows", "tax_code,name,unit_code\n0100233488,A,11560\n0100233488,\"B,11560\n", 0, "file", 0},
	} {
		t.Run(test.name, func(t *testing.T) {
			lines, err := collect(test.in, 0)
			fields := congthuong.ErrorFields(err)
			if len(lines) != test.rows || congthuong.ErrorCode(err) != congthuong.EINVALID || len(fields) == 0 ||
				fields[0].Field != test.field || fields[0].Row != test.row {
				t.Errorf("got %d rows and %v; want %d rows and a problem with %s on row %d", len(lines), err, test.rows, test.field, test.row)
			}
		})
	}
}
