package unitdb

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/db"
	"congthuong/internal/unit"
)

// OutlineSet is what an administrator loaded for a level.
type OutlineSet struct {
	Level     unit.Level
	Count     int
	Source    string
	UpdatedAt time.Time
	UpdatedBy string
}

// MaxOutlineSource bounds the credit a map shows for loaded boundaries.
const MaxOutlineSource = 300

// ReplaceOutlines stores the boundaries of a file in place of those loaded
// before for the levels it holds, all or nothing; administrators only.
// source is the credit the map shows (the boundaries' owner and licence).
func (s *Units) ReplaceOutlines(ctx context.Context, source string, outlines []unit.Outline) error {
	a := congthuong.ActorFrom(ctx)
	if !a.System && !a.IsAdmin() {
		return congthuong.Errorf(congthuong.EFORBIDDEN, "unit.outlines_admin_only")
	}
	source = strings.Join(strings.Fields(source), " ")
	switch {
	case source == "":
		return congthuong.FieldErr(congthuong.EINVALID, "source", "unit.outlines_source_required")
	case utf8.RuneCountInString(source) > MaxOutlineSource:
		return congthuong.FieldErr(congthuong.EINVALID, "source", "unit.outlines_source_too_long", MaxOutlineSource)
	}
	levels := map[unit.Level]int{}
	for _, o := range outlines {
		levels[o.Level]++
	}
	return s.WithTx(ctx, func(tx *db.Tx) error {
		for level := range levels {
			if _, err := tx.ExecContext(ctx, `DELETE FROM unit_outlines WHERE level = $1`, string(level)); err != nil {
				return fmt.Errorf("unitdb: outlines: %w", err)
			}
		}
		rows := func(yield func([]any) bool) {
			for _, o := range outlines {
				b, _ := json.Marshal(o.Rings)
				if !yield([]any{o.Code, string(o.Level), o.Province, string(b), source, tx.Now, a.Name()}) {
					return
				}
			}
		}
		if err := tx.InsertRows(ctx, "unit_outlines", []string{"code", "level", "province_code", "rings", "source", "updated_at", "updated_by"},
			iter.Seq[[]any](rows)); err != nil {
			return fmt.Errorf("unitdb: outlines: %w", err)
		}
		for level, n := range levels {
			if err := tx.Audit(ctx, audit.Import, "unit_outlines", string(level), "", nil,
				map[string]string{"outlines": strconv.Itoa(n), "source": source}); err != nil {
				return err
			}
		}
		return nil
	})
}

// RemoveOutlines drops the loaded boundaries of a level: the maps go back
// to the shipped ones (provinces) or to none (communes).
func (s *Units) RemoveOutlines(ctx context.Context, level unit.Level) error {
	a := congthuong.ActorFrom(ctx)
	if !a.System && !a.IsAdmin() {
		return congthuong.Errorf(congthuong.EFORBIDDEN, "unit.outlines_admin_only")
	}
	return s.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM unit_outlines WHERE level = $1`, string(level))
		if err != nil {
			return fmt.Errorf("unitdb: outlines: %w", err)
		}
		n, _ := res.RowsAffected()
		return tx.Audit(ctx, audit.Delete, "unit_outlines", string(level), "", map[string]string{"outlines": strconv.FormatInt(n, 10)}, nil)
	})
}

// OutlineSets says what was loaded, by level; public, as the maps credit
// it. A level is loaded whole, so one row of it tells its source.
func (s *Units) OutlineSets(ctx context.Context) ([]OutlineSet, error) {
	out, err := db.Collect(ctx, s.Read, `SELECT level, COUNT(*) FROM unit_outlines GROUP BY level ORDER BY level DESC`, nil,
		func(sc db.Scanner) (OutlineSet, error) {
			var o OutlineSet
			var level string
			err := sc.Scan(&level, &o.Count)
			o.Level = unit.Level(level)
			return o, err
		})
	if err != nil {
		return nil, fmt.Errorf("unitdb: outline sets: %w", err)
	}
	for i := range out {
		if err := s.Read.QueryRowContext(ctx, `SELECT source, updated_at, updated_by FROM unit_outlines WHERE level = $1 LIMIT 1`,
			string(out[i].Level)).Scan(&out[i].Source, &out[i].UpdatedAt, &out[i].UpdatedBy); err != nil {
			return nil, fmt.Errorf("unitdb: outline sets: %w", err)
		}
	}
	return out, nil
}

// Outlines reads the loaded boundaries a map draws: the provinces', and
// the communes' of province when it is given.
func (s *Units) Outlines(ctx context.Context, province string) ([]unit.Outline, error) {
	q := `SELECT code, level, province_code, rings FROM unit_outlines WHERE level = 'province'`
	args := []any{}
	if province != "" {
		q += ` OR (level = 'commune' AND province_code = $1)`
		args = append(args, province)
	}
	out, err := db.Collect(ctx, s.Read, q+` ORDER BY level DESC, code`, args, func(sc db.Scanner) (unit.Outline, error) {
		var o unit.Outline
		var level, rings string
		if err := sc.Scan(&o.Code, &level, &o.Province, &rings); err != nil {
			return o, err
		}
		o.Level = unit.Level(level)
		return o, json.Unmarshal([]byte(rings), &o.Rings)
	})
	if err != nil {
		return nil, fmt.Errorf("unitdb: outlines: %w", err)
	}
	return slices.Clip(out), nil
}

// OutlineUnits answers, for a boundary file, the level and province of a
// unit in force on day.
func (s *Units) OutlineUnits(ctx context.Context, day string) (func(code string) (unit.Level, string, bool), error) {
	ix, err := s.Index(ctx)
	if err != nil {
		return nil, err
	}
	return func(code string) (unit.Level, string, bool) {
		u, ok := ix.Resolve(code, day, day)
		if !ok || (u.Level != unit.Province && u.Level != unit.Commune) {
			return "", "", false
		}
		return u.Level, u.ProvinceCode(), true
	}, nil
}
