package unitdb_test

import (
	"context"
	"testing"

	"congthuong"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/unit"
	"congthuong/internal/unit/unitdb"
)

func TestFindUnits(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		for _, test := range []struct {
			name      string
			filter    unitdb.UnitFilter
			wantTotal int
			wantFirst string
		}{
			{"provinces today", unitdb.UnitFilter{Level: unit.Province, ValidOn: "2026-11-22"}, 34, "01"},
			{"provinces in 2024", unitdb.UnitFilter{Level: unit.Province, ValidOn: "2024-05-01"}, 63, "01"},
			{"communes of Hải Phòng", unitdb.UnitFilter{Level: unit.Commune, Parent: "31", ValidOn: "2026-11-22"}, 114, ""},
			{"all communes", unitdb.UnitFilter{Level: unit.Commune, ValidOn: "2025-07-01"}, 3321, ""},
			{"without diacritics", unitdb.UnitFilter{Q: "thuy nguyen", ValidOn: "2026-11-22"}, 1, "11560"},
			{"with ỷ", unitdb.UnitFilter{Q: "Thuỷ Nguyên", ValidOn: "2026-11-22"}, 1, "11560"},
			{"upper case", unitdb.UnitFilter{Q: "THỦY NGUYÊN", ValidOn: "2026-11-22"}, 1, "11560"},
			{"đ as d", unitdb.UnitFilter{Q: "dong nai", Level: unit.Province, ValidOn: "2026-11-22"}, 1, "75"},
			{"by code", unitdb.UnitFilter{Q: "11560", ValidOn: "2026-11-22"}, 1, "11560"},
			{"wildcards are literal", unitdb.UnitFilter{Q: "%", ValidOn: "2026-11-22"}, 0, ""},
			{"code 24 in 2024", unitdb.UnitFilter{Q: "24", Level: unit.Province, ValidOn: "2024-01-01"}, 1, "24"},
		} {
			t.Run(test.name, func(t *testing.T) {
				units, total, err := s.FindUnits(ctx, test.filter)
				if err != nil {
					t.Fatal(err)
				}
				if total != test.wantTotal {
					t.Errorf("total = %d, want %d", total, test.wantTotal)
				}
				if test.wantFirst != "" && (len(units) == 0 || units[0].Code != test.wantFirst) {
					t.Errorf("first = %+v, want %s", units, test.wantFirst)
				}
			})
		}
	})
}

func TestFindUnitsInvalid(t *testing.T) {
	s := storetest.SQLite(t)
	_, _, err := s.FindUnits(context.Background(), unitdb.UnitFilter{ValidOn: "22/11/2026", Level: "district"})
	if congthuong.ErrorCode(err) != congthuong.EINVALID || len(congthuong.ErrorFields(err)) != 2 {
		t.Fatalf("err = %v, want invalid valid_on and level", err)
	}
	_, _, err = s.FindUnits(context.Background(), unitdb.UnitFilter{ValidOn: "2026-11-22", Page: store.Page{Sort: "population"}})
	if congthuong.ErrorCode(err) != congthuong.EINVALID {
		t.Fatalf("err = %v, want invalid sort", err)
	}
}

func TestFindUnitReusedCode(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		for _, test := range []struct{ code, day, want string }{
			{"24", "2025-06-30", "Tỉnh Bắc Giang"},
			{"24", "2025-07-01", "Thành phố Bắc Ninh"},
			{"75", "2026-04-29", "Tỉnh Đồng Nai"},
			{"75", "2026-04-30", "Thành phố Đồng Nai"},
			{"VN", "1990-01-01", "Nước Cộng hòa xã hội chủ nghĩa Việt Nam"},
		} {
			u, err := s.FindUnit(ctx, test.code, test.day)
			if err != nil {
				t.Fatalf("%s on %s: %v", test.code, test.day, err)
			}
			if u.FullName != test.want {
				t.Errorf("%s on %s = %s, want %s", test.code, test.day, u.FullName, test.want)
			}
		}
		_, err := s.FindUnit(ctx, "30", "2025-07-01")
		if congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Errorf("Hải Dương after the reform: err = %v, want not found", err)
		}
		hist, err := s.UnitHistory(ctx, "24")
		if err != nil || len(hist) != 2 || hist[0].Name != "Bắc Giang" {
			t.Errorf("history of 24 = %+v, %v", hist, err)
		}
		groups, err := s.FindGroups(ctx)
		if err != nil || len(groups) != 13 {
			t.Fatalf("groups = %d, %v", len(groups), err)
		}
	})
}
