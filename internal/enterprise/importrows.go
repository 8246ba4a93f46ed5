package enterprise

import (
	"sort"
	"strconv"
	"strings"

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
	cols, unknown := t.Columns(headerAliases)
	var v congthuong.Validation
	known := map[string]bool{}
	for _, c := range ImportColumns {
		known[c] = true
	}
	for name := range cols {
		if !known[name] {
			unknown = append(unknown, name)
		}
	}
	sort.Strings(unknown)
	for _, u := range unknown {
		v.AddRow(1, u, "unknown column; the columns are "+strings.Join(ImportColumns, ", "))
	}
	for _, req := range []string{"tax_code", "name", "unit_code"} {
		if _, ok := cols[req]; !ok {
			v.AddRow(1, req, "required column is missing")
		}
	}
	if v.Len() > 0 {
		return nil, v.Err("the file's header row is wrong")
	}
	if len(t.Rows) == 0 {
		v.AddRow(2, "tax_code", "the file has a header but no data rows")
		return nil, v.Err("nothing to import")
	}
	get := func(r tabular.Row, name string) string {
		if i, ok := cols[name]; ok {
			return r.Cell(i)
		}
		return ""
	}
	rows := make([]ImportRow, 0, len(t.Rows))
	for _, r := range t.Rows {
		e := Enterprise{
			TaxCode: get(r, "tax_code"), Name: get(r, "name"), NameEN: get(r, "name_en"), Address: get(r, "address"),
			UnitCode: get(r, "unit_code"), VSICCode: get(r, "vsic_code"), VSICVersion: get(r, "vsic_version"),
			Representative: get(r, "representative"), Phone: get(r, "phone"), Email: get(r, "email"),
		}
		e.Normalize()
		rows = append(rows, ImportRow{Line: r.Line, Enterprise: e})
	}
	return rows, nil
}

// ValidateRows normalises the rows and adds every problem that needs no
// database to v: invalid fields, and a tax code repeated within the file.
func ValidateRows(rows []ImportRow, v *congthuong.Validation) {
	seen := make(map[string]int, len(rows))
	for i := range rows {
		r := &rows[i]
		r.Enterprise.Normalize()
		r.Enterprise.ValidateInto(v, r.Line)
		tc := r.Enterprise.TaxCode
		if first, dup := seen[tc]; dup && tc != "" {
			v.AddRow(r.Line, "tax_code", "tax code "+tc+" is already on row "+strconv.Itoa(first))
		} else {
			seen[tc] = r.Line
		}
	}
}

// Record returns e's fields in ImportColumns order, for export.
func (e *Enterprise) Record() []string {
	return []string{e.TaxCode, e.Name, e.NameEN, e.Address, e.UnitCode, e.VSICCode, e.VSICVersion,
		e.Representative, e.Phone, e.Email}
}
