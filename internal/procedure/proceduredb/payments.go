package proceduredb

import (
	"context"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/procedure"
)

// PaymentOutcome is what became of one credit of a statement: the dossier
// whose fee it paid, or why it paid none.
type PaymentOutcome struct {
	procedure.Payment
	Dossier string `json:"dossier,omitempty"`
	// Reason is a message ID, when the credit paid nothing.
	Reason string `json:"reason,omitempty"`
}

// RecordPayments records the fees a bank statement's credits paid: a
// credit naming a dossier of the actor's desk that waits for a fee, of at
// least that fee, records the payment (the pay_fee step, on the dossier's
// clock). Each payment is its own step; the others are reported with the
// reason they paid nothing.
func (s *Procedures) RecordPayments(ctx context.Context, payments []procedure.Payment, cal *calendar.Calendar) ([]PaymentOutcome, error) {
	a := congthuong.ActorFrom(ctx)
	if !a.System && !(a.IsStaff() && a.CanWrite()) {
		return nil, congthuong.Errorf(congthuong.EFORBIDDEN, "procedure.only_desk_records_payments")
	}
	out := make([]PaymentOutcome, 0, len(payments))
	for _, p := range payments {
		o := PaymentOutcome{Payment: p}
		out = append(out, o)
		if p.Reference == "" {
			out[len(out)-1].Reason = "procedure.payment_no_code"
			continue
		}
		d, _, err := s.FindDossier(ctx, p.Reference)
		switch {
		case congthuong.ErrorCode(err) == congthuong.ENOTFOUND:
			out[len(out)-1].Reason = "procedure.payment_no_dossier"
			continue
		case err != nil:
			return nil, err
		case d.Status != procedure.FeeRequested:
			out[len(out)-1].Reason = "procedure.payment_not_waiting"
			continue
		case p.Amount < d.FeeAmount:
			out[len(out)-1].Reason = "procedure.payment_too_little"
			continue
		}
		_, err = s.StepDossier(ctx, d.Code, DossierStep{Action: procedure.PayFee, Version: d.Version, Note: "sao kê"}, cal)
		switch congthuong.ErrorCode(err) {
		case "":
			out[len(out)-1].Dossier = d.Code
		case congthuong.ECONFLICT, congthuong.ENOTFOUND, congthuong.EFORBIDDEN:
			out[len(out)-1].Reason = "procedure.payment_not_yours"
		default:
			return nil, err
		}
	}
	return out, nil
}
