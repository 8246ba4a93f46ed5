package commerce

import (
	"io"
	"strconv"

	"congthuong"
	"congthuong/internal/tabular"
	"congthuong/internal/unit"
)

// MarketColumns are the columns of a markets import and export.
var MarketColumns = []string{"name", "unit_code", "address", "method", "capital", "operator", "operator_name", "operator_tax_code",
	"permanent", "points", "occupied", "land_m2", "business_m2", "opening_hours", "fire_cert", "food_cert", "lon", "lat"}

var marketRequired = []string{"name", "unit_code", "method", "capital", "operator"}

var marketAliases = map[string]string{
	"tên chợ": "name", "mã xã": "unit_code", "địa chỉ": "address", "loại hình": "method", "loại hình chợ": "method",
	"nguồn vốn": "capital", "đơn vị quản lý": "operator", "mô hình quản lý": "operator", "tên đơn vị quản lý": "operator_name",
	"mã số thuế đơn vị quản lý": "operator_tax_code", "kiên cố": "permanent", "số điểm kinh doanh": "points",
	"số điểm đang sử dụng": "occupied", "diện tích đất (m2)": "land_m2", "diện tích kinh doanh (m2)": "business_m2",
	"giờ hoạt động": "opening_hours", "phòng cháy chữa cháy": "fire_cert", "an toàn thực phẩm": "food_cert",
	"kinh độ": "lon", "vĩ độ": "lat",
}

// marketWords are the words a list may use for the coded columns, folded.
var marketWords = map[string]map[string]string{
	"method": {"cho dau moi": "wholesale", "dau moi": "wholesale", "cho dan sinh": "everyday", "dan sinh": "everyday",
		"cho dem": "night", "cho cong dong": "community", "cho tam": "temporary"},
	"capital":  {"ngan sach nha nuoc": "state", "ngan sach": "state", "ngoai ngan sach": "non_state", "hon hop": "mixed"},
	"operator": {"doanh nghiep": "enterprise", "hop tac xa": "cooperative", "ban quan ly": "board", "ban quan ly cho": "board"},
}

// MarketRow is a market read from a file.
type MarketRow struct {
	Line     int
	Market   Market
	Problems []congthuong.FieldError
}

// ErrNoMarketRows reports a markets file with a header and nothing under it.
var ErrNoMarketRows = &congthuong.Error{Code: congthuong.EINVALID, Message: "common.nothing_import",
	Fields: []congthuong.FieldError{{Row: 2, Field: "name", Message: "common.file_has_header_but_no_data_rows"}}}

// ReadMarkets reads a markets import (CSV or XLSX) as it is parsed: the
// register's columns or a commune's Vietnamese headings, kinds in codes
// or words.
func ReadMarkets(r io.Reader) tabular.Source[MarketRow] {
	return tabular.FileSource(r, ErrNoMarketRows, func(header []string) (func(tabular.Row) MarketRow, error) {
		cols, err := tabular.CheckHeader(header, marketAliases, MarketColumns, marketRequired)
		if err != nil {
			return nil, err
		}
		return func(row tabular.Row) MarketRow { return marketFromRow(cols, row) }, nil
	})
}

func marketFromRow(cols map[string]int, row tabular.Row) MarketRow {
	c := &cells{cols: cols, row: row, words: marketWords}
	m := Market{Name: c.get("name"), UnitCode: c.get("unit_code"), Address: c.get("address"), Method: c.word("method"),
		Capital: c.word("capital"), Operator: c.word("operator"), OperatorName: c.get("operator_name"),
		OperatorTaxCode: c.get("operator_tax_code"), OpeningHours: c.get("opening_hours"), FireCert: c.get("fire_cert"),
		FoodCert: c.get("food_cert")}
	switch unit.Fold(c.get("permanent")) {
	case "", "0", "khong", "no", "false":
	case "1", "co", "x", "yes", "true":
		m.Permanent = true
	default:
		c.bad("permanent", "commerce.market_yes_no")
	}
	for _, col := range []struct {
		name string
		to   *int
	}{{"points", &m.Points}, {"occupied", &m.Occupied}, {"land_m2", &m.LandM2}, {"business_m2", &m.BusinessM2}} {
		c.count(col.name, col.to)
	}
	m.Lon, m.Lat = c.point()
	return MarketRow{Line: row.Line, Market: m, Problems: c.problems}
}

// MarketRecord is a market in the columns of MarketColumns.
func MarketRecord(m *Market) []string {
	lon, lat := formatPoint(m.Lon, m.Lat)
	permanent := "0"
	if m.Permanent {
		permanent = "1"
	}
	return []string{m.Name, m.UnitCode, m.Address, m.Method, m.Capital, m.Operator, m.OperatorName, m.OperatorTaxCode, permanent,
		strconv.Itoa(m.Points), strconv.Itoa(m.Occupied), strconv.Itoa(m.LandM2), strconv.Itoa(m.BusinessM2), m.OpeningHours,
		m.FireCert, m.FoodCert, lon, lat}
}
