package enterprise

import (
	"strconv"

	"congthuong"
	"congthuong/internal/tabular"
)

// ImportColumns are the columns of an enterprise import and export, in
// order. tax_code, name and unit_code are required.
var ImportColumns = []string{"tax_code", "name", "name_en", "address", "unit_code", "vsic_code", "vsic_version",
	"representative", "phone", "email"}

// headerAliases accepts the Vietnamese headings of the department's sheets.
var headerAliases = map[string]string{
	"mã số thuế":           "tax_code",
	"mst":                  "tax_code",
	"tên doanh nghiệp":     "name",
	"tên":                  "name",
	"tên tiếng anh":        "name_en",
	"địa chỉ":              "address",
	"mã đơn vị hành chính": "unit_code",
	"mã xã":                "unit_code",
	"mã ngành":             "vsic_code",
	"ngành vsic":           "vsic_code",
	"phiên bản vsic":       "vsic_version",
	"người đại diện":       "representative",
	"điện thoại":           "phone",
	"email":                "email",
}

// ImportRow is an enterprise read from a file, with its line number.
type ImportRow struct {
	Line       int
	Enterprise Enterprise
}

// RowsFromTable turns a table into enterprises. It fails only on a wrong
// header (unknown or missing columns, no data); the rows themselves are
// checked by ValidateRows and the store, so that one report lists every
// problem of every row.
func RowsFromTable(t *tabular.Table) ([]ImportRow, error) {
	m, err := NewRowMapper(t.Header)
	if err != nil {
		return nil, err
	}
	if len(t.Rows) == 0 {
		return nil, ErrEmptyFile
	}
	rows := make([]ImportRow, 0, len(t.Rows))
	for _, r := range t.Rows {
		rows = append(rows, m.Row(r))
	}
	return rows, nil
}

// ErrEmptyFile reports an enterprise file with a header and nothing under it.
var ErrEmptyFile = &congthuong.Error{Code: congthuong.EINVALID, Message: "common.nothing_import",
	Fields: []congthuong.FieldError{{Row: 2, Field: "tax_code", Message: "common.file_has_header_but_no_data_rows"}}}

// RowMapper turns the rows of a file into enterprises by its header.
type RowMapper struct {
	cols map[string]int
}

// NewRowMapper checks a header row: every column known (Vietnamese headings
// accepted), the required ones present.
func NewRowMapper(header []string) (*RowMapper, error) {
	cols, err := tabular.CheckHeader(header, headerAliases, ImportColumns, []string{"tax_code", "name", "unit_code"})
	if err != nil {
		return nil, err
	}
	return &RowMapper{cols: cols}, nil
}

// Row returns the enterprise of a data row, normalised.
func (m *RowMapper) Row(r tabular.Row) ImportRow {
	get := func(name string) string {
		if i, ok := m.cols[name]; ok {
			return r.Cell(i)
		}
		return ""
	}
	e := Enterprise{
		TaxCode: get("tax_code"), Name: get("name"), NameEN: get("name_en"), Address: get("address"),
		UnitCode: get("unit_code"), VSICCode: get("vsic_code"), VSICVersion: get("vsic_version"),
		Representative: get("representative"), Phone: get("phone"), Email: get("email"),
	}
	e.Normalize()
	return ImportRow{Line: r.Line, Enterprise: e}
}

// ValidateRows adds every problem of rows that needs no database to v:
// invalid fields, and a tax code repeated within the file.
func ValidateRows(rows []ImportRow, v *congthuong.Validation) {
	var rc RowChecker
	for i := range rows {
		rc.Check(&rows[i], v)
	}
}

// RowChecker checks the rows of one file in order.
type RowChecker struct {
	seen map[string]int
}

// Check normalises r and adds its problems that need no database to v:
// invalid fields, and a tax code already on an earlier row.
func (rc *RowChecker) Check(r *ImportRow, v *congthuong.Validation) {
	if rc.seen == nil {
		rc.seen = map[string]int{}
	}
	r.Enterprise.Normalize()
	r.Enterprise.ValidateInto(v, r.Line)
	tc := r.Enterprise.TaxCode
	if first, dup := rc.seen[tc]; dup && tc != "" {
		v.AddRow(r.Line, "tax_code", "enterprise.tax_code_already_row", tc, strconv.Itoa(first))
	} else {
		rc.seen[tc] = r.Line
	}
}

// Record returns e's fields in ImportColumns order, for export.
func (e *Enterprise) Record() []string {
	return []string{e.TaxCode, e.Name, e.NameEN, e.Address, e.UnitCode, e.VSICCode, e.VSICVersion,
		e.Representative, e.Phone, e.Email}
}
