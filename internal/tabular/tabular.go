// Package tabular reads and writes the spreadsheets users exchange with the
// platform: CSV (comma or semicolon, with or without a byte-order mark) and
// XLSX (first sheet). Every import in the platform starts here.
package tabular

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"congthuong"
)

// Table is a header row and the data rows under it.
type Table struct {
	Header []string
	Rows   []Row
}

// Row is one data row; Line is its 1-based row number in the file as the
// user sees it (the header is line 1).
type Row struct {
	Line  int
	Cells []string
}

// Cell returns the cell in column i, or "" past the row's end.
func (r Row) Cell(i int) string {
	if i < 0 || i >= len(r.Cells) {
		return ""
	}
	return r.Cells[i]
}

// MaxRows bounds an import so that a wrong file cannot exhaust memory.
const MaxRows = 1_000_000

// MaxBlankRows bounds the blank rows of a file, which are skipped but still
// cost parsing: a workbook of a million empty rows is a few hundred
// kilobytes that would otherwise take a minute to read.
const MaxBlankRows = 10_000

var zipMagic = []byte("PK\x03\x04")

// Read reads a CSV or XLSX file, telling them apart by content.
func Read(r io.Reader) (*Table, error) {
	t := &Table{}
	err := Scan(context.Background(), r, func(h []string) error {
		t.Header = h
		return nil
	}, func(row Row) error {
		t.Rows = append(t.Rows, row)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// Scan reads a CSV or XLSX file row by row, so that a large import can be
// checked and written while it is still being read: header gets the header
// row, then row each data row. Blank rows are skipped. An error from header
// or row stops the scan and is returned, and so does ctx's error once it
// ends: every row, blank or not, checks it.
func Scan(ctx context.Context, r io.Reader, header func([]string) error, row func(Row) error) error {
	br := bufio.NewReader(r)
	sink := &scanner{ctx: ctx, header: header, row: row}
	head, _ := br.Peek(4)
	var err error
	if bytes.Equal(head, zipMagic) {
		err = scanXLSX(br, sink)
	} else {
		err = scanCSV(br, sink)
	}
	if err == nil && !sink.sawHeader {
		err = fileProblem("file.empty")
	}
	return err
}

// scanCSV reads UTF-8 CSV separated by commas or, as Excel writes it in
// Vietnamese locales, semicolons.
func scanCSV(r io.Reader, sink *scanner) error {
	br := bufio.NewReader(r)
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	first, _ := br.Peek(4096)
	line := first
	if i := bytes.IndexByte(first, '\n'); i >= 0 {
		line = first[:i]
	}
	cr := csv.NewReader(br)
	if bytes.Count(line, []byte{';'}) > bytes.Count(line, []byte{','}) {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return fmt.Errorf("CSV %w", err)
		}
		// encoding/csv skips empty lines; FieldPos gives the line as the
		// user's editor numbers it.
		n, _ := cr.FieldPos(0)
		for i, c := range rec {
			if !utf8.ValidString(c) {
				return fmt.Errorf("CSV line %d is not UTF-8 text; save the file as \"CSV UTF-8\"", n)
			}
			rec[i] = unsafeCell(strings.TrimSpace(c))
		}
		if err := sink.add(n, rec); err != nil {
			return err
		}
	}
}

// scanXLSX reads the first sheet of a workbook, once its parts are known
// to unpack within the limits (unzip.go).
func scanXLSX(r io.Reader, sink *scanner) error {
	data, err := readWorkbook(r)
	if err != nil {
		return err
	}
	// A date cell in the spreadsheet's own short date format (format 14,
	// which follows the reader's regional settings) is read day first, as
	// Vietnamese lists write dates, rather than in the American order that
	// would swap day and month up to the 12th.
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: MaxUnpacked, UnzipXMLSizeLimit: spillAbove, ShortDatePattern: "dd/mm/yyyy"})
	if err != nil {
		return fileProblem("file.not_xlsx")
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return fileProblem("file.no_sheet")
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return err
	}
	defer rows.Close()
	for n := 1; rows.Next(); n++ {
		rec, err := rows.Columns()
		if err != nil {
			return fmt.Errorf("XLSX row %d: %w", n, err)
		}
		if err := sink.add(n, rec); err != nil {
			return err
		}
	}
	return rows.Error()
}

// scanner passes a file's rows on: the first non-blank one as the header,
// the later non-blank ones as data, at most MaxRows of them, with at most
// MaxBlankRows blank ones among them.
type scanner struct {
	ctx       context.Context
	header    func([]string) error
	row       func(Row) error
	sawHeader bool
	rows      int
	blanks    int
}

func (sc *scanner) add(line int, rec []string) error {
	if err := sc.ctx.Err(); err != nil {
		return err
	}
	blank := true
	for i := range rec {
		rec[i] = strings.TrimSpace(rec[i])
		if rec[i] != "" {
			blank = false
		}
	}
	if blank {
		// Including leading empty lines before the header.
		if sc.blanks++; sc.blanks > MaxBlankRows {
			return fileProblem("file.file_has_more_than_empty_rows_delete", MaxBlankRows)
		}
		return nil
	}
	if !sc.sawHeader {
		sc.sawHeader = true
		return sc.header(rec)
	}
	if sc.rows >= MaxRows {
		return fileProblem("db.file_has_more_than_rows_split", MaxRows)
	}
	sc.rows++
	return sc.row(Row{Line: line, Cells: rec})
}

// Columns maps header names to column indexes. Names are matched after
// trimming and lower-casing; aliases maps other accepted names (e.g. the
// Vietnamese headings) to the canonical one.
func (t *Table) Columns(aliases map[string]string) (map[string]int, []string) {
	return Columns(t.Header, aliases)
}

// Columns maps the names of a header row to column indexes; see
// Table.Columns.
func Columns(header []string, aliases map[string]string) (map[string]int, []string) {
	cols := map[string]int{}
	var unknown []string
	for i, h := range header {
		key := strings.ToLower(strings.TrimSpace(h))
		if canon, ok := aliases[key]; ok {
			key = canon
		}
		if key == "" {
			continue
		}
		if _, dup := cols[key]; dup {
			unknown = append(unknown, h+" (repeated)")
			continue
		}
		cols[key] = i
	}
	return cols, unknown
}

// CheckHeader maps a header row to column indexes (see Columns) and
// checks it: every column one of columns, the required ones present. Its
// error names each wrong column on row 1, so that an import reports them
// all at once.
func CheckHeader(header []string, aliases map[string]string, columns, required []string) (map[string]int, error) {
	cols, unknown := Columns(header, aliases)
	for name := range cols {
		if !slices.Contains(columns, name) {
			unknown = append(unknown, name)
		}
	}
	sort.Strings(unknown)
	var v congthuong.Validation
	for _, u := range unknown {
		v.AddRow(1, u, "file.unknown_column_columns", strings.Join(columns, ", "))
	}
	for _, req := range required {
		if _, ok := cols[req]; !ok {
			v.AddRow(1, req, "file.required_column_missing")
		}
	}
	return cols, v.Err("file.file_s_header_row_wrong")
}
