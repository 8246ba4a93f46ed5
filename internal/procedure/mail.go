package procedure

import (
	"fmt"
	"strings"

	"congthuong/internal/i18n"

	"congthuong"
)

// The e-mail that tells an applicant where a dossier is, sent at filing and
// at every step. It is written in Vietnamese: the platform keeps no language
// per applicant, and the status names are the interface's.

// vi writes the applicant's messages.
func vi() *i18n.Printer { return i18n.Default().Printer("vi") }

// MailSubject is the subject of the message about d.
func MailSubject(d *Dossier) string { return "Hồ sơ " + d.Code + ": " + vi().T(d.Status.Text().ID) }

// MailBody is the message about d; note is what the officer wrote with the
// step, if anything.
func MailBody(d *Dossier, note string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Kính gửi %s,\n\nHồ sơ %s (%s)\nTrạng thái: %s.\n", d.Applicant.Name, d.Code, d.ProcedureName, vi().T(d.Status.Text().ID))
	if d.DueAt != nil {
		b.WriteString("Hẹn trả kết quả: " + d.DueAt.In(congthuong.Location).Format("15:04 02/01/2006") + ".\n")
	}
	if note != "" {
		b.WriteString("Ghi chú: " + note + "\n")
	}
	if d.TrackingKey != "" {
		b.WriteString("\nTra cứu hồ sơ tại trang Tra cứu hồ sơ bằng mã hồ sơ và mã tra cứu " + d.TrackingKey + " (hoặc số điện thoại đã khai).\n")
	} else {
		b.WriteString("\nTra cứu hồ sơ bằng mã hồ sơ và số điện thoại tại trang Tra cứu hồ sơ.\n")
	}
	return b.String()
}
