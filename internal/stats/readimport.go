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
type parsedRow struct {
	row      ValueRow
	problems []congthuong.FieldError
}

// ReadValueImport reads a value file (CSV or XLSX with the columns
// indicator, unit, period, value[, status, source]) as it is parsed. A row
// that cannot be read is yielded as an error naming its row and columns
// and reading goes on, so that one report lists every problem; a wrong
// header or an unreadable file ends the reading.
func ReadValueImport(r io.Reader) tabular.Source[ValueRow] {
	return func(ctx context.Context) iter.Seq2[ValueRow, error] {
		return func(yield func(ValueRow, error) bool) {
			rows := tabular.Stream(ctx, r, func(header []string) (func(tabular.Row) parsedRow, error) {
				cols, err := valueColumns(header)
				if err != nil {
					return nil, err
				}
				return func(row tabular.Row) parsedRow {
					var v congthuong.Validation
					vr, _ := ParseValueRecord(row.Line, func(c string) string {
						if i, ok := cols[c]; ok {
							return row.Cell(i)
						}
						return ""
					}, &v)
					return parsedRow{row: vr, problems: congthuong.ErrorFields(v.Err("x"))}
				}, nil
			})
			for p, err := range rows {
				if err != nil {
					yield(ValueRow{}, tabular.FileError(err, ErrNoValueRows))
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

func valueColumns(header []string) (map[string]int, error) {
	return tabular.CheckHeader(header, valueHeaderAliases, ValueColumns, []string{"indicator", "unit", "period", "value"})
}

// RowFields gives an importer the row's problems, so that it lists them and
// reads on.
func (p *RowProblems) RowFields() []congthuong.FieldError { return p.Fields }
