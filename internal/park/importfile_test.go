package park

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"congthuong/internal/tabular"
)

func TestReadSites(t *testing.T) {
	sheet := "Mã,Loại,Tên,Mã xã,Tình trạng,Diện tích quy hoạch (ha),Kinh độ,Vĩ độ,Công khai,sectors\n" +
		"KCN-A,park,Khu A,31,operating,\"742,5\",106.7,20.8,có,C24;C20\n" +
		"KCN-B,park,Khu B,31,operating,abc,106.7,,maybe,\n"
	var rows []ImportRow
	for r, err := range ReadSites(strings.NewReader(sheet))(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, r)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows", len(rows))
	}
	a := rows[0]
	if a.Line != 2 || a.Site.PlannedArea.Hectares() != "742.5" || !a.Site.Published || !a.HasPoint || len(a.Site.Sectors) != 2 || len(a.Problems) != 0 {
		t.Errorf("row 2: %+v", a)
	}
	fields := map[string]bool{}
	for _, p := range rows[1].Problems {
		fields[p.Field] = p.Row == 3
	}
	if !fields["planned_ha"] || !fields["lat"] || !fields["published"] {
		t.Errorf("row 3's problems: %+v", rows[1].Problems)
	}
	for _, bad := range []string{"code,colour\nA,red\n", "code,kind,name_vi,unit_code,status,planned_ha\n"} {
		for _, err := range ReadSites(strings.NewReader(bad))(context.Background()) {
			if err == nil {
				t.Errorf("%q read", bad)
			}
			break
		}
	}
}

func TestSiteRecordRoundTrip(t *testing.T) {
	s := validCluster()
	s.Normalize()
	port := 12.5
	s.PortKm, s.Sectors, s.Published = &port, []string{"C25", "C28"}, true
	var buf bytes.Buffer
	err := tabular.WriteXLSX(&buf, "parks", SiteColumns, func(emit func([]string) error) error { return emit(SiteRecord(&s)) })
	if err != nil {
		t.Fatal(err)
	}
	for r, err := range ReadSites(&buf)(context.Background()) {
		if err != nil || len(r.Problems) != 0 {
			t.Fatalf("%v %+v", err, r.Problems)
		}
		got := r.Site
		got.Normalize()
		if got.Code != s.Code || got.PlannedArea != s.PlannedArea || *got.PortKm != 12.5 || got.Decision != s.Decision ||
			!SameCentre(s.Geometry, got.Geometry) || strings.Join(got.Sectors, " ") != "C25 C28" || !got.Published {
			t.Errorf("round trip: %+v", got)
		}
	}
}

func FuzzReadSites(f *testing.F) {
	f.Add("code,kind,name_vi,unit_code,status,planned_ha,lon,lat\nKCN-A,park,A,31,operating,742.5,106,20\n")
	f.Add("code,kind,name_vi,unit_code,status,planned_ha\n\"x,1,2,3,4,1.2.3\n")
	f.Fuzz(func(t *testing.T, sheet string) {
		for r, err := range ReadSites(strings.NewReader(sheet))(context.Background()) {
			if err != nil {
				return
			}
			if r.Site.PlannedArea < 0 {
				t.Errorf("a negative area read from %q", sheet)
			}
			_ = r.Site.Validate()
		}
	})
}

func FuzzReadGeoJSON(f *testing.F) {
	f.Add(`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[106,20]},"properties":{"code":"A","planned_ha":5}}]}`)
	f.Add(`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{"planned_ha":"x"}}]}`)
	f.Fuzz(func(t *testing.T, doc string) {
		rows, err := ReadGeoJSON(strings.NewReader(doc))
		if err != nil {
			return
		}
		for i, r := range rows {
			if r.Line != i+1 {
				t.Errorf("feature %d on line %d", i+1, r.Line)
			}
			_ = r.Site.Validate()
		}
	})
}
