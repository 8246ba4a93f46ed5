// Package tabular reads and writes the spreadsheets users exchange with the
// platform: CSV (comma or semicolon, with or without a byte-order mark) and
// XLSX (first sheet). Every import in the platform starts here.
package tabular

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
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

var zipMagic = []byte("PK\x03\x04")

// Read reads a CSV or XLSX file, telling them apart by content.
func Read(r io.Reader) (*Table, error) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(4)
	if bytes.Equal(head, zipMagic) {
		return ReadXLSX(br)
	}
	return ReadCSV(br)
}

// ReadCSV reads UTF-8 CSV separated by commas or, as Excel writes it in
// Vietnamese locales, semicolons.
func ReadCSV(r io.Reader) (*Table, error) {
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
	t := &Table{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("CSV %w", err)
		}
		// encoding/csv skips empty lines; FieldPos gives the line as the
		// user's editor numbers it.
		n, _ := cr.FieldPos(0)
		for _, c := range rec {
			if !utf8.ValidString(c) {
				return nil, fmt.Errorf("CSV line %d is not UTF-8 text; save the file as \"CSV UTF-8\"", n)
			}
		}
		if err := t.add(n, rec); err != nil {
			return nil, err
		}
	}
	return t.done()
}

// ReadXLSX reads the first sheet of a workbook.
func ReadXLSX(r io.Reader) (*Table, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, fmt.Errorf("not a readable XLSX workbook: %w", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, errors.New("the workbook has no sheet")
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	t := &Table{}
	for n := 1; rows.Next(); n++ {
		rec, err := rows.Columns()
		if err != nil {
			return nil, fmt.Errorf("XLSX row %d: %w", n, err)
		}
		if err := t.add(n, rec); err != nil {
			return nil, err
		}
	}
	return t.done()
}

func (t *Table) add(line int, rec []string) error {
	blank := true
	for i := range rec {
		rec[i] = strings.TrimSpace(rec[i])
		if rec[i] != "" {
			blank = false
		}
	}
	if t.Header == nil {
		if blank {
			return nil // leading empty lines before the header
		}
		t.Header = rec
		return nil
	}
	if blank {
		return nil
	}
	if len(t.Rows) >= MaxRows {
		return fmt.Errorf("the file has more than %d rows; split it", MaxRows)
	}
	t.Rows = append(t.Rows, Row{Line: line, Cells: rec})
	return nil
}

func (t *Table) done() (*Table, error) {
	if t.Header == nil {
		return nil, errors.New("the file is empty: it needs a header row and data rows")
	}
	return t, nil
}

// Columns maps header names to column indexes. Names are matched after
// trimming and lower-casing; aliases maps other accepted names (e.g. the
// Vietnamese headings) to the canonical one.
func (t *Table) Columns(aliases map[string]string) (map[string]int, []string) {
	cols := map[string]int{}
	var unknown []string
	for i, h := range t.Header {
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
