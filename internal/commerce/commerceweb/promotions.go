package commerceweb

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/commerce"
	"congthuong/internal/commerce/commercedb"
	"congthuong/internal/unit"
	"congthuong/internal/web"
)

// province is the department's province promotions are filed with: the
// configured one, else the reader's.
func (s *handlers) province(r *http.Request) string {
	if p := s.Options().Department.Province; p != "" {
		return p
	}
	return congthuong.ActorFrom(r.Context()).ProvinceCode
}

// askedProvince is the province a request names (?province=), or
// province's.
func (s *handlers) askedProvince(r *http.Request) string {
	if p := r.URL.Query().Get("province"); p != "" {
		return p
	}
	return s.province(r)
}

// promotionsPage lists programmes: the public's running ones, a trader's
// own, or the department's desk with its filters and the year's counts.
type promotionsPage struct {
	Items    []*commerce.Promotion
	Pager    web.Pager
	F        commercedb.PromotionFilter
	Desk     bool
	Forms    []string
	Statuses []string
	Counts   []commercedb.PromotionCount
	Year     int
	// Amendments await the desk's decision, the earliest due first.
	Amendments []commercedb.PendingAmendment
}

func (s *handlers) listPromotions(w http.ResponseWriter, r *http.Request, f commercedb.PromotionFilter, desk bool, title string) error {
	q := r.URL.Query()
	page, err := web.ListPage(q)
	if err != nil {
		return err
	}
	if page.Limit == 0 {
		page.Limit = 30
	}
	f.Page, f.Q, f.Today = page, q.Get("q"), s.Today()
	if desk {
		f.Status, f.Form = q.Get("status"), q.Get("form")
	}
	province := s.province(r)
	items, total, err := s.commerce.ListPromotions(r.Context(), province, f)
	if err != nil {
		return err
	}
	d := promotionsPage{Items: items, Pager: web.NewPager(total, page), F: f, Desk: desk, Forms: commerce.PromotionForms,
		Statuses: []string{commerce.PromotionFiled, commerce.PromotionConfirmed, commerce.PromotionRefused, commerce.PromotionReported}}
	if desk {
		d.Year, _ = strconv.Atoi(f.Today[:4])
		if d.Counts, err = s.commerce.PromotionCounts(r.Context(), province, d.Year); err != nil {
			return err
		}
		if d.Amendments, err = s.commerce.PendingAmendments(r.Context(), province); err != nil {
			return err
		}
	}
	p := s.PrinterFor(r)
	v := &web.View{Title: p.T(title), Nav: "promotions"}
	if !desk && !f.Mine {
		v.Meta = web.Meta{Description: p.T("promotions.running_lead"), Canonical: "/promotions"}
	}
	web.Show(s.Server, w, r, http.StatusOK, "promotions", v, d)
	return nil
}

func (s *handlers) showRunning(w http.ResponseWriter, r *http.Request) error {
	public := r.WithContext(congthuong.NewContext(r.Context(), congthuong.Actor{}))
	return s.listPromotions(w, public, commercedb.PromotionFilter{Running: true}, false, "promotions.running")
}

func (s *handlers) showMine(w http.ResponseWriter, r *http.Request) error {
	a := congthuong.ActorFrom(r.Context())
	if a.Role != congthuong.RoleEnterprise {
		return web.ForbiddenOrLogin(a)
	}
	return s.listPromotions(w, r, commercedb.PromotionFilter{Mine: true}, false, "promotions.mine")
}

func (s *handlers) showDesk(w http.ResponseWriter, r *http.Request) error {
	a := congthuong.ActorFrom(r.Context())
	if !a.IsStaff() {
		return web.ForbiddenOrLogin(a)
	}
	return s.listPromotions(w, r, commercedb.PromotionFilter{}, true, "promotions.desk")
}

// promotionForm is the form to file a programme, with the checks' last
// word.
type promotionForm struct {
	P          commerce.Promotion
	PrizeTotal string
	Forms      []string
	Provinces  []provinceOption
	// Rows are the goods' rows the form shows, the typed ones first.
	Rows     []goodRow
	Findings []commerce.Finding
	Checked  bool
	Trader   bool
	// AmendOf is the programme an amendment changes, at Version; its
	// trader and form stay.
	AmendOf int64
	Version int
}

// goodRow is a good's row as typed, numbered from 1.
type goodRow struct {
	N                             int
	Name, PriceBefore, PromoValue string
}

// provinceOption is a province offered, chosen or not.
type provinceOption struct {
	Code, Name string
	Selected   bool
}

const goodRows = 6

func (s *handlers) renderPromotionForm(w http.ResponseWriter, r *http.Request, status int, d promotionForm, ferr error) error {
	a := congthuong.ActorFrom(r.Context())
	if a.Anonymous() || (a.Role != congthuong.RoleEnterprise && !a.IsDepartment()) {
		return web.ForbiddenOrLogin(a)
	}
	today := s.Today()
	ix, err := s.units.Index(r.Context())
	if err != nil {
		return err
	}
	for _, u := range ix.All {
		if u.Level == unit.Province && (u.ValidFrom == "" || u.ValidFrom <= today) && (u.ValidTo == "" || u.ValidTo >= today) {
			d.Provinces = append(d.Provinces, provinceOption{Code: u.Code, Name: u.Name, Selected: slices.Contains(d.P.Provinces, u.Code)})
		}
	}
	slices.SortFunc(d.Provinces, func(x, y provinceOption) int { return strings.Compare(unit.Fold(x.Name), unit.Fold(y.Name)) })
	d.Forms, d.Trader = commerce.PromotionForms, a.Role == congthuong.RoleEnterprise
	if d.PrizeTotal == "" && d.P.PrizeTotal > 0 {
		d.PrizeTotal = strconv.FormatInt(d.P.PrizeTotal, 10)
	}
	for len(d.Rows) < goodRows {
		d.Rows = append(d.Rows, goodRow{})
	}
	for i := range d.Rows {
		d.Rows[i].N = i + 1
	}
	p := s.PrinterFor(r)
	title := p.T("promotions.new")
	if d.AmendOf != 0 {
		title = p.T("promotions.amend")
	}
	v := &web.View{Title: title, Nav: "promotions", Anchors: map[string]string{"goods": "good-name-1", "checks": "checks", "provinces": "provinces"}}
	v.SetFormErrors(p, ferr)
	web.Show(s.Server, w, r, status, "promotion_form", v, d)
	return nil
}

func (s *handlers) showNewPromotion(w http.ResponseWriter, r *http.Request) error {
	a := congthuong.ActorFrom(r.Context())
	d := promotionForm{P: commerce.Promotion{Provinces: []string{s.province(r)}}}
	if a.Role == congthuong.RoleEnterprise && a.TaxCode != "" {
		d.P.TaxCode = a.TaxCode
		if e, err := s.enterprises.FindEnterprise(r.Context(), a.TaxCode); err == nil {
			d.P.TraderName = e.Name
		}
	}
	return s.renderPromotionForm(w, r, http.StatusOK, d, nil)
}

// promotionFromForm reads the form; an amount that is not a whole number
// of đồng is named by its row.
func promotionFromForm(f url.Values) (commerce.Promotion, []goodRow, error) {
	p := commerce.Promotion{TaxCode: f.Get("tax_code"), TraderName: f.Get("trader_name"), Title: f.Get("title"), Form: f.Get("form"),
		Provinces: f["provinces"], Start: f.Get("start"), End: f.Get("end"), Brand: f.Get("brand"), Prizes: f.Get("prizes"),
		Concentrated: f.Get("concentrated") == "on", PrimeMinister: f.Get("prime_minister") == "on"}
	var v congthuong.Validation
	amount := func(s string) (int64, bool) {
		s = strings.NewReplacer(".", "", ",", "", " ", "").Replace(strings.TrimSpace(s))
		if s == "" {
			return 0, true
		}
		n, err := strconv.ParseInt(s, 10, 64)
		return n, err == nil && n >= 0
	}
	if n, ok := amount(f.Get("prize_total")); ok {
		p.PrizeTotal = n
	} else {
		v.Add("prize_total", "commerce.promo_amount")
	}
	names, prices, values := f["good_name"], f["good_price"], f["good_value"]
	var rows []goodRow
	for i := range names {
		row := goodRow{Name: names[i]}
		if i < len(prices) {
			row.PriceBefore = prices[i]
		}
		if i < len(values) {
			row.PromoValue = values[i]
		}
		rows = append(rows, row)
		if strings.TrimSpace(row.Name) == "" && strings.TrimSpace(row.PriceBefore) == "" && strings.TrimSpace(row.PromoValue) == "" {
			continue
		}
		price, ok1 := amount(row.PriceBefore)
		value, ok2 := amount(row.PromoValue)
		if !ok1 || !ok2 {
			v.Add("goods", "commerce.promo_good", i+1)
			continue
		}
		p.Goods = append(p.Goods, commerce.Good{Name: row.Name, PriceBefore: price, PromoValue: value})
	}
	return p, rows, v.Err("commerce.invalid_promotion")
}

// doPromotion checks the programme (action=check) or files it.
func (s *handlers) doPromotion(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	p, rows, err := promotionFromForm(r.PostForm)
	d := promotionForm{P: p, Rows: rows, PrizeTotal: r.PostForm.Get("prize_total")}
	if err != nil {
		return s.renderPromotionForm(w, r, web.ErrorStatus(err), d, err)
	}
	if r.PostForm.Get("action") == "check" {
		if err := d.P.Validate(); err != nil {
			d.P.Normalize()
			return s.renderPromotionForm(w, r, web.ErrorStatus(err), d, err)
		}
		findings, err := s.commerce.CheckPromotion(r.Context(), &d.P, s.province(r))
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
	findings, err := s.commerce.FilePromotion(r.Context(), &d.P, s.province(r), cal)
	if err != nil {
		if len(congthuong.ErrorFields(err)) > 0 {
			d.Findings, d.Checked = findings, findings != nil
			return s.renderPromotionForm(w, r, web.ErrorStatus(err), d, err)
		}
		return err
	}
	s.Flash(w, "promotions.filed")
	http.Redirect(w, r, "/promotions/"+strconv.FormatInt(d.P.ID, 10), http.StatusSeeOther)
	return nil
}

// promotionPage is one programme, with the decision form for the
// department's staff while it waits and the report form for its trader
// after a lucky draw ends.
type promotionPage struct {
	P         *commerce.Promotion
	Provinces []string
	Filing    string
	CanDecide bool
	CanReport bool
	Decision  string
	Reason    string
	Awarded   string
	Unclaimed string
	Overdue   bool
	// CanAmend offers its trader (or the department) to amend it;
	// Amendments are its history for them and the department's staff,
	// Pending the one awaiting a decision, which CanDecideAmendment lets
	// the department decide (AmendDecision and AmendReason as typed).
	CanAmend                   bool
	Amendments                 []*commerce.Amendment
	Pending                    *commerce.Amendment
	CanDecideAmendment         bool
	AmendDecision, AmendReason string
	// Refuse and AmendRefuse keep a refusal chosen on a form sent back.
	Refuse, AmendRefuse bool
}

func (s *handlers) promotionID(r *http.Request) (int64, error) {
	return pathID(r, "commerce.no_promotion")
}

func (s *handlers) showPromotion(w http.ResponseWriter, r *http.Request) error {
	return s.renderPromotion(w, r, http.StatusOK, promotionPage{}, nil)
}

func (s *handlers) renderPromotion(w http.ResponseWriter, r *http.Request, status int, d promotionPage, ferr error) error {
	id, err := s.promotionID(r)
	if err != nil {
		return err
	}
	p, err := s.commerce.FindPromotion(r.Context(), id)
	if err != nil {
		return err
	}
	a := congthuong.ActorFrom(r.Context())
	today := s.Today()
	ix, err := s.units.Index(r.Context())
	if err != nil {
		return err
	}
	for _, c := range p.Provinces {
		u, _ := ix.Resolve(c, today, today)
		d.Provinces = append(d.Provinces, u.Name)
	}
	d.P, d.Filing = p, commerce.Filing(p.Form)
	d.CanDecide = p.Status == commerce.PromotionFiled && a.IsDepartment() && a.InScope(p.ProvinceCode, p.ProvinceCode)
	d.CanReport = p.Form == "lucky_draw" && p.Status == commerce.PromotionConfirmed && p.End < today &&
		((a.Role == congthuong.RoleEnterprise && a.TaxCode == p.TaxCode) || (a.IsDepartment() && a.InScope(p.ProvinceCode, p.ProvinceCode)))
	d.Overdue = p.Status == commerce.PromotionFiled && p.Due != "" && p.Due < today
	if err := s.amendmentsOf(r, p, today, &d); err != nil {
		return err
	}
	pr := s.PrinterFor(r)
	v := &web.View{Title: p.Title, Nav: "promotions"}
	if ferr != nil {
		v.Errors, v.Error = web.FormErrors(pr, ferr)
	}
	web.Show(s.Server, w, r, status, "promotion", v, d)
	return nil
}

func (s *handlers) doDecidePromotion(w http.ResponseWriter, r *http.Request) error {
	id, err := s.promotionID(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	f := r.PostForm
	version, _ := strconv.Atoi(f.Get("version"))
	if _, err := s.commerce.DecidePromotion(r.Context(), id, version, f.Get("outcome") == "confirm", f.Get("decision"), f.Get("reason")); err != nil {
		if keepTyped(err) {
			return s.renderPromotion(w, r, web.ErrorStatus(err), promotionPage{Decision: f.Get("decision"), Reason: f.Get("reason"), Refuse: f.Get("outcome") == "refuse"}, err)
		}
		return err
	}
	s.Flash(w, "licences.decided")
	http.Redirect(w, r, "/promotions/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	return nil
}

func (s *handlers) doReportPromotion(w http.ResponseWriter, r *http.Request) error {
	id, err := s.promotionID(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return congthuong.Errorf(congthuong.EINVALID, "common.invalid_form")
	}
	f := r.PostForm
	version, _ := strconv.Atoi(f.Get("version"))
	num := func(s string) int64 {
		n, err := strconv.ParseInt(strings.NewReplacer(".", "", ",", "", " ", "").Replace(strings.TrimSpace(s)), 10, 64)
		if err != nil {
			return -1
		}
		return n
	}
	if _, err := s.commerce.ReportPromotion(r.Context(), id, version, num(f.Get("awarded")), num(f.Get("unclaimed"))); err != nil {
		if keepTyped(err) {
			return s.renderPromotion(w, r, web.ErrorStatus(err), promotionPage{Awarded: f.Get("awarded"), Unclaimed: f.Get("unclaimed")}, err)
		}
		return err
	}
	s.Flash(w, "promotions.reported")
	http.Redirect(w, r, "/promotions/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	return nil
}

func (s *handlers) apiRunning(w http.ResponseWriter, r *http.Request) error {
	page, err := web.ListPage(r.URL.Query())
	if err != nil {
		return err
	}
	f := commercedb.PromotionFilter{Running: true, Today: s.Today(), Page: page, Q: r.URL.Query().Get("q")}
	items, total, err := s.commerce.ListPromotions(congthuong.NewContext(r.Context(), congthuong.Actor{}), r.URL.Query().Get("province"), f)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, web.NewList(items, total, page))
	return nil
}

// apiCheck answers the checks of a programme, as the form shows them
// before filing, with their messages in the reader's language.
func (s *handlers) apiCheck(w http.ResponseWriter, r *http.Request) error {
	var p commerce.Promotion
	if err := web.DecodeJSON(w, r, &p); err != nil {
		return err
	}
	if err := p.Validate(); err != nil {
		return err
	}
	findings, err := s.commerce.CheckPromotion(r.Context(), &p, s.province(r))
	if err != nil {
		return err
	}
	pr := s.PrinterFor(r)
	type finding struct {
		commerce.Finding
		Text string `json:"text"`
	}
	out := make([]finding, len(findings))
	for i, f := range findings {
		out[i] = finding{Finding: f, Text: pr.Message(f.Message, f.Args...)}
	}
	web.WriteJSON(w, http.StatusOK, map[string]any{"blocked": commerce.Blocked(findings), "findings": out})
	return nil
}
