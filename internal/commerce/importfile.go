package commerce

import (
	"io"
	"regexp"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/tabular"
	"congthuong/internal/unit"
)

// LicenceColumns are the columns of a licences import and export (CSV or
// XLSX), in order.
var LicenceColumns = []string{"kind", "number", "holder_name", "holder_id", "holder_email", "holder_phone", "shop_name", "address",
	"unit_code", "lon", "lat", "issued_on", "valid_until", "conditions", "status"}

var licenceRequired = []string{"kind", "number", "holder_name", "address", "unit_code", "issued_on"}

// licenceAliases accept the headings of a commune's own lists.
var licenceAliases = map[string]string{
	"loại giấy phép":              "kind",
	"loại":                        "kind",
	"số giấy phép":                "number",
	"số, ký hiệu":                 "number",
	"tên người được cấp":          "holder_name",
	"tên tổ chức, cá nhân":        "holder_name",
	"người được cấp phép":         "holder_name",
	"mã số thuế":                  "holder_id",
	"mã số thuế/số định danh":     "holder_id",
	"số định danh":                "holder_id",
	"email":                       "holder_email",
	"thư điện tử":                 "holder_email",
	"điện thoại":                  "holder_phone",
	"số điện thoại":               "holder_phone",
	"tên cửa hàng":                "shop_name",
	"địa chỉ":                     "address",
	"địa chỉ kinh doanh":          "address",
	"địa chỉ địa điểm kinh doanh": "address",
	"mã xã":                       "unit_code",
	"mã đơn vị hành chính":        "unit_code",
	"kinh độ":                     "lon",
	"vĩ độ":                       "lat",
	"ngày cấp":                    "issued_on",
	"ngày hết hạn":                "valid_until",
	"có hiệu lực đến":             "valid_until",
	"điều kiện":                   "conditions",
	"tình trạng":                  "status",
}

// statusWords are the words a list may use for a status.
var statusWords = map[string]string{
	"": Active, "active": Active, "con hieu luc": Active, "hieu luc": Active,
	"suspended": Suspended, "dinh chi": Suspended, "bi dinh chi": Suspended,
	"revoked": Revoked, "thu hoi": Revoked, "bi thu hoi": Revoked,
}

// ImportRow is a licence read from a file, with its line and what could
// not be read from its cells.
type ImportRow struct {
	Line     int
	Licence  Licence
	Problems []congthuong.FieldError
}

// ErrNoLicenceRows reports a licences file with a header and nothing
// under it.
var ErrNoLicenceRows = &congthuong.Error{Code: congthuong.EINVALID, Message: "common.nothing_import",
	Fields: []congthuong.FieldError{{Row: 2, Field: "kind", Message: "common.file_has_header_but_no_data_rows"}}}

// ReadLicences reads a licences import (CSV or XLSX) as it is parsed.
func ReadLicences(r io.Reader) tabular.Source[ImportRow] {
	return tabular.FileSource(r, ErrNoLicenceRows, func(header []string) (func(tabular.Row) ImportRow, error) {
		cols, err := tabular.CheckHeader(header, licenceAliases, LicenceColumns, licenceRequired)
		if err != nil {
			return nil, err
		}
		return func(row tabular.Row) ImportRow { return licenceFromRow(cols, row) }, nil
	})
}

var slashDate = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$`)

// day reads a day as a list writes it: 15/03/2026, 15-3-2026 or
// 2026-03-15.
func day(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", true
	}
	if m := slashDate.FindStringSubmatch(s); m != nil {
		d, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		return m[3] + "-" + two(mo) + "-" + two(d), true
	}
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		return s, true
	}
	return s, false
}

func two(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// kindWords are the words a list may use for a kind: its code, or its
// name in either language, without accents.
func kindOf(s string) (string, bool) {
	f := unit.Fold(s)
	for _, k := range Kinds() {
		if f == k.Code || f == unit.Fold(k.NameVI) || f == unit.Fold(k.NameEN) {
			return k.Code, true
		}
	}
	return s, false
}

func licenceFromRow(cols map[string]int, row tabular.Row) ImportRow {
	get := func(name string) string {
		i, ok := cols[name]
		if !ok {
			return ""
		}
		return strings.TrimSpace(row.Cell(i))
	}
	out := ImportRow{Line: row.Line}
	bad := func(field, id string, args ...any) {
		out.Problems = append(out.Problems, congthuong.FieldError{Row: row.Line, Field: field, Message: id, Args: args})
	}
	l := Licence{Number: get("number"), HolderName: get("holder_name"), HolderID: get("holder_id"), HolderEmail: get("holder_email"),
		HolderPhone: get("holder_phone"), ShopName: get("shop_name"), Address: get("address"), UnitCode: get("unit_code"),
		Conditions: get("conditions")}
	if k, ok := kindOf(get("kind")); ok {
		l.Kind = k
	} else if get("kind") != "" {
		bad("kind", "commerce.kind_unknown")
		l.Kind = "?"
	}
	for _, f := range []struct {
		name string
		to   *string
	}{{"issued_on", &l.IssuedOn}, {"valid_until", &l.ValidUntil}} {
		d, ok := day(get(f.name))
		if !ok {
			bad(f.name, "commerce.date")
		}
		*f.to = d
	}
	if st, ok := statusWords[unit.Fold(get("status"))]; ok {
		l.Status = st
	} else {
		bad("status", "commerce.status")
		l.Status = Active
	}
	var ok bool
	if l.Lon, l.Lat, ok = ParsePoint(get("lon"), get("lat")); !ok {
		bad("lat", "commerce.both_lon_lat")
	}
	out.Licence = l
	return out
}

// LicenceRecord returns a licence in the columns of LicenceColumns, as an
// import reads it back.
func LicenceRecord(l *Licence) []string {
	lon, lat := "", ""
	if l.Lon != nil && l.Lat != nil {
		lon, lat = strconv.FormatFloat(*l.Lon, 'f', -1, 64), strconv.FormatFloat(*l.Lat, 'f', -1, 64)
	}
	return []string{l.Kind, l.Number, l.HolderName, l.HolderID, l.HolderEmail, l.HolderPhone, l.ShopName, l.Address, l.UnitCode,
		lon, lat, l.IssuedOn, l.ValidUntil, l.Conditions, l.Status}
}
