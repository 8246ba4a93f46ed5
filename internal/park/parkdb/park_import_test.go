package parkdb_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"congthuong"
	"congthuong/internal/enterprise"
	"congthuong/internal/park"
	"congthuong/internal/park/parkdb"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

const siteSheet = `code,kind,type,name_vi,unit_code,status,decision_number,decision_date,planned_ha,leasable_ha,leased_ha,investor_tax_code,sectors,lon,lat,published
KCN-A,park,general,Khu công nghiệp A,31,operating,1/QĐ-TTg,2010-01-05,"742,5",540.25,480,0200519875,C24 C20,106.76,20.845,1
CCN-B,cluster,,Cụm công nghiệp B,11560,planned,,,50,35,0,,,,,0
`

func TestImportParks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		officer := storetest.As(storetest.HaiPhongOfficer)
		if err := s.CreateEnterprise(officer, &enterprise.Enterprise{TaxCode: "0200519875", Name: "Công ty A", UnitCode: "31"}); err != nil {
			t.Fatal(err)
		}
		res, err := s.ImportParks(officer, park.ReadSites(strings.NewReader(siteSheet)), false)
		if err != nil || res.Created != 2 {
			t.Fatalf("%+v %v", res, err)
		}
		a, err := s.FindPark(officer, "KCN-A")
		if err != nil || a.PlannedArea.Hectares() != "742.5" || a.Geometry == nil || a.Geometry.Type != "Point" || len(a.Sectors) != 2 || !a.Published {
			t.Fatalf("imported: %+v %v", a, err)
		}
		// Again: nothing changes.
		if res, err := s.ImportParks(officer, park.ReadSites(strings.NewReader(siteSheet)), false); err != nil || res.Unchanged != 2 {
			t.Errorf("re-import: %+v %v", res, err)
		}
		// A polygon drawn since survives a sheet whose point is its centre.
		a.Geometry = &park.Geometry{Type: "Polygon", Coordinates: []byte(`[[[106.74,20.83],[106.78,20.83],[106.78,20.86],[106.74,20.86],[106.74,20.83]]]`)}
		if _, err := s.UpdatePark(officer, "KCN-A", *a); err != nil {
			t.Fatal(err)
		}
		if res, err := s.ImportParks(officer, park.ReadSites(strings.NewReader(siteSheet)), false); err != nil || res.Unchanged != 2 {
			t.Errorf("the sheet's point is the polygon's centre: %+v %v", res, err)
		}
		if got, _ := s.FindPark(officer, "KCN-A"); got.Geometry.Type != "Polygon" {
			t.Errorf("the polygon was replaced by %s", got.Geometry.Type)
		}
		moved := strings.Replace(siteSheet, "106.76,20.845", "106.77,20.845", 1)
		if res, err := s.ImportParks(officer, park.ReadSites(strings.NewReader(moved)), false); err != nil || res.Updated != 1 {
			t.Errorf("the point moved: %+v %v", res, err)
		}
		if got, _ := s.FindPark(officer, "KCN-A"); got.Geometry.Type != "Point" || got.Version != 3 {
			t.Errorf("after the move: %s, version %d", got.Geometry.Type, got.Version)
		}

		bad := `code,kind,name_vi,unit_code,status,planned_ha,leased_ha
KCN-C,park,C,99999,operating,10,
KCN-C,park,C,31,operating,ten,
KCN-D,park,D,01,planned,10,
KCN-E,park,E,31,planned,10,20
`
		_, err = s.ImportParks(officer, park.ReadSites(strings.NewReader(bad)), false)
		want := map[string]bool{"2 unit_code": true, "3 code": true, "3 planned_ha": true, "4 unit_code": true, "5 leased_ha": true}
		for _, f := range congthuong.ErrorFields(err) {
			delete(want, strconv.Itoa(f.Row)+" "+f.Field)
		}
		if congthuong.ErrorCode(err) != congthuong.EINVALID || len(want) != 0 {
			t.Errorf("bad rows: missing %v in %+v", want, congthuong.ErrorFields(err))
		}
		if _, total, _ := s.FindParks(officer, parkdb.ParkFilter{}); total != 2 {
			t.Errorf("a bad file wrote %d sites", total-2)
		}
		if _, err := s.ImportParks(context.Background(), park.ReadSites(strings.NewReader(siteSheet)), false); congthuong.ErrorCode(err) != congthuong.EUNAUTHORIZED {
			t.Errorf("the public importing: %v", err)
		}
	})
}

func TestImportTenants(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		officer := storetest.As(storetest.HaiPhongOfficer)
		for _, e := range []*enterprise.Enterprise{{TaxCode: "0200519875", Name: "Công ty A", UnitCode: "31"}, {TaxCode: "0100109106", Name: "Công ty B", UnitCode: "01"}} {
			if err := s.CreateEnterprise(storetest.As(congthuong.System()), e); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.ImportParks(officer, park.ReadSites(strings.NewReader(siteSheet)), false); err != nil {
			t.Fatal(err)
		}
		sheet := `site_code,tax_code,project,sector,leased_ha,capital_vnd,jobs,status
KCN-A,0200519875,Nhà máy thép,C24,100.5,1500000000000,800,operating
KCN-A,0100109106,Kho,H52,20,,30,building
CCN-B,0100109106,Xưởng,C25,10,"20.000.000.000",50,registered
`
		res, err := s.ImportTenants(officer, park.ReadTenants(strings.NewReader(sheet)), false)
		if err != nil || res.Created != 3 {
			t.Fatalf("%+v %v", res, err)
		}
		a, _ := s.FindPark(officer, "KCN-A")
		if a.LeasedArea.Hectares() != "120.5" || a.Tenants != 2 || a.Jobs != 830 || a.CapitalVND != 1_500_000_000_000 {
			t.Errorf("KCN-A from its tenants: %+v", a)
		}
		if res, err := s.ImportTenants(officer, park.ReadTenants(strings.NewReader(sheet)), false); err != nil || res.Unchanged != 3 {
			t.Errorf("re-import: %+v %v", res, err)
		}
		over := "site_code,tax_code,project,leased_ha\nCCN-B,0200519875,Lớn,30\nKCN-X,0200519875,p,1\nKCN-A,0300000000,p,1\nKCN-A,0200519875,p,1\nKCN-A,0200519875,p,2\n"
		_, err = s.ImportTenants(officer, park.ReadTenants(strings.NewReader(over)), false)
		want := map[string]bool{"3 site_code": true, "4 tax_code": true, "6 project": true}
		for _, f := range congthuong.ErrorFields(err) {
			delete(want, strconv.Itoa(f.Row)+" "+f.Field)
		}
		if len(want) != 0 {
			t.Errorf("bad tenant rows: missing %v in %+v", want, congthuong.ErrorFields(err))
		}
		// Rows valid one by one may still lease more than the site has.
		_, err = s.ImportTenants(officer, park.ReadTenants(strings.NewReader("site_code,tax_code,project,leased_ha\nCCN-B,0200519875,Lớn,30\n")), false)
		if f := congthuong.ErrorFields(err); len(f) != 1 || f[0].Row != 2 || f[0].Field != "leased_ha" || !strings.Contains(f[0].Text(), "35 ha leasable") {
			t.Errorf("over-leased: %+v", f)
		}
		if b, _ := s.FindPark(officer, "CCN-B"); b.LeasedArea.Hectares() != "10" {
			t.Errorf("a refused import changed CCN-B: %s", b.LeasedArea.Hectares())
		}
	})
}
