package commerce

import (
	"io"
	"strconv"
	"strings"

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
	get := func(name string) string {
		if i, ok := cols[name]; ok {
			return strings.TrimSpace(row.Cell(i))
		}
		return ""
	}
	out := MarketRow{Line: row.Line}
	bad := func(field, id string) {
		out.Problems = append(out.Problems, congthuong.FieldError{Row: row.Line, Field: field, Message: id})
	}
	word := func(col string) string {
		v := get(col)
		if w, ok := marketWords[col][unit.Fold(v)]; ok {
			return w
		}
		return strings.ToLower(v)
	}
	m := Market{Name: get("name"), UnitCode: get("unit_code"), Address: get("address"), Method: word("method"), Capital: word("capital"),
		Operator: word("operator"), OperatorName: get("operator_name"), OperatorTaxCode: get("operator_tax_code"),
		OpeningHours: get("opening_hours"), FireCert: get("fire_cert"), FoodCert: get("food_cert")}
	switch unit.Fold(get("permanent")) {
	case "", "0", "khong", "no", "false":
	case "1", "co", "x", "yes", "true":
		m.Permanent = true
	default:
		bad("permanent", "commerce.market_yes_no")
	}
	for col, to := range map[string]*int{"points": &m.Points, "occupied": &m.Occupied, "land_m2": &m.LandM2, "business_m2": &m.BusinessM2} {
		v := strings.NewReplacer(".", "", ",", "", " ", "").Replace(get(col))
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			bad(col, "commerce.market_number")
			continue
		}
		*to = n
	}
	var ok bool
	if m.Lon, m.Lat, ok = ParsePoint(get("lon"), get("lat")); !ok {
		bad("lat", "commerce.both_lon_lat")
	}
	out.Market = m
	return out
}

// MarketRecord is a market in the columns of MarketColumns.
func MarketRecord(m *Market) []string {
	lon, lat := "", ""
	if m.Lon != nil && m.Lat != nil {
		lon, lat = strconv.FormatFloat(*m.Lon, 'f', -1, 64), strconv.FormatFloat(*m.Lat, 'f', -1, 64)
	}
	permanent := "0"
	if m.Permanent {
		permanent = "1"
	}
	return []string{m.Name, m.UnitCode, m.Address, m.Method, m.Capital, m.Operator, m.OperatorName, m.OperatorTaxCode, permanent,
		strconv.Itoa(m.Points), strconv.Itoa(m.Occupied), strconv.Itoa(m.LandM2), strconv.Itoa(m.BusinessM2), m.OpeningHours,
		m.FireCert, m.FoodCert, lon, lat}
}
