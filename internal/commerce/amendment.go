package commerce

import (
	"slices"
	"time"

	"congthuong/internal/i18n"
)

// A trader amends a programme it filed (Decree 81/2018/NĐ-CP, form 06):
// a registered lucky draw the department has confirmed changes only once
// the department confirms the amendment; any other programme changes on
// filing, the amendment kept as its history.
const (
	AmendmentFiled     = "filed"     // awaits the department's decision
	AmendmentApplied   = "applied"   // changed the programme on filing
	AmendmentConfirmed = "confirmed" // the department confirmed it
	AmendmentRefused   = "refused"
)

// AmendableFields are what an amendment may change, in the form's order;
// who trades, the form and the department stay.
var AmendableFields = []string{"title", "provinces", "start", "end", "brand", "goods", "concentrated", "prime_minister", "prizes", "prize_total"}

// Amendment is one request to change a programme.
type Amendment struct {
	ID          int64  `json:"id"`
	PromotionID int64  `json:"promotion_id"`
	Status      string `json:"status"`
	// Changed names the fields that differ (AmendableFields' names).
	Changed []string `json:"changed"`
	// Amended is the programme as the amendment would have it.
	Amended   Promotion  `json:"amended"`
	Due       string     `json:"due,omitempty"`
	Decision  string     `json:"decision,omitempty"`
	Reason    string     `json:"reason,omitempty"`
	FiledBy   string     `json:"filed_by"`
	FiledAt   time.Time  `json:"filed_at"`
	DecidedBy string     `json:"decided_by,omitempty"`
	DecidedAt *time.Time `json:"decided_at,omitempty"`
}

// Changes names the fields in which next differs from p.
func (p *Promotion) Changes(next *Promotion) []string {
	same := map[string]bool{
		"title": p.Title == next.Title, "provinces": slices.Equal(p.Provinces, next.Provinces), "start": p.Start == next.Start,
		"end": p.End == next.End, "brand": p.Brand == next.Brand, "goods": slices.Equal(p.Goods, next.Goods),
		"concentrated": p.Concentrated == next.Concentrated, "prime_minister": p.PrimeMinister == next.PrimeMinister,
		"prizes": p.Prizes == next.Prizes, "prize_total": p.PrizeTotal == next.PrizeTotal,
	}
	var out []string
	for _, f := range AmendableFields {
		if !same[f] {
			out = append(out, f)
		}
	}
	return out
}

// Apply takes the amendable fields of next.
func (p *Promotion) Apply(next *Promotion) {
	p.Title, p.Provinces, p.Start, p.End, p.Brand = next.Title, next.Provinces, next.Start, next.End, next.Brand
	p.Goods, p.Concentrated, p.PrimeMinister, p.Prizes, p.PrizeTotal = next.Goods, next.Concentrated, next.PrimeMinister, next.Prizes, next.PrizeTotal
}

// Amended is the programme p would be with next's amendable fields, who
// trades, its form and department kept.
func (p *Promotion) Amended(next *Promotion) Promotion {
	out := *p
	out.Goods = slices.Clone(p.Goods)
	out.Apply(next)
	return out
}

// AmendProblem says why p may not be amended into next today, as a field
// and a message, or "" when it may: it must be awaiting a decision or in
// force and not ended, and a programme that has begun keeps its start.
func (p *Promotion) AmendProblem(next *Promotion, today string) (field, id string) {
	switch {
	case p.Status != PromotionFiled && p.Status != PromotionConfirmed:
		return "", "commerce.amend_not_now"
	case p.End < today:
		return "", "commerce.amend_ended"
	case p.Start <= today && next.Start != p.Start:
		return "start", "commerce.amend_started"
	}
	return "", ""
}

// NeedsDecision says whether an amendment of p waits for the department:
// a registered programme it has confirmed.
func (p *Promotion) NeedsDecision() bool {
	return Filing(p.Form) == FileRegister && p.Status == PromotionConfirmed
}

// AmendmentMail tells the trader the department's decision on an
// amendment.
func AmendmentMail(p *Promotion, a *Amendment) (subject, body string) {
	pr := i18n.Default().Printer("vi")
	if a.Status == AmendmentConfirmed {
		return pr.T("commerce.mail_amend_confirmed_subject", p.Title), pr.T("commerce.mail_amend_confirmed", p.TraderName, p.Title, a.Decision) + "\n"
	}
	return pr.T("commerce.mail_amend_refused_subject", p.Title), pr.T("commerce.mail_amend_refused", p.TraderName, p.Title, a.Decision, a.Reason) + "\n"
}
