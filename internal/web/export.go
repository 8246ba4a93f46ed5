package web

import (
	"bytes"
	"net/http"

	"congthuong/internal/tabular"
)

// XLSXType is the media type of an XLSX workbook.
const XLSXType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// WriteWorkbook sends an XLSX download of one sheet, built whole first so
// that an error still gets a proper answer.
func WriteWorkbook(w http.ResponseWriter, name string, header []string, rows func(emit func([]string) error) error) error {
	var buf bytes.Buffer
	if err := tabular.WriteXLSX(&buf, name, header, rows); err != nil {
		return err
	}
	w.Header().Set("Content-Type", XLSXType)
	Attachment(w, name+".xlsx")
	w.Write(buf.Bytes())
	return nil
}
