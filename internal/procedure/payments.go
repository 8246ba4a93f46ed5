package procedure

import (
	"io"
	"regexp"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/tabular"
)

// Payment is a credit of a bank statement: its row, its amount in đồng,
// and the dossier code its description names, if any.
type Payment struct {
	Line      int    `json:"line"`
	Amount    int64  `json:"amount"`
	Reference string `json:"reference,omitempty"`
}

// statementAliases are the headings banks give a statement's amount and
// description, in Vietnamese and English, folded to lower case.
var statementAliases = map[string]string{
	"amount": "amount", "số tiền": "amount", "so tien": "amount", "ghi có": "amount", "ghi co": "amount", "credit": "amount",
	"phát sinh có": "amount", "số tiền ghi có": "amount",
	"description": "description", "nội dung": "description", "noi dung": "description", "diễn giải": "description",
	"dien giai": "description", "mô tả": "description", "nội dung chuyển khoản": "description", "details": "description",
}

// dossierCode finds a dossier's code in a transfer's description, which
// banks copy with the reference typed or scanned: SCT31-261207-0001,
// X11560-260302-0004, or an agency's electronic identifier's form.
var dossierCode = regexp.MustCompile(`(?i)\b([A-Z][A-Z0-9.]{1,15})[- ]?(\d{6})[- ]?(\d{4})\b`)

// MaxStatementRows bounds a statement: each credit naming a dossier is a
// step of its own, and a month of a desk's fee account is a few hundred.
const MaxStatementRows = 10_000

// ReadStatement reads a bank statement (CSV or XLSX) with an amount and a
// description column, whatever else it has. A row whose amount is not a
// whole number of đồng is an error naming the row, and no row is returned
// unless all are good.
func ReadStatement(r io.Reader) ([]Payment, error) {
	t, err := tabular.Read(r)
	if err != nil {
		return nil, err
	}
	cols, _ := tabular.Columns(t.Header, statementAliases)
	var v congthuong.Validation
	for _, c := range []string{"amount", "description"} {
		if _, ok := cols[c]; !ok {
			v.AddRow(1, c, "procedure.statement_needs_column")
		}
	}
	if err := v.Err("procedure.statement_unreadable"); err != nil {
		return nil, err
	}
	if len(t.Rows) > MaxStatementRows {
		return nil, congthuong.FieldErr(congthuong.EINVALID, "file", "procedure.statement_too_long", MaxStatementRows)
	}
	var out []Payment
	for _, row := range t.Rows {
		raw := strings.NewReplacer(".", "", ",", "", " ", "", "VND", "", "đ", "").Replace(row.Cell(cols["amount"]))
		amount, err := strconv.ParseInt(raw, 10, 64)
		if raw == "" {
			continue // a debit, or a line of totals
		}
		if err != nil || amount <= 0 {
			v.AddRow(row.Line, "amount", "procedure.statement_amount", row.Cell(cols["amount"]))
			continue
		}
		p := Payment{Line: row.Line, Amount: amount}
		if m := dossierCode.FindStringSubmatch(row.Cell(cols["description"])); m != nil {
			p.Reference = strings.ToUpper(m[1] + "-" + m[2] + "-" + m[3])
		}
		out = append(out, p)
	}
	if err := v.Err("procedure.statement_unreadable"); err != nil {
		return nil, err
	}
	return out, nil
}
