package commercedb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/commerce"
	"congthuong/internal/db"
	"congthuong/internal/tabular"
	"congthuong/internal/unit"
)

const marketColumns = `id, name, unit_code, province_code, address, rural, lon, lat, method, capital, operator, operator_name,
	operator_tax_code, permanent, points, occupied, land_m2, business_m2, opening_hours, fire_cert, food_cert, demo, updated_at, version`

func scanMarket(sc db.Scanner) (*commerce.Market, error) {
	var m commerce.Market
	var lon, lat sql.NullFloat64
	if err := sc.Scan(&m.ID, &m.Name, &m.UnitCode, &m.ProvinceCode, &m.Address, &m.Rural, &lon, &lat, &m.Method, &m.Capital,
		&m.Operator, &m.OperatorName, &m.OperatorTaxCode, &m.Permanent, &m.Points, &m.Occupied, &m.LandM2, &m.BusinessM2,
		&m.OpeningHours, &m.FireCert, &m.FoodCert, &m.Demo, &m.UpdatedAt, &m.Version); err != nil {
		return nil, err
	}
	if lon.Valid && lat.Valid {
		m.Lon, m.Lat = &lon.Float64, &lat.Float64
	}
	m.UpdatedAt = m.UpdatedAt.UTC()
	return &m, nil
}

// placeMarket checks the market's commune and that the actor may keep it:
// a commune's staff their commune's markets, the department's staff their
// province's. A market outside wards is rural.
func (s *Commerce) placeMarket(ctx context.Context, m *commerce.Market, v *congthuong.Validation, today string) error {
	u, ok, err := s.commune(ctx, m.UnitCode, v, 0, today)
	if err != nil || !ok {
		return err
	}
	m.ProvinceCode, m.Rural = u.ProvinceCode(), u.Type != "phường"
	if !keeps(congthuong.ActorFrom(ctx), u) {
		v.Add("unit_code", "commerce.outside_scope")
	}
	return nil
}

// SaveMarket records a new market (m.ID 0) or changes one at its
// version; a change of who runs it is kept in its history.
func (s *Commerce) SaveMarket(ctx context.Context, m *commerce.Market) error {
	a := congthuong.ActorFrom(ctx)
	if err := db.RequireWriter(a); err != nil {
		return err
	}
	today := unit.Today(s.NowUTC())
	m.Normalize()
	var v congthuong.Validation
	m.ValidateInto(&v, 0)
	if err := s.placeMarket(ctx, m, &v, today); err != nil {
		return err
	}
	if err := v.Err("commerce.invalid_market"); err != nil {
		return err
	}
	search := marketSearch(m)
	return s.WithTx(ctx, func(tx *db.Tx) error {
		if m.ID == 0 {
			return insertMarket(ctx, tx, m)
		}
		w := &db.Where{}
		w.Add("id = ?", m.ID)
		w.Scope(a, "unit_code", "province_code")
		cur, err := scanMarket(tx.QueryRowContext(ctx, `SELECT `+marketColumns+` FROM markets`+w.SQL(), w.Args...))
		if errors.Is(err, sql.ErrNoRows) {
			return congthuong.Errorf(congthuong.ENOTFOUND, "commerce.no_market", m.ID)
		}
		if err != nil {
			return fmt.Errorf("commercedb: market: %w", err)
		}
		if cur.Version != m.Version {
			return congthuong.Errorf(congthuong.ECONFLICT, "commerce.changed_meanwhile")
		}
		m.Version, m.UpdatedAt, m.Demo = cur.Version+1, tx.Now, cur.Demo
		if _, err := tx.ExecContext(ctx, `UPDATE markets SET name = $1, unit_code = $2, province_code = $3, address = $4, rural = $5,
			lon = $6, lat = $7, method = $8, capital = $9, operator = $10, operator_name = $11, operator_tax_code = $12, permanent = $13,
			points = $14, occupied = $15, land_m2 = $16, business_m2 = $17, opening_hours = $18, fire_cert = $19, food_cert = $20,
			search_text = $21, updated_at = $22, version = $23 WHERE id = $24`, m.Name, m.UnitCode, m.ProvinceCode, m.Address, m.Rural,
			m.Lon, m.Lat, m.Method, m.Capital, m.Operator, m.OperatorName, m.OperatorTaxCode, m.Permanent, m.Points, m.Occupied,
			m.LandM2, m.BusinessM2, m.OpeningHours, m.FireCert, m.FoodCert, search, tx.Now, m.Version, m.ID); err != nil {
			return fmt.Errorf("commercedb: save market: %w", err)
		}
		if cur.Operator != m.Operator || cur.OperatorName != m.OperatorName {
			if _, err := tx.ExecContext(ctx, `INSERT INTO market_events (market_id, from_operator, to_operator, operator_name, actor, at)
				VALUES ($1, $2, $3, $4, $5, $6)`, m.ID, cur.Operator, m.Operator, m.OperatorName, a.Name(), tx.Now); err != nil {
				return fmt.Errorf("commercedb: market history: %w", err)
			}
		}
		return tx.Audit(ctx, audit.Update, "market", strconv.FormatInt(m.ID, 10), m.UnitCode, marketView(cur), marketView(m))
	})
}

func insertMarket(ctx context.Context, tx *db.Tx, m *commerce.Market) error {
	m.Version, m.UpdatedAt = 1, tx.Now
	if err := tx.QueryRowContext(ctx, `INSERT INTO markets (name, unit_code, province_code, address, rural, lon, lat, method,
		capital, operator, operator_name, operator_tax_code, permanent, points, occupied, land_m2, business_m2, opening_hours,
		fire_cert, food_cert, search_text, demo, updated_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
		$13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, 1) RETURNING id`, m.Name, m.UnitCode, m.ProvinceCode, m.Address,
		m.Rural, m.Lon, m.Lat, m.Method, m.Capital, m.Operator, m.OperatorName, m.OperatorTaxCode, m.Permanent, m.Points,
		m.Occupied, m.LandM2, m.BusinessM2, m.OpeningHours, m.FireCert, m.FoodCert, marketSearch(m), m.Demo, tx.Now).Scan(&m.ID); err != nil {
		return fmt.Errorf("commercedb: create market: %w", err)
	}
	return tx.Audit(ctx, audit.Create, "market", strconv.FormatInt(m.ID, 10), m.UnitCode, nil, marketView(m))
}

func marketSearch(m *commerce.Market) string {
	return unit.Fold(m.Name + " " + m.Address + " " + m.OperatorName)
}

func marketView(m *commerce.Market) map[string]any {
	return map[string]any{"name": m.Name, "unit": m.UnitCode, "method": m.Method, "operator": m.Operator, "points": m.Points,
		"occupied": m.Occupied, "land_m2": m.LandM2}
}

// FindMarket reads a market: staff in scope; anyone, since markets are
// public places.
func (s *Commerce) FindMarket(ctx context.Context, id int64) (*commerce.Market, error) {
	m, err := scanMarket(s.Read.QueryRowContext(ctx, `SELECT `+marketColumns+` FROM markets WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congthuong.Errorf(congthuong.ENOTFOUND, "commerce.no_market", id)
	}
	if err != nil {
		return nil, fmt.Errorf("commercedb: market: %w", err)
	}
	return m, nil
}

// MarketEvent is one change of who runs a market.
type MarketEvent struct {
	From, To, Name, Actor string
	At                    time.Time
}

// MarketHistory reads the conversions of who runs a market, oldest first.
func (s *Commerce) MarketHistory(ctx context.Context, id int64) ([]MarketEvent, error) {
	out, err := db.Collect(ctx, s.Read, `SELECT from_operator, to_operator, operator_name, actor, at FROM market_events
		WHERE market_id = $1 ORDER BY id`, []any{id}, func(sc db.Scanner) (MarketEvent, error) {
		var e MarketEvent
		err := sc.Scan(&e.From, &e.To, &e.Name, &e.Actor, &e.At)
		e.At = e.At.UTC()
		return e, err
	})
	if err != nil {
		return nil, fmt.Errorf("commercedb: market history: %w", err)
	}
	return out, nil
}

// MarketFilter selects markets: of a commune, or of a province.
type MarketFilter struct {
	Q        string
	UnitCode string
	Province string
	Method   string
	Page     db.Page
}

// ListMarkets reads a page of markets: markets are public places, listed
// for anyone by commune or province.
func (s *Commerce) ListMarkets(ctx context.Context, f MarketFilter) ([]*commerce.Market, int, error) {
	w := &db.Where{}
	if f.UnitCode != "" {
		w.Add("unit_code = ?", f.UnitCode)
	}
	if f.Province != "" {
		w.Add("province_code = ?", f.Province)
	}
	if f.Method != "" {
		w.Add("method = ?", f.Method)
	}
	w.Words("search_text", unit.Fold(f.Q))
	items, total, err := db.List(ctx, s.DB, "markets", db.Listing{Columns: marketColumns, From: "markets", Where: w,
		Order: " ORDER BY unit_code, name, id", Page: f.Page}, scanMarket)
	if err != nil {
		return nil, 0, fmt.Errorf("commercedb: %w", err)
	}
	return items, total, nil
}

// MarketCount counts a commune's markets by class.
type MarketCount struct {
	UnitCode string
	Class    [4]int // by class 1, 2, 3 (index 0 unused)
	Total    int
}

// MarketCounts counts a province's markets by commune and class, for the
// statistics: every market of the province is read once.
func (s *Commerce) MarketCounts(ctx context.Context, province string) ([]MarketCount, error) {
	items, err := db.Collect(ctx, s.Read, `SELECT `+marketColumns+` FROM markets WHERE province_code = $1 ORDER BY unit_code`,
		[]any{province}, scanMarket)
	if err != nil {
		return nil, fmt.Errorf("commercedb: market counts: %w", err)
	}
	var out []MarketCount
	for _, m := range items {
		if len(out) == 0 || out[len(out)-1].UnitCode != m.UnitCode {
			out = append(out, MarketCount{UnitCode: m.UnitCode})
		}
		c := &out[len(out)-1]
		c.Class[m.Class()]++
		c.Total++
	}
	return out, nil
}

// ImportMarkets records the markets of a commune's or the department's
// list, all or nothing: every row checked as SaveMarket checks one (the
// commune in the actor's area), a name twice in one commune in the file
// or already recorded named, nothing written unless every row is good.
func (s *Commerce) ImportMarkets(ctx context.Context, src tabular.Source[commerce.MarketRow], dryRun bool) (db.ImportResult, error) {
	res := db.ImportResult{DryRun: dryRun}
	if err := db.RequireWriter(congthuong.ActorFrom(ctx)); err != nil {
		return res, err
	}
	today := unit.Today(s.NowUTC())
	seen := map[[2]string]int{}
	var rows []*commerce.Market
	var lines []int
	err := db.RunImport(ctx, s.DB, src, dryRun, &res.Rows, db.Importer[commerce.MarketRow, struct{}]{
		Kind:    "markets",
		MaxRows: MaxLicenceRows,
		NoRows:  commerce.ErrNoMarketRows,
		Check: func(r commerce.MarketRow, v *congthuong.Validation) error {
			for _, f := range r.Problems {
				v.AddRow(f.Row, f.Field, f.Message, f.Args...)
			}
			m := r.Market
			m.Normalize()
			var rv congthuong.Validation
			m.ValidateInto(&rv, r.Line)
			if err := s.placeMarket(ctx, &m, &rv, today); err != nil {
				return err
			}
			for _, f := range congthuong.ErrorFields(rv.Err("")) {
				row := f.Row
				if row == 0 {
					row = r.Line
				}
				if !problemIn(r.Problems, f.Field) {
					v.AddRow(row, f.Field, f.Message, f.Args...)
				}
			}
			k := [2]string{m.UnitCode, unit.Fold(m.Name)}
			if first, dup := seen[k]; dup {
				v.AddRow(r.Line, "name", "commerce.market_in_file", m.Name, first)
				return nil
			}
			seen[k] = r.Line
			rows, lines = append(rows, &m), append(lines, r.Line)
			return nil
		},
		Review: func(q db.Queryer, p *db.ImportProblems) (struct{}, error) {
			for i, m := range rows {
				var n int
				if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM markets WHERE unit_code = $1 AND name = $2`, m.UnitCode, m.Name).Scan(&n); err != nil {
					return struct{}{}, fmt.Errorf("commercedb: markets recorded: %w", err)
				}
				if n > 0 {
					p.Invalid.AddRow(lines[i], "name", "commerce.market_recorded", m.Name)
				}
			}
			return struct{}{}, nil
		},
		Write: func(tx *db.Tx, _ struct{}) error {
			for _, m := range rows {
				if err := insertMarket(ctx, tx, m); err != nil {
					return err
				}
				res.Created++
			}
			return nil
		},
	})
	return res, err
}

// EachMarket calls fn with every market of a province, for an export.
func (s *Commerce) EachMarket(ctx context.Context, province string, fn func(*commerce.Market) error) error {
	return db.EachPage(func(pg db.Page) ([]*commerce.Market, error) {
		items, _, err := s.ListMarkets(ctx, MarketFilter{Province: province, Page: pg})
		return items, err
	}, fn)
}
