package commerce

import (
	"io"
	"strconv"

	"congthuong"
	"congthuong/internal/tabular"
)

// RetailColumns are the columns of a stores import and export.
var RetailColumns = []string{"name", "kind", "assortment", "chain", "unit_code", "address", "area_m2", "items", "operator_name",
	"operator_tax_code", "lon", "lat"}

var retailRequired = []string{"name", "kind", "unit_code"}

var retailAliases = map[string]string{
	"tên": "name", "tên cửa hàng": "name", "tên siêu thị": "name", "loại hình": "kind", "loại siêu thị": "assortment",
	"chuỗi": "chain", "thương hiệu": "chain", "mã xã": "unit_code", "địa chỉ": "address", "diện tích kinh doanh (m2)": "area_m2",
	"diện tích (m2)": "area_m2", "số tên hàng": "items", "số mặt hàng": "items", "doanh nghiệp": "operator_name",
	"tên doanh nghiệp": "operator_name", "mã số thuế": "operator_tax_code", "kinh độ": "lon", "vĩ độ": "lat",
}

// retailWords are the words a list may use for the coded columns, folded.
var retailWords = map[string]map[string]string{
	"kind": {"sieu thi": "supermarket", "trung tam thuong mai": "shopping_centre", "tttm": "shopping_centre",
		"cua hang tien loi": "convenience", "tien loi": "convenience"},
	"assortment": {"tong hop": "general", "kinh doanh tong hop": "general", "chuyen doanh": "specialised"},
}

// RetailRow is a store read from a file.
type RetailRow struct {
	Line     int
	Store    RetailStore
	Problems []congthuong.FieldError
}

// ErrNoRetailRows reports a stores file with a header and nothing under it.
var ErrNoRetailRows = &congthuong.Error{Code: congthuong.EINVALID, Message: "common.nothing_import",
	Fields: []congthuong.FieldError{{Row: 2, Field: "name", Message: "common.file_has_header_but_no_data_rows"}}}

// ReadRetailStores reads a stores import (CSV or XLSX) as it is parsed:
// the register's columns or a commune's Vietnamese headings, kinds in
// codes or words.
func ReadRetailStores(r io.Reader) tabular.Source[RetailRow] {
	return tabular.FileSource(r, ErrNoRetailRows, func(header []string) (func(tabular.Row) RetailRow, error) {
		cols, err := tabular.CheckHeader(header, retailAliases, RetailColumns, retailRequired)
		if err != nil {
			return nil, err
		}
		return func(row tabular.Row) RetailRow {
			c := &cells{cols: cols, row: row, words: retailWords}
			s := RetailStore{Name: c.get("name"), Kind: c.word("kind"), Assortment: c.word("assortment"), Chain: c.get("chain"),
				UnitCode: c.get("unit_code"), Address: c.get("address"), OperatorName: c.get("operator_name"),
				OperatorTaxCode: c.get("operator_tax_code")}
			if s.Assortment == "" {
				s.Assortment = "general"
			}
			c.count("area_m2", &s.AreaM2)
			c.count("items", &s.Items)
			s.Lon, s.Lat = c.point()
			return RetailRow{Line: row.Line, Store: s, Problems: c.problems}
		}, nil
	})
}

// RetailRecord is a store in the columns of RetailColumns.
func RetailRecord(s *RetailStore) []string {
	lon, lat := formatPoint(s.Lon, s.Lat)
	return []string{s.Name, s.Kind, s.Assortment, s.Chain, s.UnitCode, s.Address, strconv.Itoa(s.AreaM2), strconv.Itoa(s.Items),
		s.OperatorName, s.OperatorTaxCode, lon, lat}
}
