package tabular_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"congthuong/internal/tabular"
)

func TestReadCSV(t *testing.T) {
	for _, test := range []struct {
		name, in string
		header   []string
		rows     [][]string
		lines    []int
	}{
		{"commas", "a,b\n1,2\n", []string{"a", "b"}, [][]string{{"1", "2"}}, []int{2}},
		{"semicolons and BOM", "\ufeffa;b\n1;\"x;y\"\n", []string{"a", "b"}, [][]string{{"1", "x;y"}}, []int{2}},
		{"blank lines keep line numbers", "\na,b\n\n1,2\n , \n3,4", []string{"a", "b"}, [][]string{{"1", "2"}, {"3", "4"}}, []int{4, 6}},
		{"short rows", "a,b,c\n1\n", []string{"a", "b", "c"}, [][]string{{"1"}}, []int{2}},
		{"CRLF and spaces", "a , b\r\n 1 , Hải Phòng \r\n", []string{"a", "b"}, [][]string{{"1", "Hải Phòng"}}, []int{2}},
	} {
		t.Run(test.name, func(t *testing.T) {
			tab, err := tabular.Read(strings.NewReader(test.in))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(test.header, tab.Header); diff != "" {
				t.Errorf("header: %s", diff)
			}
			var rows [][]string
			var lines []int
			for _, r := range tab.Rows {
				rows, lines = append(rows, r.Cells), append(lines, r.Line)
			}
			if diff := cmp.Diff(test.rows, rows); diff != "" {
				t.Errorf("rows: %s", diff)
			}
			if diff := cmp.Diff(test.lines, lines); diff != "" {
				t.Errorf("lines: %s", diff)
			}
		})
	}
	for name, in := range map[string]string{"empty": "", "only blanks": "\n \n", "bad quote": "a\n\"x\n", "latin-1": "a\n\xe0\n"} {
		if _, err := tabular.Read(strings.NewReader(in)); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
}

func TestXLSXRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	rows := [][]string{{"0100233488", "Công ty Thủy Nguyên", "11560"}, {"0012345678", "", "31"}}
	err := tabular.WriteXLSX(&buf, "units", []string{"tax_code", "name", "unit_code"}, func(emit func([]string) error) error {
		for _, r := range rows {
			if err := emit(r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	tab, err := tabular.Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if tab.Header[0] != "tax_code" || len(tab.Rows) != 2 || tab.Rows[1].Cell(0) != "0012345678" || tab.Rows[0].Cell(1) != "Công ty Thủy Nguyên" {
		t.Errorf("round trip: %+v", tab)
	}
	if _, err := tabular.Read(strings.NewReader("PK\x03\x04 not a zip")); err == nil {
		t.Error("a broken workbook was read")
	}
}

// TestXLSXDates: a date typed in a spreadsheet, in its own short date
// format or in a day-first one, reads day first; the 5th of March is
// never the 3rd of May.
func TestXLSXDates(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	short, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	dayFirst := "dd/mm/yyyy"
	custom, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dayFirst})
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)
	_ = f.SetSheetRow("Sheet1", "A1", &[]string{"short", "custom"})
	_ = f.SetCellValue("Sheet1", "A2", day)
	_ = f.SetCellValue("Sheet1", "B2", day)
	_ = f.SetCellStyle("Sheet1", "A2", "A2", short)
	_ = f.SetCellStyle("Sheet1", "B2", "B2", custom)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	tab, err := tabular.Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Rows) != 1 || tab.Rows[0].Cell(0) != "05/03/2026" || tab.Rows[0].Cell(1) != "05/03/2026" {
		t.Errorf("dates read as %v", tab.Rows)
	}
}
