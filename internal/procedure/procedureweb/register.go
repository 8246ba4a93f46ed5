package procedureweb

import (
	"net/http"
	"strconv"
	"time"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/i18n"
	"congthuong/internal/web"
)

// registerRows bounds the register one download holds.
const registerRows = 50_000

// exportRegister writes the desk's register of dossiers (form 06 of
// Circular 01/2018/TT-VPCP, "sổ theo dõi hồ sơ") as a workbook: the
// dossiers the worklist's filters select, one row each, with the columns of
// the form, in Vietnamese as the form is.
func (s *handlers) exportRegister(w http.ResponseWriter, r *http.Request) error {
	a := congthuong.ActorFrom(r.Context())
	if !a.IsStaff() {
		return web.ForbiddenOrLogin(a)
	}
	f, err := dossierFilter(r.URL.Query())
	if err != nil {
		return err
	}
	p := i18n.Default().Printer("vi")
	header := []string{"STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Tên tổ chức, cá nhân", "Mã số thuế", "Địa chỉ", "Số điện thoại",
		"Nhận hồ sơ ngày", "Hẹn trả kết quả", "Hoàn thành ngày", "Trạng thái", "Số văn bản kết quả"}
	// Read before the first byte, so that errors still get a status.
	var rows [][]string
	f.Page = db.Page{Limit: db.MaxLimit}
	for len(rows) < registerRows {
		list, _, err := s.procedures.FindDossiers(r.Context(), f)
		if err != nil {
			return err
		}
		for _, d := range list {
			rows = append(rows, []string{strconv.Itoa(len(rows) + 1), d.Code, d.ProcedureName, d.Applicant.Name, d.Applicant.TaxCode,
				d.Applicant.Address, d.Applicant.Phone, dateTime(p, d.ReceivedAt), dateTime(p, d.DueAt), dateTime(p, d.FinishedAt),
				p.T(d.Status.Text().ID), d.ResultNumber})
		}
		if len(list) < f.Page.Limit {
			break
		}
		f.Page.Offset += f.Page.Limit
	}
	return web.WriteWorkbook(w, "so-theo-doi-ho-so", header, func(emit func([]string) error) error {
		for _, row := range rows {
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	})
}

// dateTime writes an optional time, empty when there is none.
func dateTime(p *i18n.Printer, t *time.Time) string {
	if t == nil {
		return ""
	}
	return p.DateTime(*t)
}
