package commerce

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/enterprise"
	"congthuong/internal/i18n"
)

// Forms of trade promotion (Commercial Law 2005, Art. 92; Decree
// 81/2018/NĐ-CP): free samples, gifts, discounts, vouchers, contests,
// lucky draws, loyalty programmes, events, and other forms approved.
var PromotionForms = []string{"sample", "gift", "discount", "voucher", "contest", "lucky_draw", "loyalty", "event", "other"}

// What a trader files for a form since 1 December 2024: a lucky draw is
// registered (and confirmed or refused), a contest or loyalty programme
// notified; the other forms need no filing.
const (
	FileRegister = "register"
	FileNotify   = "notify"
	FileNone     = "none"
)

// Filing says what a form of promotion is filed as.
func Filing(form string) string {
	switch form {
	case "lucky_draw":
		return FileRegister
	case "contest", "loyalty":
		return FileNotify
	}
	return FileNone
}

// Statuses of a promotion.
const (
	PromotionFiled     = "filed"     // registered or notified, awaiting the department
	PromotionConfirmed = "confirmed" // a registration confirmed, or a notification received
	PromotionRefused   = "refused"
	PromotionReported  = "reported" // its results reported
)

// Limit is one figure of the law the checks use, with its source.
type Limit struct {
	Key       string
	Value     int
	Reference string
	// Verified says the figure was checked in a primary source.
	Verified bool
	Note     string
}

//go:embed promotion_limits.csv
var limitsTable []byte

var loadLimits = sync.OnceValue(func() map[string]Limit {
	rows, err := csv.NewReader(bytes.NewReader(limitsTable)).ReadAll()
	if err != nil {
		panic("commerce: promotion_limits.csv: " + err.Error())
	}
	out := map[string]Limit{}
	for _, r := range rows[1:] {
		v, err := strconv.Atoi(r[1])
		if err != nil {
			panic("commerce: promotion_limits.csv: " + r[0])
		}
		out[r[0]] = Limit{Key: r[0], Value: v, Reference: r[2], Verified: r[3] == "yes", Note: r[4]}
	}
	return out
})

// LimitOf is one figure by its key.
func LimitOf(key string) Limit { return loadLimits()[key] }

// Good is a promoted good: its name, its price just before the promotion
// and the promotional value given with one unit (a discount, a gift's
// value), in đồng.
type Good struct {
	Name        string `json:"name"`
	PriceBefore int64  `json:"price_before"`
	PromoValue  int64  `json:"promo_value"`
}

// Promotion is a trade promotion programme a trader files with the
// department.
type Promotion struct {
	ID int64 `json:"id"`
	// ProvinceCode is the department's province it is filed with.
	ProvinceCode string `json:"province_code"`
	TaxCode      string `json:"tax_code"`
	TraderName   string `json:"trader_name"`
	Title        string `json:"title"`
	Form         string `json:"form"`
	// Provinces are the codes of the provinces it runs in.
	Provinces []string `json:"provinces"`
	Start     string   `json:"start"`
	End       string   `json:"end"`
	// Brand names the goods' brand, for the yearly limit on discount days.
	Brand string `json:"brand,omitempty"`
	Goods []Good `json:"goods"`
	// Concentrated and PrimeMinister claim the exceptions to the 50 %
	// ceiling: a concentrated programme, or one the Prime Minister
	// decided.
	Concentrated  bool   `json:"concentrated,omitempty"`
	PrimeMinister bool   `json:"prime_minister,omitempty"`
	Prizes        string `json:"prizes,omitempty"`
	PrizeTotal    int64  `json:"prize_total,omitempty"`
	Status        string `json:"status"`
	// Due is the last day the department may decide a registration.
	Due      string `json:"due,omitempty"`
	Decision string `json:"decision,omitempty"`
	Reason   string `json:"reason,omitempty"`
	// Results: the prizes' value awarded and unclaimed, and the share of
	// the unclaimed due to the state budget.
	Awarded     int64     `json:"awarded,omitempty"`
	Unclaimed   int64     `json:"unclaimed,omitempty"`
	BudgetShare int64     `json:"budget_share,omitempty"`
	Demo        bool      `json:"demo,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
	Version     int       `json:"version"`
}

// Limits of what is typed; MaxAmount (a thousand trillion đồng) keeps
// every sum and percentage of amounts within int64.
const (
	MaxGoods      = 50
	MaxPrizesText = 4000
	MaxAmount     = 1_000_000_000_000_000
)

// Normalize trims what was typed.
func (p *Promotion) Normalize() {
	for _, s := range []*string{&p.TaxCode, &p.TraderName, &p.Title, &p.Form, &p.Start, &p.End, &p.Brand} {
		*s = strings.Join(strings.Fields(*s), " ")
	}
	p.Prizes = strings.TrimSpace(p.Prizes)
	var provinces []string
	for _, c := range p.Provinces {
		if c = strings.TrimSpace(c); c != "" && !slices.Contains(provinces, c) {
			provinces = append(provinces, c)
		}
	}
	p.Provinces = provinces
	for i := range p.Goods {
		p.Goods[i].Name = strings.Join(strings.Fields(p.Goods[i].Name), " ")
	}
}

// Validate checks what a filing must hold, naming every wrong field.
func (p *Promotion) Validate() error {
	var v congthuong.Validation
	if _, err := enterprise.ParseTaxCode(p.TaxCode); err != nil {
		v.Add("tax_code", "commerce.promo_tax_code")
	}
	if p.TraderName == "" {
		v.Add("trader_name", "commerce.promo_trader_required")
	}
	switch n := utf8.RuneCountInString(p.Title); {
	case n == 0:
		v.Add("title", "commerce.promo_title_required")
	case n > MaxName:
		v.Add("title", "commerce.too_long", MaxName)
	}
	if !slices.Contains(PromotionForms, p.Form) {
		v.Add("form", "commerce.promo_form")
	}
	if len(p.Provinces) == 0 {
		v.Add("provinces", "commerce.promo_provinces")
	}
	start, err1 := calendar.ParseDate(p.Start)
	end, err2 := calendar.ParseDate(p.End)
	switch {
	case err1 != nil:
		v.Add("start", "commerce.date")
	case err2 != nil:
		v.Add("end", "commerce.date")
	case end.JDN() < start.JDN():
		v.Add("end", "commerce.promo_ends_before")
	}
	if len(p.Goods) == 0 {
		v.Add("goods", "commerce.promo_goods_required")
	}
	if len(p.Goods) > MaxGoods {
		v.Add("goods", "commerce.promo_goods_too_many", MaxGoods)
	}
	for i, g := range p.Goods {
		if g.Name == "" || g.PriceBefore <= 0 || g.PromoValue < 0 || g.PriceBefore > MaxAmount || g.PromoValue > MaxAmount {
			v.Add("goods", "commerce.promo_good", i+1)
		}
	}
	if (p.Form == "lucky_draw" && p.PrizeTotal <= 0) || p.PrizeTotal < 0 || p.PrizeTotal > MaxAmount {
		v.Add("prize_total", "commerce.promo_prize_total")
	}
	if p.Form == "discount" && p.Brand == "" {
		v.Add("brand", "commerce.promo_brand_required")
	}
	for _, c := range []struct{ field, v string }{{"trader_name", p.TraderName}, {"brand", p.Brand}} {
		if utf8.RuneCountInString(c.v) > MaxName {
			v.Add(c.field, "commerce.too_long", MaxName)
		}
	}
	for _, c := range p.Provinces {
		if len(c) != 2 || strings.Trim(c, "0123456789") != "" {
			v.Add("provinces", "commerce.promo_provinces")
			break
		}
	}
	if utf8.RuneCountInString(p.Prizes) > MaxPrizesText {
		v.Add("prizes", "commerce.too_long", MaxPrizesText)
	}
	return v.Err("commerce.invalid_promotion")
}

// Severities of a finding.
const (
	Blocking = "blocking" // the department refuses it: fix before filing
	Warning  = "warning"  // to check; may be allowed
	Info     = "info"
)

// Finding is what a check says of a programme, with the law it reads.
type Finding struct {
	Rule      string `json:"rule"`
	Severity  string `json:"severity"`
	Message   string `json:"message"`
	Args      []any  `json:"args,omitempty"`
	Reference string `json:"reference"`
	Verified  bool   `json:"verified"`
}

// TetOf is the first day of the lunar year that begins in solar year.
func TetOf(year int) (calendar.Date, error) {
	return calendar.FromLunar(calendar.LunarDate{Year: year, Month: 1, Day: 1})
}

// BeforeTet says whether every day from start to end lies within days
// days before a lunar new year.
func BeforeTet(start, end calendar.Date, days int) bool {
	for _, y := range []int{end.Year, end.Year + 1} {
		tet, err := TetOf(y)
		if err != nil {
			continue
		}
		if end.JDN() < tet.JDN() && start.JDN() >= tet.JDN()-days {
			return true
		}
	}
	return false
}

// Check reads a programme against the law before it is filed, with the
// department's province (where it is filed) and the discount days the
// trader's other programmes of the same brand use in the programme's
// year. The findings say what blocks it, what to check, and what to
// know; none is hidden.
func Check(p *Promotion, province string, otherDiscountDays int) []Finding {
	var out []Finding
	add := func(rule, severity, msg, key string, args ...any) {
		l := LimitOf(key)
		out = append(out, Finding{Rule: rule, Severity: severity, Message: msg, Args: args, Reference: l.Reference, Verified: l.Verified})
	}
	start, err1 := calendar.ParseDate(p.Start)
	end, err2 := calendar.ParseDate(p.End)
	dates := err1 == nil && err2 == nil && end.JDN() >= start.JDN()
	// The ceiling on the promotional value of a unit.
	ceiling := LimitOf("max_value_share_pct").Value
	exception := ""
	switch {
	case p.Concentrated:
		exception = "commerce.check_exception_concentrated"
	case p.PrimeMinister:
		exception = "commerce.check_exception_pm"
	case dates && BeforeTet(start, end, LimitOf("before_tet_days").Value):
		exception = "commerce.check_exception_tet"
	}
	if exception != "" {
		ceiling = LimitOf("max_value_share_exception_pct").Value
		add("ceiling_exception", Info, exception, "max_value_share_exception_pct", ceiling)
	}
	if p.Form == "discount" || p.Form == "gift" || p.Form == "sample" || p.Form == "voucher" {
		for i, g := range p.Goods {
			if g.PriceBefore > 0 && g.PromoValue*100 > g.PriceBefore*int64(ceiling) {
				share := math.Ceil(float64(g.PromoValue)*1000/float64(g.PriceBefore)) / 10
				add("ceiling", Blocking, "commerce.check_ceiling", "max_value_share_pct", i+1, g.Name, share, ceiling)
			}
		}
	}
	// The yearly limit on discount days for one brand.
	if p.Form == "discount" && dates {
		days := end.JDN() - start.JDN() + 1
		limit := LimitOf("discount_days_per_year")
		if total := days + otherDiscountDays; total > limit.Value {
			add("discount_days", Blocking, "commerce.check_discount_days", "discount_days_per_year", total, limit.Value)
		} else {
			add("discount_days", Info, "commerce.check_discount_days_ok", "discount_days_per_year", total, limit.Value)
		}
	}
	// Where it is filed.
	switch Filing(p.Form) {
	case FileRegister:
		if len(p.Provinces) > LimitOf("lucky_draw_provinces").Value {
			add("authority", Blocking, "commerce.check_ministry", "lucky_draw_provinces", len(p.Provinces))
		} else if len(p.Provinces) == 1 && p.Provinces[0] != province {
			add("authority", Blocking, "commerce.check_other_province", "lucky_draw_provinces")
		} else {
			add("authority", Info, "commerce.check_register", "decision_working_days", LimitOf("decision_working_days").Value)
		}
		add("report", Info, "commerce.check_report", "report_days", LimitOf("report_days").Value, LimitOf("unclaimed_budget_share_pct").Value)
	case FileNotify:
		add("authority", Info, "commerce.check_notify", "lucky_draw_provinces")
	default:
		add("authority", Info, "commerce.check_no_filing", "lucky_draw_provinces")
	}
	return out
}

// Blocked says whether a finding stops the filing.
func Blocked(findings []Finding) bool {
	return slices.ContainsFunc(findings, func(f Finding) bool { return f.Severity == Blocking })
}

// BudgetShareOf is the state budget's share of unclaimed prizes, in đồng.
func BudgetShareOf(unclaimed int64) int64 {
	return unclaimed * int64(LimitOf("unclaimed_budget_share_pct").Value) / 100
}

// DecisionMail tells the trader the department's decision on its
// registration, in Vietnamese.
func DecisionMail(p *Promotion) (subject, body string) {
	pr := i18n.Default().Printer("vi")
	if p.Status == PromotionConfirmed {
		subject = pr.T("commerce.mail_promo_confirmed_subject", p.Title)
		body = pr.T("commerce.mail_promo_confirmed", p.TraderName, p.Title, p.Decision) + "\n"
	} else {
		subject = pr.T("commerce.mail_promo_refused_subject", p.Title)
		body = pr.T("commerce.mail_promo_refused", p.TraderName, p.Title, p.Decision, p.Reason) + "\n"
	}
	return subject, body
}

// Timing reads a programme's days against today: a programme to register
// or notify is filed before it starts.
func Timing(p *Promotion, today string) []Finding {
	if Filing(p.Form) == FileNone || p.Start == "" || p.Start > today {
		return nil
	}
	l := LimitOf("file_before_start")
	return []Finding{{Rule: "timing", Severity: Blocking, Message: "commerce.check_already_started", Reference: l.Reference, Verified: l.Verified}}
}
