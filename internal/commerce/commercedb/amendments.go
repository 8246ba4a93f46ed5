package commercedb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/calendar"
	"congthuong/internal/commerce"
	"congthuong/internal/db"
	"congthuong/internal/unit"
)

// AmendPromotion files an amendment of programme id at version by its
// trader (or the department): checked as a filing is, the programme's
// start kept once it has begun. A registered lucky draw the department
// has confirmed keeps running as confirmed until the department decides
// the amendment (within the working days a registration has, counted on
// cal); any other programme takes the amendment at once. The amendment
// is kept either way.
func (s *Commerce) AmendPromotion(ctx context.Context, id int64, version int, next *commerce.Promotion, cal *calendar.Calendar) ([]commerce.Finding, *commerce.Amendment, error) {
	a := congthuong.ActorFrom(ctx)
	if a.Anonymous() {
		return nil, nil, congthuong.Errorf(congthuong.EUNAUTHORIZED, "common.log_first")
	}
	var findings []commerce.Finding
	var out *commerce.Amendment
	_, err := s.changePromotion(ctx, id, version, func(tx *db.Tx, p *commerce.Promotion, province string) error {
		if !mayFile(a, p.TaxCode, province) {
			return congthuong.Errorf(congthuong.EFORBIDDEN, "commerce.promo_not_yours")
		}
		next.Normalize()
		amended := p.Amended(next)
		today := unit.Today(tx.Now)
		if field, id := p.AmendProblem(&amended, today); id != "" {
			if field == "" {
				return congthuong.Errorf(congthuong.ECONFLICT, id)
			}
			return congthuong.FieldErr(congthuong.EINVALID, field, id)
		}
		if err := amended.Validate(); err != nil {
			return err
		}
		changed := p.Changes(&amended)
		if len(changed) == 0 {
			return congthuong.FieldErr(congthuong.EINVALID, "title", "commerce.amend_nothing")
		}
		days, err := discountDays(ctx, tx, &amended)
		if err != nil {
			return err
		}
		findings = commerce.Check(&amended, province, days)
		if amended.Start != p.Start {
			findings = append(findings, commerce.Timing(&amended, today)...)
		}
		if commerce.Blocked(findings) {
			return errBlocked(findings)
		}
		out = &commerce.Amendment{PromotionID: p.ID, Status: commerce.AmendmentApplied, Changed: changed, Amended: amended,
			FiledBy: a.Name(), FiledAt: tx.Now}
		if p.NeedsDecision() {
			var pending int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM promotion_amendments WHERE promotion_id = $1 AND status = $2`,
				p.ID, commerce.AmendmentFiled).Scan(&pending); err != nil {
				return fmt.Errorf("commercedb: pending amendments: %w", err)
			}
			if pending > 0 {
				return congthuong.Errorf(congthuong.ECONFLICT, "commerce.amend_pending")
			}
			due, err := cal.AddWorkingDays(calendar.DateOf(tx.Now.In(congthuong.Location)), commerce.LimitOf("decision_working_days").Value)
			if err != nil {
				return err
			}
			out.Status, out.Due = commerce.AmendmentFiled, due.String()
		} else if err := saveAmended(ctx, tx, p, &amended); err != nil {
			return err
		}
		return insertAmendment(ctx, tx, out)
	})
	return findings, out, err
}

// saveAmended writes the amended programme's fields; changePromotion
// writes the rest and the version.
func saveAmended(ctx context.Context, tx *db.Tx, p, amended *commerce.Promotion) error {
	p.Apply(amended)
	goods, _ := json.Marshal(p.Goods)
	if _, err := tx.ExecContext(ctx, `UPDATE promotions SET title = $1, provinces = $2, start_day = $3, end_day = $4, brand = $5, goods = $6,
		concentrated = $7, prime_minister = $8, prizes = $9, prize_total = $10, search_text = $11 WHERE id = $12`, p.Title,
		","+strings.Join(p.Provinces, ",")+",", p.Start, p.End, p.Brand, string(goods), p.Concentrated, p.PrimeMinister, p.Prizes,
		p.PrizeTotal, unit.Fold(p.Title+" "+p.TraderName+" "+p.TaxCode), p.ID); err != nil {
		return fmt.Errorf("commercedb: amend promotion: %w", err)
	}
	return nil
}

func insertAmendment(ctx context.Context, tx *db.Tx, am *commerce.Amendment) error {
	body, _ := json.Marshal(am.Amended)
	if err := tx.QueryRowContext(ctx, `INSERT INTO promotion_amendments (promotion_id, status, changed, amended, due, decision, reason,
		filed_by, filed_at, decided_by) VALUES ($1, $2, $3, $4, $5, '', '', $6, $7, '') RETURNING id`, am.PromotionID, am.Status,
		strings.Join(am.Changed, ","), string(body), am.Due, am.FiledBy, am.FiledAt).Scan(&am.ID); err != nil {
		return fmt.Errorf("commercedb: file amendment: %w", err)
	}
	return tx.Audit(ctx, audit.Create, "promotion_amendment", strconv.FormatInt(am.ID, 10), am.Amended.ProvinceCode, nil,
		map[string]string{"promotion": strconv.FormatInt(am.PromotionID, 10), "changed": strings.Join(am.Changed, ","), "status": am.Status})
}

// DecideAmendment confirms (the programme then runs as amended) or
// refuses, with a reason, the amendment awaiting a decision of programme
// id at version: the department's staff of its province. The trader is
// told by e-mail.
func (s *Commerce) DecideAmendment(ctx context.Context, id int64, version int, amendment int64, confirm bool, decision, reason string) (*commerce.Amendment, error) {
	a := congthuong.ActorFrom(ctx)
	decision, reason = strings.Join(strings.Fields(decision), " "), strings.TrimSpace(reason)
	var v congthuong.Validation
	if decision == "" {
		v.Add("amend_decision", "commerce.decision_required")
	}
	if !confirm && reason == "" {
		v.Add("amend_reason", "commerce.reason_required")
	}
	if err := v.Err("commerce.invalid_decision"); err != nil {
		return nil, err
	}
	var out *commerce.Amendment
	_, err := s.changePromotion(ctx, id, version, func(tx *db.Tx, p *commerce.Promotion, province string) error {
		if !a.System && !(a.IsDepartment() && a.InScope(province, province)) {
			return congthuong.Errorf(congthuong.EFORBIDDEN, "commerce.promo_department_decides")
		}
		am, err := scanAmendment(tx.QueryRowContext(ctx, `SELECT `+amendmentColumns+` FROM promotion_amendments WHERE id = $1 AND promotion_id = $2`,
			amendment, id))
		if errors.Is(err, sql.ErrNoRows) {
			return congthuong.Errorf(congthuong.ENOTFOUND, "commerce.no_amendment", amendment)
		}
		if err != nil {
			return fmt.Errorf("commercedb: amendment: %w", err)
		}
		if am.Status != commerce.AmendmentFiled {
			return congthuong.Errorf(congthuong.ECONFLICT, "commerce.amend_decision_not_now")
		}
		// Confirmed, it must still fit the programme as it stands today:
		// in force, not ended, its start kept once begun.
		if confirm {
			if _, id := p.AmendProblem(&am.Amended, unit.Today(tx.Now)); id != "" || p.Status != commerce.PromotionConfirmed {
				if id == "" {
					id = "commerce.amend_not_now"
				}
				return congthuong.Errorf(congthuong.ECONFLICT, id)
			}
		}
		am.Status, am.Decision, am.Reason, am.DecidedBy = commerce.AmendmentConfirmed, decision, reason, a.Name()
		if !confirm {
			am.Status = commerce.AmendmentRefused
		} else if err := saveAmended(ctx, tx, p, &am.Amended); err != nil {
			return err
		}
		now := tx.Now
		am.DecidedAt = &now
		if _, err := tx.ExecContext(ctx, `UPDATE promotion_amendments SET status = $1, decision = $2, reason = $3, decided_by = $4,
			decided_at = $5 WHERE id = $6`, am.Status, am.Decision, am.Reason, am.DecidedBy, now, am.ID); err != nil {
			return fmt.Errorf("commercedb: decide amendment: %w", err)
		}
		var email string
		if err := tx.QueryRowContext(ctx, `SELECT email FROM enterprises WHERE tax_code = $1`, p.TaxCode).Scan(&email); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		subject, body := commerce.AmendmentMail(p, am)
		out = am
		if err := tx.Audit(ctx, audit.Update, "promotion_amendment", strconv.FormatInt(am.ID, 10), province,
			map[string]string{"status": commerce.AmendmentFiled}, map[string]string{"status": am.Status, "decision": am.Decision}); err != nil {
			return err
		}
		return tx.EnqueueMail(ctx, email, subject, body, "promotion-"+strconv.FormatInt(p.ID, 10)+"-amendment-"+strconv.FormatInt(am.ID, 10))
	})
	return out, err
}

const amendmentColumns = `id, promotion_id, status, changed, amended, due, decision, reason, filed_by, filed_at, decided_by, decided_at`

func scanAmendment(sc db.Scanner) (*commerce.Amendment, error) {
	var am commerce.Amendment
	var changed, body string
	var decided sql.NullTime
	if err := sc.Scan(&am.ID, &am.PromotionID, &am.Status, &changed, &body, &am.Due, &am.Decision, &am.Reason, &am.FiledBy, &am.FiledAt,
		&am.DecidedBy, &decided); err != nil {
		return nil, err
	}
	am.Changed = strings.FieldsFunc(changed, func(r rune) bool { return r == ',' })
	if err := json.Unmarshal([]byte(body), &am.Amended); err != nil {
		return nil, fmt.Errorf("commercedb: amendment %d: %w", am.ID, err)
	}
	am.FiledAt = am.FiledAt.UTC()
	if decided.Valid {
		t := decided.Time.UTC()
		am.DecidedAt = &t
	}
	return &am, nil
}

// Amendments lists a programme's amendments, the latest first, to its
// trader and the department's staff of its province; the public reads
// only the programme as it stands.
func (s *Commerce) Amendments(ctx context.Context, id int64) ([]*commerce.Amendment, error) {
	p, err := s.FindPromotion(ctx, id)
	if err != nil {
		return nil, err
	}
	a := congthuong.ActorFrom(ctx)
	if !a.System && !(a.IsStaff() && a.InScope(p.ProvinceCode, p.ProvinceCode)) && !(a.Role == congthuong.RoleEnterprise && a.TaxCode == p.TaxCode) {
		return nil, congthuong.Errorf(congthuong.EFORBIDDEN, "commerce.promo_not_yours")
	}
	out, err := db.Collect(ctx, s.Read, `SELECT `+amendmentColumns+` FROM promotion_amendments WHERE promotion_id = $1 ORDER BY id DESC`,
		[]any{id}, scanAmendment)
	if err != nil {
		return nil, fmt.Errorf("commercedb: amendments: %w", err)
	}
	return out, nil
}

// PendingAmendment is an amendment awaiting the department, with its
// programme's title and trader, for the desk.
type PendingAmendment struct {
	commerce.Amendment
	Title, TraderName string
}

// PendingAmendments lists the amendments awaiting province's department,
// the earliest due first: its staff only.
func (s *Commerce) PendingAmendments(ctx context.Context, province string) ([]PendingAmendment, error) {
	a := congthuong.ActorFrom(ctx)
	if !a.System && !(a.IsStaff() && a.InScope(province, province)) {
		return nil, congthuong.Errorf(congthuong.EFORBIDDEN, "commerce.staff_only")
	}
	cols := strings.ReplaceAll("m."+amendmentColumns, ", ", ", m.")
	out, err := db.Collect(ctx, s.Read, `SELECT `+cols+`, p.title, p.trader_name FROM promotion_amendments m
		JOIN promotions p ON p.id = m.promotion_id WHERE p.province_code = $1 AND m.status = $2 ORDER BY m.due, m.id`,
		[]any{province, commerce.AmendmentFiled}, func(sc db.Scanner) (PendingAmendment, error) {
			var pa PendingAmendment
			am, err := scanAmendment(scanPrefix2{sc, &pa.Title, &pa.TraderName})
			if err == nil {
				pa.Amendment = *am
			}
			return pa, err
		})
	if err != nil {
		return nil, fmt.Errorf("commercedb: pending amendments: %w", err)
	}
	return out, nil
}

// scanPrefix2 scans two more columns after what its scanner asks for.
type scanPrefix2 struct {
	sc   db.Scanner
	a, b *string
}

func (p scanPrefix2) Scan(dest ...any) error { return p.sc.Scan(append(dest, p.a, p.b)...) }
