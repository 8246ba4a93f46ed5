package procedure

import (
	"slices"
	"strings"
	"testing"

	"congthuong"
)

// TestReadStatement reads a bank's statement as exported: its own headings,
// codes typed with spaces or in lower case, debits and totals skipped; a
// bad amount names its row and nothing is returned.
func TestReadStatement(t *testing.T) {
	csv := "Ngày,Số tiền,Nội dung,Số dư\n" +
		"07/12/2026,200.000,CT DEN:123 SCT31-261207-0001 Cong ty A,1.000.000\n" +
		"07/12/2026,\"150,000\",thanh toan x11560 260302 0004,\n" +
		"07/12/2026,,rut tien,\n" +
		"07/12/2026,50000,khong co ma,\n"
	got, err := ReadStatement(strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	want := []Payment{{2, 200000, "SCT31-261207-0001"}, {3, 150000, "X11560-260302-0004"}, {5, 50000, ""}}
	if !slices.Equal(got, want) {
		t.Errorf("payments %+v, want %+v", got, want)
	}
	_, err = ReadStatement(strings.NewReader("Số tiền,Nội dung\nabc,SCT31-261207-0001\n-5,x\n"))
	if f := congthuong.ErrorFields(err); len(f) != 2 || f[0].Row != 2 || f[1].Row != 3 {
		t.Errorf("bad amounts: %v", err)
	}
	long := "Số tiền,Nội dung\n" + strings.Repeat("1000,x\n", MaxStatementRows+1)
	if _, err := ReadStatement(strings.NewReader(long)); congthuong.ErrorCode(err) != congthuong.EINVALID {
		t.Errorf("a statement over %d rows: %v", MaxStatementRows, err)
	}
	if _, err := ReadStatement(strings.NewReader("Ngày,Số dư\n1,2\n")); len(congthuong.ErrorFields(err)) != 2 {
		t.Errorf("no amount nor description column: %v", err)
	}
}
