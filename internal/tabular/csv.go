package tabular

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// Spreadsheet programs run a CSV cell that begins with = + - @, a tab or a
// carriage return as a formula (=HYPERLINK(…) in a figure's source). Such
// cells are written with a leading apostrophe, which spreadsheets show as
// text, unless they are plain numbers (-5 stays a number); reading strips
// the apostrophe again, so an export imports back unchanged (OWASP, "CSV
// injection").

// formulaStart reports whether a spreadsheet would take s for a formula.
func formulaStart(s string) bool {
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
}

// escaped reports whether s, past any apostrophes it begins with, would
// be taken for a formula: such cells get one more apostrophe when written
// and lose one when read, so that text beginning with an apostrophe comes
// back as it was too.
func escaped(s string) bool {
	rest := strings.TrimLeft(s, "'")
	if !formulaStart(rest) {
		return false
	}
	_, err := strconv.ParseFloat(rest, 64)
	return err != nil || rest != s
}

// SafeCell returns s as it is safe to write in a CSV cell.
func SafeCell(s string) string {
	if escaped(s) {
		return "'" + s
	}
	return s
}

// unsafeCell undoes SafeCell.
func unsafeCell(s string) string {
	if strings.HasPrefix(s, "'") && escaped(s[1:]) {
		return s[1:]
	}
	return s
}

// WriteCSV writes a header and the rows rows emits as CSV, each cell made
// safe with SafeCell.
func WriteCSV(w io.Writer, header []string, rows func(emit func([]string) error) error) error {
	cw := csv.NewWriter(w)
	safe := func(rec []string) error {
		out := make([]string, len(rec))
		for i, c := range rec {
			out[i] = SafeCell(c)
		}
		return cw.Write(out)
	}
	if err := safe(header); err != nil {
		return err
	}
	if err := rows(safe); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}
