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

// ListMarkets reads a page of markets (PlaceFilter's Kind is how they
// trade): markets are public places, listed for anyone by commune or
// province.
func (s *Commerce) ListMarkets(ctx context.Context, f PlaceFilter) ([]*commerce.Market, int, error) {
	return listPlaces(ctx, s, "markets", marketColumns, "method", f, scanMarket)
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
// list, all or nothing (importPlaces): every row checked as SaveMarket
// checks one.
func (s *Commerce) ImportMarkets(ctx context.Context, src tabular.Source[commerce.MarketRow], dryRun bool) (db.ImportResult, error) {
	return importPlaces(ctx, s, src, dryRun, placeImport[commerce.MarketRow, commerce.Market]{
		kind: "markets", table: "markets", noRows: commerce.ErrNoMarketRows, inFile: "commerce.market_in_file", recorded: "commerce.market_recorded",
		read: func(r commerce.MarketRow) (int, commerce.Market, []congthuong.FieldError) {
			return r.Line, r.Market, r.Problems
		},
		check: func(m *commerce.Market, v *congthuong.Validation, line int, today string) error {
			m.Normalize()
			m.ValidateInto(v, line)
			return s.placeMarket(ctx, m, v, today)
		},
		key:    func(m *commerce.Market) (string, string) { return m.UnitCode, m.Name },
		insert: func(tx *db.Tx, m *commerce.Market) error { return insertMarket(ctx, tx, m) },
	})
}

// EachMarket calls fn with every market of a province, for an export.
func (s *Commerce) EachMarket(ctx context.Context, province string, fn func(*commerce.Market) error) error {
	return eachPlace(ctx, s.ListMarkets, province, fn)
}
