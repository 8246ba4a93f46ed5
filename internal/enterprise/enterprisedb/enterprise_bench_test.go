package enterprisedb_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"testing"
	"time"

	"congthuong"
	"congthuong/internal/enterprise"
	"congthuong/internal/enterprise/enterprisedb"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/tabular"
	"congthuong/internal/unit"
	"congthuong/internal/unit/unitdb"
)

// Benchmarks for docs/PERFORMANCE.md. Run with:
//
//	CONGTHUONG_TEST_POSTGRES=$(scripts/pg-start) go test -run XXX -bench . -benchtime 2000x ./internal/store/
//
// Each reports p95-ms besides ns/op; the raw-SQL benchmarks run the same
// query without the store, as the baseline of the same run.

var benchWords = []string{"Thủy Nguyên", "Đình Vũ", "Hải An", "Cát Hải", "Lạch Huyện", "Tràng Duệ", "Minh Đức", "Kiến Thụy",
	"Bạch Đằng", "Lê Chân", "Ngô Quyền", "Đồ Sơn", "An Lão", "Chu Đậu", "Thanh Hà", "Kinh Môn", "Tiên Lãng", "Chí Linh",
	"An Dương", "Vĩnh Bảo", "Hồng Bàng", "Dương Kinh", "Nam Sách", "Cẩm Giàng", "Gia Lộc", "Tứ Kỳ", "Ninh Giang", "Thanh Miện"}
var benchTrades = []string{"Cơ khí", "Thép", "Dệt may", "Thủy sản", "Logistics", "Điện tử", "Xi măng", "Nhựa", "Giày da",
	"Đóng tàu", "Thương mại", "Vận tải", "Năng lượng", "Gốm sứ", "Nông sản", "Bao bì", "Dược phẩm", "Chế biến gỗ", "Thực phẩm", "Xây dựng"}

// benchRows makes n valid enterprises spread over Hải Phòng's communes.
func benchRows(b testing.TB, s *store.Store, n int) []enterprise.ImportRow {
	b.Helper()
	communes, _, err := s.FindUnits(context.Background(), unitdb.UnitFilter{Level: unit.Commune, Parent: "31",
		ValidOn: unit.Today(time.Now()), Page: store.Page{Limit: 1000}})
	if err != nil {
		b.Fatal(err)
	}
	rows := make([]enterprise.ImportRow, 0, n)
	for seq := 1; len(rows) < n; seq++ {
		tc, ok := enterprise.WithCheckDigit(fmt.Sprintf("02%07d", seq))
		if !ok {
			continue
		}
		i := len(rows)
		rows = append(rows, enterprise.ImportRow{Line: i + 2, Enterprise: enterprise.Enterprise{
			TaxCode: tc, Name: fmt.Sprintf("Công ty TNHH %s %s %d", benchTrades[i%len(benchTrades)], benchWords[(i/7)%len(benchWords)], i),
			UnitCode: communes[i%len(communes)].Code, Address: fmt.Sprintf("Số %d đường %d", i%300, i%57), VSICCode: "C2592",
		}})
	}
	return rows
}

var enterpriseQueries = []string{"t", "hai ph", "thep dinh vu", "Thủy sản", "logistics lach huyen 12", "0200", "cong ty", "DƯỢC PHẨM", "xyz"}

func BenchmarkEnterprises100k(b *testing.B) {
	storetest.EachB(b, func(b *testing.B, s *store.Store) {
		ctx := congthuong.NewContext(context.Background(), congthuong.System())
		rows := benchRows(b, s, 100_000)
		start := time.Now()
		res, err := s.ImportEnterprises(ctx, rows, false)
		if err != nil || res.Created != len(rows) {
			b.Fatalf("import: %+v %v", res, err)
		}
		b.Logf("%s: imported %d enterprises in %s", s.Dialect.Name, res.Created, time.Since(start).Round(time.Millisecond))
		if s.Dialect.Name == "postgres" {
			// Measure the steady state, not autovacuum and the checkpointer
			// catching up with 100,000 fresh rows in the background.
			for _, q := range []string{"VACUUM (ANALYZE)", "CHECKPOINT"} {
				if _, err := s.Read.ExecContext(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		}
		officer := congthuong.NewContext(context.Background(), congthuong.Actor{UserID: 1, Username: "b", Role: congthuong.RoleOfficer, UnitCode: "31", ProvinceCode: "31"})
		b.Run("search", func(b *testing.B) {
			storetest.Timed(b, func(i int) {
				if _, _, err := s.FindEnterprises(officer, enterprisedb.EnterpriseFilter{Q: enterpriseQueries[i%len(enterpriseQueries)]}); err != nil {
					b.Fatal(err)
				}
			})
		})
		for _, q := range enterpriseQueries {
			b.Run("query="+q, func(b *testing.B) {
				storetest.Timed(b, func(i int) {
					if _, _, err := s.FindEnterprises(officer, enterprisedb.EnterpriseFilter{Q: q}); err != nil {
						b.Fatal(err)
					}
				})
			})
		}
		b.Run("raw-sql", func(b *testing.B) {
			storetest.Timed(b, func(i int) {
				q := unit.Fold(enterpriseQueries[i%len(enterpriseQueries)])
				var n int
				if err := s.Read.QueryRowContext(ctx, `SELECT COUNT(*) FROM enterprises WHERE search_name LIKE $1`, "%"+q+"%").Scan(&n); err != nil {
					b.Fatal(err)
				}
				rows, err := s.Read.QueryContext(ctx, `SELECT tax_code, name FROM enterprises WHERE search_name LIKE $1 ORDER BY search_name LIMIT 50`, "%"+q+"%")
				if err != nil {
					b.Fatal(err)
				}
				for rows.Next() {
				}
				rows.Close()
			})
		})
	})
}

// BenchmarkImportFile100k imports 100,000 rows from a CSV file and from an
// XLSX workbook into an empty database (SQLite, then PostgreSQL), parsing
// included; each iteration is one whole import.
func BenchmarkImportFile100k(b *testing.B) {
	probe := storetest.SQLite(b)
	rows := benchRows(b, probe, 100_000)
	header := enterprise.ImportColumns
	var csvBuf, xlsxBuf bytes.Buffer
	cw := csv.NewWriter(&csvBuf)
	cw.Write(header)
	for _, r := range rows {
		cw.Write(r.Enterprise.Record())
	}
	cw.Flush()
	err := tabular.WriteXLSX(&xlsxBuf, "enterprises", header, func(emit func([]string) error) error {
		for _, r := range rows {
			if err := emit(r.Enterprise.Record()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	for _, db := range []struct {
		name string
		open func(testing.TB) *store.Store
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
		for _, f := range []struct {
			name string
			file []byte
		}{{"csv", csvBuf.Bytes()}, {"xlsx", xlsxBuf.Bytes()}} {
			b.Run(db.name+"/"+f.name, func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					s := db.open(b) // a fresh, empty database each time
					ctx := congthuong.NewContext(context.Background(), congthuong.System())
					b.StartTimer()
					res, err := s.ImportEnterpriseFile(ctx, enterprise.ReadImport(bytes.NewReader(f.file)), false)
					if err != nil || res.Created != len(rows) {
						b.Fatalf("%+v %v", res, err)
					}
				}
			})
		}
		// The baseline: the CSV file parsed with encoding/csv and its rows
		// written into the table in one transaction (COPY on PostgreSQL,
		// multi-row INSERT on SQLite), with no checks, audit or search rows.
		b.Run(db.name+"/raw", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s := db.open(b)
				b.StartTimer()
				if n := rawEnterprises(b, s, csvBuf.Bytes()); n != len(rows) {
					b.Fatalf("%d rows written", n)
				}
			}
		})
	}
}

// rawEnterprises writes a CSV file of enterprises (ImportColumns) into the
// table with no checks (storetest.RawCopy) and returns how many it wrote.
func rawEnterprises(b *testing.B, s *store.Store, file []byte) int {
	now := time.Now().UTC()
	row := make([]any, 0, len(enterprise.ImportColumns)+4)
	return storetest.RawCopy(b, s, file, "enterprises", append(append([]string{}, enterprise.ImportColumns...),
		"province_code", "search_name", "created_at", "updated_at"), func(rec []string) ([]any, error) {
		row = row[:0]
		for _, v := range rec {
			row = append(row, v)
		}
		return append(row, "31", "", now, now), nil
	})
}
