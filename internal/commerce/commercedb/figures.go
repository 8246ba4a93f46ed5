package commercedb

import (
	"context"
	"fmt"
	"math"
	"strconv"

	"congthuong"
	"congthuong/internal/commerce"
	"congthuong/internal/db"
	"congthuong/internal/stats"
	"congthuong/internal/stats/statsdb"
	"congthuong/internal/unit"
)

// The statistics the registers feed (internal/stats/indicators.json):
// stocks counted per commune and for the province, and the month's
// promotions for the province.
var (
	communeFigures = []string{"MARKETS", "MARKETS_CLASS1", "MARKETS_CLASS2", "MARKETS_CLASS3",
		"SUPERMARKETS", "SHOPPING_CENTRES", "CONVENIENCE_STORES", "TRADE_LICENCES"}
	retailFigure = map[string]string{"supermarket": "SUPERMARKETS", "shopping_centre": "SHOPPING_CENTRES", "convenience": "CONVENIENCE_STORES"}
)

// PublishTradeFigures writes what the registers count today into the
// statistics as official values of the current month: for every commune
// that keeps a market, a store or a licence, and for the province, its
// markets by class, supermarkets, shopping centres, convenience stores
// and licences in force; for the province, the promotion programmes
// confirmed that start this month and their prizes' value. Only the
// department does it; running it again in the month revises the values
// (the statistics keep the old ones). Where o gives a unit's population,
// its markets per 10,000 people are written too.
func (s *Commerce) PublishTradeFigures(ctx context.Context, province string, o FigureOptions) (statsdb.ValueImportResult, error) {
	var res statsdb.ValueImportResult
	a := congthuong.ActorFrom(ctx)
	if !a.System && !(a.IsDepartment() && a.CanWrite() && a.InScope(province, province)) {
		return res, congthuong.Errorf(congthuong.EFORBIDDEN, "commerce.only_department_publishes_figures")
	}
	now := s.NowUTC().In(congthuong.Location)
	today := unit.Today(s.NowUTC())
	period := stats.MonthOf(now.Year(), int(now.Month()))
	counts := map[string]map[string]float64{province: {}}
	at := func(unitCode string) map[string]float64 {
		if counts[unitCode] == nil {
			counts[unitCode] = map[string]float64{}
		}
		return counts[unitCode]
	}
	add := func(unitCode, code string, n float64) {
		at(unitCode)[code] += n
		counts[province][code] += n
	}
	markets, err := s.MarketCounts(ctx, province)
	if err != nil {
		return res, err
	}
	for _, m := range markets {
		add(m.UnitCode, "MARKETS", float64(m.Total))
		for c := 1; c <= 3; c++ {
			add(m.UnitCode, "MARKETS_CLASS"+strconv.Itoa(c), float64(m.Class[c]))
		}
	}
	err = s.EachRetailStore(ctx, province, func(r *commerce.RetailStore) error {
		add(r.UnitCode, retailFigure[r.Kind], 1)
		return nil
	})
	if err != nil {
		return res, err
	}
	licences, err := db.Collect(ctx, s.Read, `SELECT unit_code, COUNT(*) FROM licences
		WHERE province_code = $1 AND status = $2 AND (valid_until = '' OR valid_until >= $3) GROUP BY unit_code`,
		[]any{province, commerce.Active, today}, func(sc db.Scanner) (unitCount, error) {
			var c unitCount
			return c, sc.Scan(&c.code, &c.n)
		})
	if err != nil {
		return res, fmt.Errorf("commercedb: licences in force: %w", err)
	}
	for _, c := range licences {
		add(c.code, "TRADE_LICENCES", float64(c.n))
	}
	first, last := period.Days()
	var programmes int
	var prizes int64
	err = s.Read.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(prize_total), 0) FROM promotions
		WHERE province_code = $1 AND status IN ($2, $3) AND start_day >= $4 AND start_day <= $5`,
		province, commerce.PromotionConfirmed, commerce.PromotionReported, first, last).Scan(&programmes, &prizes)
	if err != nil {
		return res, fmt.Errorf("commercedb: promotions of the month: %w", err)
	}
	source := "Sổ theo dõi thương mại (chợ, siêu thị, giấy phép, khuyến mại), " + today
	if o.Note != "" {
		source += " — " + o.Note
	}
	var rows []stats.ValueRow
	row := func(unitCode, code string, v float64) {
		rows = append(rows, stats.ValueRow{Line: len(rows) + 2, Indicator: code, UnitCode: unitCode, Period: period, Value: v,
			Status: stats.Official, Source: source})
	}
	for unitCode, c := range counts {
		for _, code := range communeFigures {
			row(unitCode, code, c[code])
		}
		if people := o.Population[unitCode]; people > 0 {
			row(unitCode, "MARKETS_PER_10K", math.Round(c["MARKETS"]*10_000/float64(people)*100)/100)
		}
	}
	row(province, "PROMOTIONS", float64(programmes))
	row(province, "PROMOTION_PRIZES", float64(prizes)/1e6) // million dong
	err = s.WithTx(ctx, func(tx *db.Tx) error {
		return s.stats.ImportValuesTx(ctx, tx, rows, false, &res)
	})
	return res, err
}

// FigureOptions are what PublishTradeFigures needs beside the registers:
// the units' population (the reference data's, by unit code) and a note
// added to the values' source (the demo's mark).
type FigureOptions struct {
	Population map[string]int64
	Note       string
}

type unitCount struct {
	code string
	n    int
}
