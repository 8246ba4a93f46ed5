package commercedb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/calendar"
	"congthuong/internal/commerce"
	"congthuong/internal/db"
	"congthuong/internal/unit"
)

const promotionColumns = `id, province_code, tax_code, trader_name, title, form, provinces, start_day, end_day, brand, goods,
	concentrated, prime_minister, prizes, prize_total, status, due, decision, reason, awarded, unclaimed, budget_share, demo,
	created_at, version`

func scanPromotion(sc db.Scanner) (*commerce.Promotion, error) {
	var p commerce.Promotion
	var provinces, goods string
	if err := sc.Scan(&p.ID, &p.ProvinceCode, &p.TaxCode, &p.TraderName, &p.Title, &p.Form, &provinces, &p.Start, &p.End, &p.Brand, &goods,
		&p.Concentrated, &p.PrimeMinister, &p.Prizes, &p.PrizeTotal, &p.Status, &p.Due, &p.Decision, &p.Reason, &p.Awarded,
		&p.Unclaimed, &p.BudgetShare, &p.Demo, &p.CreatedAt, &p.Version); err != nil {
		return nil, err
	}
	p.Provinces = strings.FieldsFunc(provinces, func(r rune) bool { return r == ',' })
	if err := json.Unmarshal([]byte(goods), &p.Goods); err != nil {
		return nil, fmt.Errorf("commercedb: goods of promotion %d: %w", p.ID, err)
	}
	p.CreatedAt = p.CreatedAt.UTC()
	return &p, nil
}

// mayFile says whether the actor files for a trader with province's
// department: the trader's own account, or that department's staff.
func mayFile(a congthuong.Actor, taxCode, province string) bool {
	return a.System || (a.Role == congthuong.RoleEnterprise && a.TaxCode != "" && a.TaxCode == taxCode) ||
		(a.IsDepartment() && a.InScope(province, province))
}

// discountDays counts the days of the trader's other discount programmes
// of the same brand, not refused, in the programme's year.
func discountDays(ctx context.Context, q db.Queryer, p *commerce.Promotion) (int, error) {
	start, err := calendar.ParseDate(p.Start)
	if err != nil || p.Form != "discount" {
		return 0, nil
	}
	year := strconv.Itoa(start.Year)
	// Brands are compared as words, whatever their case and accents.
	others, err := db.Collect(ctx, q, `SELECT start_day, end_day, brand FROM promotions WHERE tax_code = $1 AND form = 'discount'
		AND status <> $2 AND id <> $3 AND start_day <= $4 AND end_day >= $5`, []any{p.TaxCode, commerce.PromotionRefused, p.ID,
		year + "-12-31", year + "-01-01"}, func(sc db.Scanner) ([3]string, error) {
		var r [3]string
		return r, sc.Scan(&r[0], &r[1], &r[2])
	})
	if err != nil {
		return 0, fmt.Errorf("commercedb: discount days: %w", err)
	}
	first, _ := calendar.ParseDate(year + "-01-01")
	last, _ := calendar.ParseDate(year + "-12-31")
	days := 0
	brand := unit.Fold(p.Brand)
	for _, r := range others {
		if unit.Fold(r[2]) != brand {
			continue
		}
		s, err1 := calendar.ParseDate(r[0])
		e, err2 := calendar.ParseDate(r[1])
		if err1 != nil || err2 != nil {
			continue
		}
		from, to := max(s.JDN(), first.JDN()), min(e.JDN(), last.JDN())
		if to >= from {
			days += to - from + 1
		}
	}
	return days, nil
}

// CheckPromotion reads a programme against the law as it would be filed
// with province's department, counting the trader's other discount days.
func (s *Commerce) CheckPromotion(ctx context.Context, p *commerce.Promotion, province string) ([]commerce.Finding, error) {
	p.Normalize()
	days, err := discountDays(ctx, s.Read, p)
	if err != nil {
		return nil, err
	}
	return append(commerce.Check(p, province, days), commerce.Timing(p, unit.Today(s.NowUTC()))...), nil
}

// errBlocked refuses a filing the checks block, each blocking finding
// named under "checks".
func errBlocked(findings []commerce.Finding) error {
	var v congthuong.Validation
	for _, f := range findings {
		if f.Severity == commerce.Blocking {
			v.Add("checks", f.Message, f.Args...)
		}
	}
	return v.Err("commerce.promo_blocked")
}

// FilePromotion files a programme with province's department: checked
// first (a blocking finding refuses it), then registered (a lucky draw,
// to be decided within the working days the law gives, counted on cal)
// or, for the other forms, confirmed on receipt.
func (s *Commerce) FilePromotion(ctx context.Context, p *commerce.Promotion, province string, cal *calendar.Calendar) ([]commerce.Finding, error) {
	a := congthuong.ActorFrom(ctx)
	if a.Anonymous() {
		return nil, congthuong.Errorf(congthuong.EUNAUTHORIZED, "common.log_first")
	}
	p.ID, p.Status, p.Decision, p.Reason, p.Awarded, p.Unclaimed, p.BudgetShare, p.ProvinceCode = 0, "", "", "", 0, 0, 0, province
	p.Normalize()
	if a.Role == congthuong.RoleEnterprise && p.TaxCode == "" {
		p.TaxCode = a.TaxCode
	}
	if !mayFile(a, p.TaxCode, province) {
		return nil, congthuong.FieldErr(congthuong.EFORBIDDEN, "tax_code", "commerce.promo_not_yours")
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	var findings []commerce.Finding
	err := s.WithTx(ctx, func(tx *db.Tx) error {
		days, err := discountDays(ctx, tx, p)
		if err != nil {
			return err
		}
		findings = append(commerce.Check(p, province, days), commerce.Timing(p, unit.Today(tx.Now))...)
		if commerce.Blocked(findings) {
			return errBlocked(findings)
		}
		p.Status = commerce.PromotionConfirmed
		if commerce.Filing(p.Form) == commerce.FileRegister {
			p.Status = commerce.PromotionFiled
			today := calendar.DateOf(tx.Now.In(congthuong.Location))
			due, err := cal.AddWorkingDays(today, commerce.LimitOf("decision_working_days").Value)
			if err != nil {
				return err
			}
			p.Due = due.String()
		}
		goods, _ := json.Marshal(p.Goods)
		p.CreatedAt, p.Version = tx.Now, 1
		if err := tx.QueryRowContext(ctx, `INSERT INTO promotions (province_code, tax_code, trader_name, title, form, provinces, start_day,
			end_day, brand, goods, concentrated, prime_minister, prizes, prize_total, status, due, decision, reason, decided_by, awarded,
			unclaimed, budget_share, search_text, demo, created_at, created_by, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
			$11, $12, $13, $14, $15, $16, '', '', '', 0, 0, 0, $17, $18, $19, $20, 1) RETURNING id`, province, p.TaxCode, p.TraderName,
			p.Title, p.Form, ","+strings.Join(p.Provinces, ",")+",", p.Start, p.End, p.Brand, string(goods), p.Concentrated,
			p.PrimeMinister, p.Prizes, p.PrizeTotal, p.Status, p.Due, unit.Fold(p.Title+" "+p.TraderName+" "+p.TaxCode), p.Demo,
			tx.Now, a.Name()).Scan(&p.ID); err != nil {
			return fmt.Errorf("commercedb: file promotion: %w", err)
		}
		return tx.Audit(ctx, audit.Create, "promotion", strconv.FormatInt(p.ID, 10), province, nil,
			map[string]string{"trader": p.TaxCode, "form": p.Form, "title": p.Title, "status": p.Status})
	})
	return findings, err
}

// PromotionFilter selects programmes. Mine: the trader's own; Running: in
// force on Today (confirmed or reported), for the public.
type PromotionFilter struct {
	Q       string
	Status  string
	Form    string
	Mine    bool
	Running bool
	Today   string
	Page    db.Page
}

// ListPromotions reads a page of programmes: the public and anyone the
// running ones of province (of every province when it is empty); a
// trader its own; the department's staff every one filed with their
// province.
func (s *Commerce) ListPromotions(ctx context.Context, province string, f PromotionFilter) ([]*commerce.Promotion, int, error) {
	a := congthuong.ActorFrom(ctx)
	w := &db.Where{}
	switch {
	case f.Running:
		if province != "" {
			w.Add("province_code = ?", province)
		}
		w.Add("status IN (?, ?) AND start_day <= ? AND end_day >= ?", commerce.PromotionConfirmed, commerce.PromotionReported, f.Today, f.Today)
	case f.Mine && a.Role == congthuong.RoleEnterprise && a.TaxCode != "":
		w.Add("tax_code = ?", a.TaxCode)
	case a.System || (a.IsStaff() && a.InScope(province, province)):
		w.Add("province_code = ?", province)
	default:
		return nil, 0, congthuong.Errorf(congthuong.EFORBIDDEN, "commerce.staff_only")
	}
	if slices.Contains([]string{commerce.PromotionFiled, commerce.PromotionConfirmed, commerce.PromotionRefused, commerce.PromotionReported}, f.Status) {
		w.Add("status = ?", f.Status)
	}
	if slices.Contains(commerce.PromotionForms, f.Form) {
		w.Add("form = ?", f.Form)
	}
	w.Words("search_text", unit.Fold(f.Q))
	items, total, err := db.List(ctx, s.DB, "promotions", db.Listing{Columns: promotionColumns, From: "promotions", Where: w,
		Order: " ORDER BY status = 'filed' DESC, due, start_day DESC, id DESC", Page: f.Page}, scanPromotion)
	if err != nil {
		return nil, 0, fmt.Errorf("commercedb: %w", err)
	}
	return items, total, nil
}

// FindPromotion reads a programme: the department's staff of its
// province, its trader, and anyone once it is confirmed.
func (s *Commerce) FindPromotion(ctx context.Context, id int64) (*commerce.Promotion, error) {
	p, err := scanPromotion(s.Read.QueryRowContext(ctx, `SELECT `+promotionColumns+` FROM promotions WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congthuong.Errorf(congthuong.ENOTFOUND, "commerce.no_promotion", id)
	}
	if err != nil {
		return nil, fmt.Errorf("commercedb: promotion: %w", err)
	}
	province := p.ProvinceCode
	a := congthuong.ActorFrom(ctx)
	public := p.Status == commerce.PromotionConfirmed || p.Status == commerce.PromotionReported
	if !public && !a.System && !(a.IsStaff() && a.InScope(province, province)) && !(a.Role == congthuong.RoleEnterprise && a.TaxCode == p.TaxCode) {
		return nil, congthuong.Errorf(congthuong.ENOTFOUND, "commerce.no_promotion", id)
	}
	return p, nil
}

// DecidePromotion confirms or refuses a registered programme at version:
// the department's staff of its province, a reason to refuse; the trader
// is told by e-mail when its enterprise record has an address.
func (s *Commerce) DecidePromotion(ctx context.Context, id int64, version int, confirm bool, decision, reason string) (*commerce.Promotion, error) {
	a := congthuong.ActorFrom(ctx)
	decision, reason = strings.Join(strings.Fields(decision), " "), strings.TrimSpace(reason)
	var v congthuong.Validation
	if decision == "" {
		v.Add("decision", "commerce.decision_required")
	}
	if !confirm && reason == "" {
		v.Add("reason", "commerce.reason_required")
	}
	if err := v.Err("commerce.invalid_decision"); err != nil {
		return nil, err
	}
	return s.changePromotion(ctx, id, version, func(tx *db.Tx, p *commerce.Promotion, province string) error {
		if !a.System && !(a.IsDepartment() && a.InScope(province, province)) {
			return congthuong.Errorf(congthuong.EFORBIDDEN, "commerce.promo_department_decides")
		}
		if p.Status != commerce.PromotionFiled {
			return congthuong.Errorf(congthuong.ECONFLICT, "commerce.decision_not_now")
		}
		p.Status, p.Decision, p.Reason = commerce.PromotionConfirmed, decision, reason
		if !confirm {
			p.Status = commerce.PromotionRefused
		}
		var email string
		if err := tx.QueryRowContext(ctx, `SELECT email FROM enterprises WHERE tax_code = $1`, p.TaxCode).Scan(&email); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		subject, body := commerce.DecisionMail(p)
		return tx.EnqueueMail(ctx, email, subject, body, "promotion-"+strconv.FormatInt(p.ID, 10))
	})
}

// ReportPromotion records a lucky draw's results after its end, by its
// trader or the department: the prizes' value awarded and unclaimed, and
// the budget's share of the unclaimed.
func (s *Commerce) ReportPromotion(ctx context.Context, id int64, version int, awarded, unclaimed int64) (*commerce.Promotion, error) {
	a := congthuong.ActorFrom(ctx)
	return s.changePromotion(ctx, id, version, func(tx *db.Tx, p *commerce.Promotion, province string) error {
		if !mayFile(a, p.TaxCode, province) {
			return congthuong.Errorf(congthuong.EFORBIDDEN, "commerce.promo_not_yours")
		}
		today := unit.Today(tx.Now)
		if p.Form != "lucky_draw" || p.Status != commerce.PromotionConfirmed || p.End >= today {
			return congthuong.Errorf(congthuong.ECONFLICT, "commerce.promo_report_not_now")
		}
		var v congthuong.Validation
		if awarded < 0 || awarded > commerce.MaxAmount {
			v.Add("awarded", "commerce.promo_amount")
		}
		if unclaimed < 0 || unclaimed > commerce.MaxAmount {
			v.Add("unclaimed", "commerce.promo_amount")
		}
		if awarded+unclaimed > p.PrizeTotal {
			v.Add("unclaimed", "commerce.promo_more_than_prizes", p.PrizeTotal)
		}
		if err := v.Err("commerce.invalid_report"); err != nil {
			return err
		}
		p.Status, p.Awarded, p.Unclaimed, p.BudgetShare = commerce.PromotionReported, awarded, unclaimed, commerce.BudgetShareOf(unclaimed)
		return nil
	})
}

func (s *Commerce) changePromotion(ctx context.Context, id int64, version int, fn func(*db.Tx, *commerce.Promotion, string) error) (*commerce.Promotion, error) {
	if congthuong.ActorFrom(ctx).Anonymous() {
		return nil, congthuong.Errorf(congthuong.EUNAUTHORIZED, "common.log_first")
	}
	var out *commerce.Promotion
	err := s.WithTx(ctx, func(tx *db.Tx) error {
		p, err := scanPromotion(tx.QueryRowContext(ctx, `SELECT `+promotionColumns+` FROM promotions WHERE id = $1`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return congthuong.Errorf(congthuong.ENOTFOUND, "commerce.no_promotion", id)
		}
		if err != nil {
			return fmt.Errorf("commercedb: promotion: %w", err)
		}
		province := p.ProvinceCode
		if p.Version != version {
			return congthuong.Errorf(congthuong.ECONFLICT, "commerce.changed_meanwhile")
		}
		before := map[string]any{"status": p.Status}
		decision := p.Decision
		if err := fn(tx, p, province); err != nil {
			return err
		}
		p.Version++
		// Who decided changes with the decision only, not with a report
		// or an amendment.
		if _, err := tx.ExecContext(ctx, `UPDATE promotions SET status = $1, decision = $2, reason = $3,
			decided_by = CASE WHEN $4 THEN $5 ELSE decided_by END, awarded = $6, unclaimed = $7, budget_share = $8, version = $9
			WHERE id = $10`, p.Status, p.Decision, p.Reason, p.Decision != decision, tx.Actor.Name(), p.Awarded,
			p.Unclaimed, p.BudgetShare, p.Version, p.ID); err != nil {
			return fmt.Errorf("commercedb: save promotion: %w", err)
		}
		out = p
		return tx.Audit(ctx, audit.Update, "promotion", strconv.FormatInt(p.ID, 10), province, before,
			map[string]any{"status": p.Status, "decision": p.Decision, "unclaimed": p.Unclaimed})
	})
	return out, err
}

// PromotionCount is what a year's programmes add up to for one form.
type PromotionCount struct {
	Form        string
	Programmes  int
	PrizeTotal  int64
	Unclaimed   int64
	BudgetShare int64
}

// PromotionCounts adds up a province's confirmed and reported programmes
// starting in year, by form: the counts and values statistics report.
func (s *Commerce) PromotionCounts(ctx context.Context, province string, year int) ([]PromotionCount, error) {
	a := congthuong.ActorFrom(ctx)
	if !a.System && !(a.IsStaff() && a.InScope(province, province)) {
		return nil, congthuong.Errorf(congthuong.EFORBIDDEN, "commerce.staff_only")
	}
	y := strconv.Itoa(year)
	out, err := db.Collect(ctx, s.Read, `SELECT form, COUNT(*), SUM(prize_total), SUM(unclaimed), SUM(budget_share) FROM promotions
		WHERE province_code = $1 AND status IN ($2, $3) AND start_day >= $4 AND start_day <= $5 GROUP BY form ORDER BY form`,
		[]any{province, commerce.PromotionConfirmed, commerce.PromotionReported, y + "-01-01", y + "-12-31"}, func(sc db.Scanner) (PromotionCount, error) {
			var c PromotionCount
			return c, sc.Scan(&c.Form, &c.Programmes, &c.PrizeTotal, &c.Unclaimed, &c.BudgetShare)
		})
	if err != nil {
		return nil, fmt.Errorf("commercedb: promotion counts: %w", err)
	}
	return out, nil
}
