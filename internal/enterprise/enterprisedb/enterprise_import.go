package enterprisedb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/db"
	"congthuong/internal/enterprise"
	"congthuong/internal/tabular"
	"congthuong/internal/unit"
)

// ImportEnterprises imports rows already read; see ImportEnterpriseFile.
func (s *Enterprises) ImportEnterprises(ctx context.Context, rows []enterprise.ImportRow, dryRun bool) (db.ImportResult, error) {
	return s.ImportEnterpriseFile(ctx, tabular.Rows(rows), dryRun)
}

// MaxEnterpriseRows bounds an enterprise import.
const MaxEnterpriseRows = 200_000

// ImportEnterpriseFile creates or updates the enterprises of an import, all
// or nothing (runImport). While the file is read each row is checked
// (fields, tax code repeated in the file, unit in force today and in the
// actor's scope); then, in one transaction, an existing record must be in
// the actor's scope too. If anything is wrong every problem is returned and
// nothing is imported.
func (s *Enterprises) ImportEnterpriseFile(ctx context.Context, src tabular.Source[enterprise.ImportRow], dryRun bool) (db.ImportResult, error) {
	res := db.ImportResult{DryRun: dryRun}
	actor := congthuong.ActorFrom(ctx)
	provinceOf, err := s.units.ProvincesInForce(ctx, unit.Today(s.NowUTC()))
	if err != nil {
		return res, err
	}
	var rc enterprise.RowChecker
	type checked struct {
		line int
		e    *enterprise.Enterprise
	}
	var rows []checked
	// review reads the stored enterprises and checks that those the file
	// changes are in the actor's scope.
	review := func(q db.Queryer, p *db.ImportProblems) (map[string]*enterprise.Enterprise, error) {
		existing, err := enterprisesByTaxCode(ctx, q)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			old, found := existing[r.e.TaxCode]
			if found && !actor.System && !actor.InScope(old.UnitCode, old.ProvinceCode) {
				p.Invalid.AddRow(r.line, "tax_code", "enterprise.tax_code_registered_enterprise_outside", r.e.TaxCode)
			}
		}
		return existing, nil
	}
	err = db.RunImport(ctx, s.DB, src, dryRun, &res.Rows, db.Importer[enterprise.ImportRow, map[string]*enterprise.Enterprise]{
		Kind:    "enterprises",
		MaxRows: MaxEnterpriseRows,
		NoRows:  enterprise.ErrEmptyFile,
		Check: func(r enterprise.ImportRow, v *congthuong.Validation) error {
			e := &r.Enterprise
			before := v.Len()
			rc.Check(&r, v)
			prov, ok := provinceOf[e.UnitCode]
			switch {
			case e.UnitCode == "":
				// reported by Check
			case !ok:
				v.AddRow(r.Line, "unit_code", "common.no_administrative_unit_code_force_today", e.UnitCode)
			case e.UnitCode == congthuong.CountryCode:
				v.AddRow(r.Line, "unit_code", "enterprise.give_commune_province_address_not")
			case !actor.System && !actor.InScope(e.UnitCode, prov):
				v.AddRow(r.Line, "unit_code", "common.unit_outside_your_scope", e.UnitCode)
			}
			e.ProvinceCode = prov
			if v.Len() == before {
				rows = append(rows, checked{r.Line, e})
			}
			return nil
		},
		Review: review,
		Write: func(tx *db.Tx, existing map[string]*enterprise.Enterprise) error {
			var chunk, created []*enterprise.Enterprise
			for _, r := range rows {
				e := r.e
				old, found := existing[e.TaxCode]
				switch {
				case !found:
					res.Created++
					created = append(created, e)
					if tx.DB.Dialect.UseCopy {
						break // all at once, after the loop
					}
					chunk = append(chunk, e)
					if len(chunk) == insertChunk {
						if err := insertEnterprises(ctx, tx, chunk); err != nil {
							return err
						}
						chunk = chunk[:0]
					}
				case sameEnterprise(old, e):
					res.Unchanged++
				default:
					res.Updated++
					e.ID, e.Demo, e.CreatedAt = old.ID, old.Demo, old.CreatedAt
					if err := updateEnterprise(ctx, tx, old, e); err != nil {
						return fmt.Errorf("row %d: %w", r.line, err)
					}
				}
			}
			if err := insertEnterprises(ctx, tx, chunk); err != nil {
				return err
			}
			if tx.DB.Dialect.UseCopy {
				if err := copyEnterprises(ctx, tx, created); err != nil {
					return err
				}
			}
			// The search rows go last, after the audit entries: SQLite's
			// full-text index writes its buffered rows out at the start of
			// every later multi-row statement in the transaction.
			if err := tx.FlushAudit(ctx); err != nil {
				return err
			}
			return indexEnterprises(ctx, tx, created)
		},
	})
	if err == nil && !dryRun && res.Created+res.Updated >= analyzeAfter {
		if _, err := s.Write.ExecContext(ctx, search(s.Dialect).plannerStats); err != nil {
			return res, fmt.Errorf("enterprisedb: planner statistics after import: %w", err)
		}
	}
	return res, err
}

// analyzeAfter is the size of an import after which statistics are
// refreshed.
const analyzeAfter = 1000

func enterprisesByTaxCode(ctx context.Context, q db.Queryer) (map[string]*enterprise.Enterprise, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+enterpriseColumns+` FROM enterprises`)
	if err != nil {
		return nil, fmt.Errorf("enterprisedb: existing enterprises: %w", err)
	}
	defer rows.Close()
	out := map[string]*enterprise.Enterprise{}
	for rows.Next() {
		e, err := scanEnterprise(rows)
		if err != nil {
			return nil, err
		}
		out[e.TaxCode] = e
	}
	return out, rows.Err()
}

// insertChunk is how many enterprises one INSERT writes during an import.
const insertChunk = 64

// insertColumns are the columns an import writes of a new enterprise, in
// the order of insertRow.
var insertColumns = []string{"tax_code", "name", "name_en", "address", "unit_code", "province_code", "vsic_code", "vsic_version",
	"representative", "phone", "email", "demo", "search_name", "created_at", "updated_at"}

func insertRow(row []any, e *enterprise.Enterprise) []any {
	return append(row, e.TaxCode, e.Name, e.NameEN, e.Address, e.UnitCode, e.ProvinceCode, e.VSICCode,
		e.VSICVersion, e.Representative, e.Phone, e.Email, e.Demo, unit.Fold(e.Name), e.CreatedAt, e.UpdatedAt)
}

// insertEnterprises writes at most insertChunk new enterprises in one
// multi-row statement, with their audit entries: a bulk import costs a few
// thousand statements instead of a few hundred thousand. Their search rows
// are written by indexEnterprises.
func insertEnterprises(ctx context.Context, tx *db.Tx, chunk []*enterprise.Enterprise) error {
	if len(chunk) == 0 {
		return nil
	}
	args := make([]any, 0, len(insertColumns)*len(chunk))
	byTaxCode := make(map[string]*enterprise.Enterprise, len(chunk))
	for _, e := range chunk {
		e.CreatedAt, e.UpdatedAt = tx.Now, tx.Now
		args = insertRow(args, e)
		byTaxCode[e.TaxCode] = e
	}
	ins, err := tx.Stmt(ctx, `INSERT INTO enterprises (`+strings.Join(insertColumns, ", ")+`)
		VALUES `+tx.DB.Dialect.Values(len(chunk), len(insertColumns))+` RETURNING id, tax_code`)
	if err != nil {
		return fmt.Errorf("enterprisedb: import enterprises: %w", err)
	}
	rows, err := ins.QueryContext(ctx, args...)
	if err != nil {
		return insertError(err)
	}
	if err := readIDs(rows, byTaxCode); err != nil {
		return err
	}
	return auditCreated(ctx, tx, chunk)
}

// copyEnterprises writes new enterprises with COPY, where the database
// has it, then reads their ids back by tax code in one query: on
// PostgreSQL, a fifth of an import's time went to planning multi-row
// INSERTs.
func copyEnterprises(ctx context.Context, tx *db.Tx, es []*enterprise.Enterprise) error {
	if len(es) == 0 {
		return nil
	}
	byTaxCode := make(map[string]*enterprise.Enterprise, len(es))
	taxCodes := make([]string, 0, len(es))
	for _, e := range es {
		e.CreatedAt, e.UpdatedAt = tx.Now, tx.Now
		byTaxCode[e.TaxCode] = e
		taxCodes = append(taxCodes, e.TaxCode)
	}
	err := tx.InsertRows(ctx, "enterprises", insertColumns, func(yield func([]any) bool) {
		row := make([]any, 0, len(insertColumns))
		for _, e := range es {
			if !yield(insertRow(row[:0], e)) {
				return
			}
		}
	})
	if err != nil {
		return insertError(err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, tax_code FROM enterprises WHERE tax_code = ANY($1)`, taxCodes)
	if err != nil {
		return fmt.Errorf("enterprisedb: import enterprises: %w", err)
	}
	if err := readIDs(rows, byTaxCode); err != nil {
		return err
	}
	return auditCreated(ctx, tx, es)
}

func insertError(err error) error {
	if db.IsUniqueViolation(err) {
		return congthuong.Errorf(congthuong.ECONFLICT, "enterprise.another_change_registered_one_these_tax")
	}
	return fmt.Errorf("enterprisedb: import enterprises: %w", err)
}

// readIDs sets the ids rows (id, tax code) give the enterprises they name.
func readIDs(rows *sql.Rows, byTaxCode map[string]*enterprise.Enterprise) error {
	for rows.Next() {
		var id int64
		var tc string
		if err := rows.Scan(&id, &tc); err != nil {
			rows.Close()
			return err
		}
		byTaxCode[tc].ID = id
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return fmt.Errorf("enterprisedb: import enterprises: %w", err)
	}
	return nil
}

func auditCreated(ctx context.Context, tx *db.Tx, es []*enterprise.Enterprise) error {
	for _, e := range es {
		if err := tx.Audit(ctx, audit.Create, "enterprise", e.TaxCode, e.UnitCode, nil, e); err != nil {
			return err
		}
	}
	return nil
}

// indexEnterprises writes the enterprise_search rows of es in one
// statement that reads them from a JSON array. One statement matters on
// SQLite: its full-text index writes its buffered rows out as a new segment
// at the start of every multi-row statement in a transaction, so
// thousands of small inserts would make thousands of segments to merge. One
// parameter also spares the driver from binding hundreds of thousands.
func indexEnterprises(ctx context.Context, tx *db.Tx, es []*enterprise.Enterprise) error {
	rows := make([][3]any, 0, len(es))
	for _, e := range es {
		words := enterprise.SearchWords(e.Name)
		if len(words) == 0 {
			continue // a name of legal forms only is found by listing, not by words
		}
		rows = append(rows, [3]any{e.ID, strings.Join(words, " "), searchDocument(words)})
	}
	if len(rows) == 0 {
		return nil
	}
	doc, err := json.Marshal(rows)
	if err != nil {
		return fmt.Errorf("enterprisedb: index enterprises: %w", err)
	}
	if _, err := tx.ExecContext(ctx, search(tx.DB.Dialect).insert, string(doc)); err != nil {
		return fmt.Errorf("enterprisedb: index enterprises: %w", err)
	}
	return nil
}

// unindexEnterprise removes the search row of an enterprise.
func unindexEnterprise(ctx context.Context, tx *db.Tx, id int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM enterprise_search WHERE `+search(tx.DB.Dialect).id+` = $1`, id); err != nil {
		return fmt.Errorf("enterprisedb: unindex enterprise: %w", err)
	}
	return nil
}
