package stats

import (
	"context"
	"io"
	"iter"

	"congthuong"
	"congthuong/internal/tabular"
)

// valueHeaderAliases accepts the Vietnamese headings of the department's
// sheets.
var valueHeaderAliases = map[string]string{
	"chỉ tiêu": "indicator", "mã chỉ tiêu": "indicator",
	"đơn vị": "unit", "mã đơn vị": "unit", "địa phương": "unit",
	"kỳ": "period", "kỳ báo cáo": "period",
	"giá trị": "value", "số liệu": "value",
	"tốc độ tăng": "growth_pct", "tăng trưởng": "growth_pct",
	"trạng thái": "status", "nguồn": "source",
}

// ErrNoValueRows reports a value file with a header and nothing under it.
var ErrNoValueRows = &congthuong.Error{Code: congthuong.EINVALID, Message: "common.nothing_import",
	Fields: []congthuong.FieldError{{Row: 2, Field: "indicator", Message: "common.file_has_header_but_no_data_rows"}}}

// RowProblems is what is wrong with one row of a file; an importer reports
// it with the others and reads on.
type RowProblems struct {
	Fields []congthuong.FieldError
}

func (p *RowProblems) Error() string {
	return (&congthuong.Error{Code: congthuong.EINVALID, Message: "stats.invalid_row", Fields: p.Fields}).Error()
}

// parsedRow is a data row read, with the problems it has on its own.
type parsedRow[T any] struct {
	row      T
	problems []congthuong.FieldError
}

// ReadValueImport reads a value file (CSV or XLSX with the columns
// indicator, unit, period, value[, status, source]) as it is parsed. A row
// that cannot be read is yielded as an error naming its row and columns
// and reading goes on, so that one report lists every problem; a wrong
// header or an unreadable file ends the reading.
func ReadValueImport(r io.Reader) tabular.Source[ValueRow] {
	return readImport(r, ValueColumns, []string{"indicator", "unit", "period", "value"}, func(line int, get func(string) string, v *congthuong.Validation) ValueRow {
		row, _ := ParseValueRecord(line, get, v)
		return row
	})
}

// readImport reads the rows of a statistics file with columns, of which
// required must be present, parsing each with parse.
func readImport[T any](r io.Reader, columns, required []string, parse func(line int, get func(string) string, v *congthuong.Validation) T) tabular.Source[T] {
	return func(ctx context.Context) iter.Seq2[T, error] {
		return func(yield func(T, error) bool) {
			rows := tabular.Stream(ctx, r, func(header []string) (func(tabular.Row) parsedRow[T], error) {
				cols, err := tabular.CheckHeader(header, valueHeaderAliases, columns, required)
				if err != nil {
					return nil, err
				}
				return func(row tabular.Row) parsedRow[T] {
					var v congthuong.Validation
					out := parse(row.Line, func(c string) string {
						if i, ok := cols[c]; ok {
							return row.Cell(i)
						}
						return ""
					}, &v)
					return parsedRow[T]{row: out, problems: congthuong.ErrorFields(v.Err("x"))}
				}, nil
			})
			var zero T
			for p, err := range rows {
				if err != nil {
					yield(zero, tabular.FileError(err, ErrNoValueRows))
					return
				}
				if len(p.problems) > 0 {
					err = &RowProblems{Fields: p.problems}
				}
				if !yield(p.row, err) {
					return
				}
			}
		}
	}
}

// RowFields gives an importer the row's problems, so that it lists them and
// reads on.
func (p *RowProblems) RowFields() []congthuong.FieldError { return p.Fields }
