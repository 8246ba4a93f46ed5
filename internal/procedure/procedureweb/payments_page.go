package procedureweb

import (
	"bytes"
	"net/http"

	"congthuong"
	"congthuong/internal/procedure"
	"congthuong/internal/procedure/proceduredb"
	"congthuong/internal/web"
)

// paymentsPage is the form that reads a bank statement, and what each of
// its credits paid.
type paymentsPage struct {
	Outcomes []paymentRow
	Paid     int
}

// paymentRow is a credit of the statement and what became of it, in the
// reader's language.
type paymentRow struct {
	proceduredb.PaymentOutcome
	Why string
}

func (s *handlers) showPayments(w http.ResponseWriter, r *http.Request) error {
	if a := congthuong.ActorFrom(r.Context()); !a.IsStaff() || !a.CanWrite() {
		return web.ForbiddenOrLogin(a)
	}
	web.Show(s.Server, w, r, http.StatusOK, "payments", &web.View{Title: s.PrinterFor(r).T("payments.title"), Nav: "dossiers"}, paymentsPage{})
	return nil
}

// doPayments reads an uploaded statement and records the fees its credits
// paid; a statement with a bad row records nothing and names the rows.
func (s *handlers) doPayments(w http.ResponseWriter, r *http.Request) error {
	if a := congthuong.ActorFrom(r.Context()); !a.IsStaff() || !a.CanWrite() {
		return web.ForbiddenOrLogin(a)
	}
	p := s.PrinterFor(r)
	v := &web.View{Title: p.T("payments.title"), Nav: "dossiers"}
	var page paymentsPage
	f, err := s.ReceiveImport(w, r)
	var payments []procedure.Payment
	if err == nil {
		defer f.Release()
		payments, err = procedure.ReadStatement(bytes.NewReader(f.Body))
	}
	var outcomes []proceduredb.PaymentOutcome
	if err == nil {
		cal, cerr := s.schedules.Current(r.Context())
		if cerr != nil {
			return cerr
		}
		outcomes, err = s.procedures.RecordPayments(r.Context(), payments, cal)
	}
	if err != nil {
		if congthuong.ErrorCode(err) == congthuong.EINTERNAL {
			return err
		}
		v.Errors, v.Error = web.FormErrors(p, err)
		web.Show(s.Server, w, r, web.ErrorStatus(err), "payments", v, page)
		return nil
	}
	for _, o := range outcomes {
		row := paymentRow{PaymentOutcome: o}
		if o.Reason != "" {
			row.Why = p.T(o.Reason)
		} else {
			page.Paid++
		}
		page.Outcomes = append(page.Outcomes, row)
	}
	web.Show(s.Server, w, r, http.StatusOK, "payments", v, page)
	return nil
}
