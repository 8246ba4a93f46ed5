package unitdb_test

import (
	"context"
	"testing"

	"congthuong"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/unit"
)

const outlineFile = `{"type":"FeatureCollection","features":[` +
	`{"type":"Feature","properties":{"code":"31"},"geometry":{"type":"Polygon","coordinates":[[[106.4,20.6],[107.1,20.6],[107.1,21.1],[106.4,21.1],[106.4,20.6]]]}},` +
	`{"type":"Feature","properties":{"code":"11560"},"geometry":{"type":"Polygon","coordinates":[[[106.6,20.9],[106.7,20.9],[106.7,21.0],[106.6,21.0],[106.6,20.9]]]}},` +
	`{"type":"Feature","properties":{"code":"00004"},"geometry":{"type":"Polygon","coordinates":[[[105.82,21.03],[105.84,21.03],[105.84,21.05],[105.82,21.03]]]}}]}`

// TestOutlines: an administrator loads boundaries keyed by unit code with
// their source; a map of a province reads the provinces and that
// province's communes only; a level is replaced whole and can be removed;
// nobody else may load them; each load is audited.
func TestOutlines(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		admin := storetest.As(congthuong.Actor{UserID: 1, Username: "admin", Role: congthuong.RoleAdmin})
		find, err := s.Units.OutlineUnits(context.Background(), "2026-12-07")
		if err != nil {
			t.Fatal(err)
		}
		outlines, err := unit.ReadOutlines([]byte(outlineFile), find)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Units.ReplaceOutlines(storetest.As(storetest.HaiPhongOfficer), "Sở", outlines); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("an officer loads boundaries: %v", err)
		}
		if err := s.Units.ReplaceOutlines(admin, "  ", outlines); congthuong.ErrorCode(err) != congthuong.EINVALID {
			t.Errorf("no source: %v", err)
		}
		if err := s.Units.ReplaceOutlines(admin, "Bản đồ hành chính 2025, dùng theo thỏa thuận", outlines); err != nil {
			t.Fatal(err)
		}
		got, err := s.Units.Outlines(context.Background(), "31")
		if err != nil || len(got) != 2 || got[0].Code != "31" || got[1].Code != "11560" || len(got[1].Rings[0]) != 5 {
			t.Errorf("Hải Phòng's map: %+v %v", got, err)
		}
		if got, _ := s.Units.Outlines(context.Background(), ""); len(got) != 1 {
			t.Errorf("the country's map draws communes: %d", len(got))
		}
		sets, err := s.Units.OutlineSets(context.Background())
		if err != nil || len(sets) != 2 || sets[0].Level != unit.Province || sets[0].Count != 1 || sets[1].Count != 2 ||
			sets[0].Source != "Bản đồ hành chính 2025, dùng theo thỏa thuận" || sets[0].UpdatedAt.IsZero() {
			t.Errorf("sets: %+v %v", sets, err)
		}
		// A file of communes alone replaces the communes, not the provinces.
		if err := s.Units.ReplaceOutlines(admin, "Khác", outlines[1:2]); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Units.Outlines(context.Background(), "01"); len(got) != 1 {
			t.Errorf("the replaced communes linger: %+v", got)
		}
		if err := s.Units.RemoveOutlines(admin, unit.Province); err != nil {
			t.Fatal(err)
		}
		if sets, _ := s.Units.OutlineSets(context.Background()); len(sets) != 1 || sets[0].Level != unit.Commune || sets[0].Source != "Khác" {
			t.Errorf("after removing the provinces: %+v", sets)
		}
		var n int
		if err := s.DB.Read.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE entity = 'unit_outlines'`).Scan(&n); err != nil || n != 4 {
			t.Errorf("audited loads: %d %v", n, err)
		}
	})
}
