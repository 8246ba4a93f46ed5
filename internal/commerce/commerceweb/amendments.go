package commerceweb

import (
	"net/http"
	"strconv"

	"congthuong"
	"congthuong/internal/commerce"
	"congthuong/internal/web"
)

// mayAmend says whether the reader files amendments for p's trader: its
// own account, or the department's staff of its province.
func mayAmend(a congthuong.Actor, p *commerce.Promotion) bool {
	return (a.Role == congthuong.RoleEnterprise && a.TaxCode != "" && a.TaxCode == p.TaxCode) ||
		(a.IsDepartment() && a.CanWrite() && a.InScope(p.ProvinceCode, p.ProvinceCode))
}

// amendmentsOf adds to a programme's page what its trader and the
// department's staff see of its amendments: the history, the one
// awaiting a decision, and whether they may amend or decide.
func (s *handlers) amendmentsOf(r *http.Request, p *commerce.Promotion, today string, d *promotionPage) error {
	a := congthuong.ActorFrom(r.Context())
	staff := a.IsStaff() && a.InScope(p.ProvinceCode, p.ProvinceCode)
	trader := a.Role == congthuong.RoleEnterprise && a.TaxCode == p.TaxCode
	if !staff && !trader {
		return nil
	}
	list, err := s.commerce.Amendments(r.Context(), p.ID)
	if err != nil {
		return err
	}
	d.Amendments = list
	for _, am := range list {
		if am.Status == commerce.AmendmentFiled {
			d.Pending = am
		}
	}
	d.CanAmend = mayAmend(a, p) && d.Pending == nil && p.End >= today &&
		(p.Status == commerce.PromotionFiled || p.Status == commerce.PromotionConfirmed)
	d.CanDecideAmendment = d.Pending != nil && a.IsDepartment() && a.CanWrite() && staff
	return nil
}

// showAmend is the filing form, filled with the programme as it is, to
// change what the amendment is for.
func (s *handlers) showAmend(w http.ResponseWriter, r *http.Request) error {
	id, err := s.promotionID(r)
	if err != nil {
		return err
	}
	p, err := s.commerce.FindPromotion(r.Context(), id)
	if err != nil {
		return err
	}
	if a := congthuong.ActorFrom(r.Context()); !mayAmend(a, p) {
		return web.ForbiddenOrLogin(a)
	}
	d := promotionForm{P: *p, AmendOf: p.ID, Version: p.Version}
	for _, g := range p.Goods {
		d.Rows = append(d.Rows, goodRow{Name: g.Name, PriceBefore: strconv.FormatInt(g.PriceBefore, 10), PromoValue: strconv.FormatInt(g.PromoValue, 10)})
	}
	return s.renderPromotionForm(w, r, http.StatusOK, d, nil)
}

// doAmend checks an amendment (action check) or files it.
func (s *handlers) doAmend(w http.ResponseWriter, r *http.Request) error {
	id, err := s.promotionID(r)
	if err != nil {
		return err
	}
	p, err := s.commerce.FindPromotion(r.Context(), id)
	if err != nil {
		return err
	}
	if a := congthuong.ActorFrom(r.Context()); !mayAmend(a, p) {
		return web.ForbiddenOrLogin(a)
	}
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	next, rows, err := promotionFromForm(r.PostForm)
	version, _ := strconv.Atoi(r.PostForm.Get("version"))
	amended := p.Amended(&next)
	d := promotionForm{P: amended, Rows: rows, PrizeTotal: r.PostForm.Get("prize_total"), AmendOf: p.ID, Version: version}
	if err != nil {
		return s.renderPromotionForm(w, r, web.ErrorStatus(err), d, err)
	}
	if r.PostForm.Get("action") == "check" {
		if err := amended.Validate(); err != nil {
			return s.renderPromotionForm(w, r, web.ErrorStatus(err), d, err)
		}
		if field, id := p.AmendProblem(&amended, s.Today()); id != "" {
			err := congthuong.FieldErr(congthuong.EINVALID, field, id)
			if field == "" {
				err = congthuong.Errorf(congthuong.ECONFLICT, id)
			}
			return s.renderPromotionForm(w, r, web.ErrorStatus(err), d, err)
		}
		findings, err := s.commerce.CheckPromotion(r.Context(), &d.P, p.ProvinceCode)
		if err != nil {
			return err
		}
		d.Findings, d.Checked = findings, true
		return s.renderPromotionForm(w, r, http.StatusOK, d, nil)
	}
	cal, err := s.schedules.Current(r.Context())
	if err != nil {
		return err
	}
	findings, am, err := s.commerce.AmendPromotion(r.Context(), id, version, &next, cal)
	if err != nil {
		if keepTyped(err) {
			d.Findings, d.Checked = findings, findings != nil
			d.Version = s.currentVersion(r, err, version, "promotion", id)
			return s.renderPromotionForm(w, r, web.ErrorStatus(err), d, err)
		}
		return err
	}
	flash := "promotions.amended"
	if am.Status == commerce.AmendmentFiled {
		flash = "promotions.amendment_filed"
	}
	s.Flash(w, flash)
	http.Redirect(w, r, "/promotions/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	return nil
}

// doDecideAmendment records the department's decision on the amendment
// awaiting it.
func (s *handlers) doDecideAmendment(w http.ResponseWriter, r *http.Request) error {
	id, err := s.promotionID(r)
	if err != nil {
		return err
	}
	amendment, err := pathIDOf(r, "amendment", "commerce.no_amendment")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	f := r.PostForm
	version, _ := strconv.Atoi(f.Get("version"))
	if _, err := s.commerce.DecideAmendment(r.Context(), id, version, amendment, f.Get("amend_outcome") == "confirm", f.Get("amend_decision"), f.Get("amend_reason")); err != nil {
		if keepTyped(err) {
			return s.renderPromotion(w, r, web.ErrorStatus(err), promotionPage{AmendDecision: f.Get("amend_decision"), AmendReason: f.Get("amend_reason"),
				AmendRefuse: f.Get("amend_outcome") == "refuse"}, err)
		}
		return err
	}
	s.Flash(w, "licences.decided")
	http.Redirect(w, r, "/promotions/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	return nil
}
