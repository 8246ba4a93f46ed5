package commercedb

import (
	"context"
	"fmt"

	"congthuong"
	"congthuong/internal/db"
	"congthuong/internal/tabular"
	"congthuong/internal/unit"
)

// placeImport says how a list of places (markets, stores) is read,
// checked and written: read gives a row's line, record and reading
// problems; check normalises and checks a record as the register's form
// does (its commune in the actor's area); key is its commune and name,
// which may appear once in a commune.
type placeImport[R, T any] struct {
	kind, table      string
	noRows           error
	inFile, recorded string // messages: a name twice in the file, a name already recorded
	read             func(R) (int, T, []congthuong.FieldError)
	check            func(rec *T, v *congthuong.Validation, line int, today string) error
	key              func(*T) (unitCode, name string)
	insert           func(*db.Tx, *T) error
}

// importPlaces records the places of a commune's or the department's
// list, all or nothing: every row checked, a name twice in one commune in
// the file or already recorded named, nothing written unless every row is
// good.
func importPlaces[R, T any](ctx context.Context, s *Commerce, src tabular.Source[R], dryRun bool, p placeImport[R, T]) (db.ImportResult, error) {
	res := db.ImportResult{DryRun: dryRun}
	if err := db.RequireWriter(congthuong.ActorFrom(ctx)); err != nil {
		return res, err
	}
	today := unit.Today(s.NowUTC())
	seen := map[[2]string]int{}
	var recs []*T
	var lines []int
	err := db.RunImport(ctx, s.DB, src, dryRun, &res.Rows, db.Importer[R, struct{}]{
		Kind:    p.kind,
		MaxRows: MaxLicenceRows,
		NoRows:  p.noRows,
		Check: func(r R, v *congthuong.Validation) error {
			line, rec, problems := p.read(r)
			for _, f := range problems {
				v.AddRow(f.Row, f.Field, f.Message, f.Args...)
			}
			var rv congthuong.Validation
			if err := p.check(&rec, &rv, line, today); err != nil {
				return err
			}
			for _, f := range congthuong.ErrorFields(rv.Err("")) {
				row := f.Row
				if row == 0 {
					row = line
				}
				if !problemIn(problems, f.Field) {
					v.AddRow(row, f.Field, f.Message, f.Args...)
				}
			}
			unitCode, name := p.key(&rec)
			k := [2]string{unitCode, unit.Fold(name)}
			if first, dup := seen[k]; dup {
				v.AddRow(line, "name", p.inFile, name, first)
				return nil
			}
			seen[k] = line
			recs, lines = append(recs, &rec), append(lines, line)
			return nil
		},
		Review: func(q db.Queryer, problems *db.ImportProblems) (struct{}, error) {
			// The names each commune of the file already has, read once per
			// commune and compared as the file's are, whatever their case
			// and accents.
			recorded := map[string]map[string]bool{}
			for i, rec := range recs {
				unitCode, name := p.key(rec)
				names, ok := recorded[unitCode]
				if !ok {
					list, err := db.Collect(ctx, q, `SELECT name FROM `+p.table+` WHERE unit_code = $1`, []any{unitCode},
						func(sc db.Scanner) (string, error) {
							var n string
							return n, sc.Scan(&n)
						})
					if err != nil {
						return struct{}{}, fmt.Errorf("commercedb: %s recorded: %w", p.kind, err)
					}
					names = map[string]bool{}
					for _, n := range list {
						names[unit.Fold(n)] = true
					}
					recorded[unitCode] = names
				}
				if names[unit.Fold(name)] {
					problems.Invalid.AddRow(lines[i], "name", p.recorded, name)
				}
			}
			return struct{}{}, nil
		},
		Write: func(tx *db.Tx, _ struct{}) error {
			for _, rec := range recs {
				if err := p.insert(tx, rec); err != nil {
					return err
				}
				res.Created++
			}
			return nil
		},
	})
	return res, err
}
