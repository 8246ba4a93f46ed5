package parkdb_test

import (
	"context"
	"strings"
	"testing"

	"congthuong"
	"congthuong/internal/enterprise"
	"congthuong/internal/park"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

func plotFeature(code, area, status, tax string) string {
	return `{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[106.74,20.83],[106.75,20.83],[106.75,20.84],[106.74,20.83]]]},` +
		`"properties":{"code":"` + code + `","area_ha":` + area + `,"status":"` + status + `","tenant_tax_code":"` + tax + `"}}`
}

func plotFile(features ...string) []byte {
	return []byte(`{"type":"FeatureCollection","features":[` + strings.Join(features, ",") + `]}`)
}

// TestPlots: a site's plots are read from GeoJSON and replaced all or
// nothing: every bad feature named, a leased plot's tenant a tenant of the
// site, the plots within the leasable land, by staff in scope only; the
// public reads the plots of a published site and what they add up to.
func TestPlots(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		officer := storetest.As(storetest.HaiPhongOfficer)
		if err := s.CreateEnterprise(officer, &enterprise.Enterprise{TaxCode: "0200519875", Name: "Công ty Thép", UnitCode: "31"}); err != nil {
			t.Fatal(err)
		}
		site := &park.Site{Code: "CCN-P", Kind: park.Cluster, NameVI: "Cụm P", UnitCode: "11560", Status: park.Operating,
			Decision: park.Decision{Number: "1/QĐ"}, PlannedArea: hectares(t, "40"), LeasableArea: hectares(t, "30"), Published: true}
		if err := s.CreatePark(officer, site); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveTenant(officer, &park.Tenant{SiteCode: "CCN-P", TaxCode: "0200519875", Project: "Nhà máy", LeasedArea: hectares(t, "8"), Status: park.TenantOperating}); err != nil {
			t.Fatal(err)
		}
		if _, err := park.ReadPlots(plotFile(plotFeature("", "-1", "free", ""), plotFeature("A1", "2", "leased", ""))); len(congthuong.ErrorFields(err)) != 4 {
			t.Errorf("bad features: %v", congthuong.ErrorFields(err))
		}
		good, err := park.ReadPlots(plotFile(plotFeature("A1", "8", "leased", "0200519875"), plotFeature("A2", "5.5", "vacant", ""),
			plotFeature("A3", "3", "reserved", "")))
		if err != nil {
			t.Fatal(err)
		}
		stranger, _ := park.ReadPlots(plotFile(plotFeature("B1", "2", "leased", "0100233488")))
		if err := s.Parks.ReplacePlots(officer, "CCN-P", stranger); congthuong.ErrorCode(err) != congthuong.EINVALID {
			t.Errorf("a plot leased to a stranger: %v", err)
		}
		huge, _ := park.ReadPlots(plotFile(plotFeature("C1", "31", "vacant", "")))
		if err := s.Parks.ReplacePlots(officer, "CCN-P", huge); congthuong.ErrorCode(err) != congthuong.EINVALID {
			t.Errorf("plots beyond the leasable land: %v", err)
		}
		if err := s.Parks.ReplacePlots(storetest.As(storetest.CatHai), "CCN-P", good); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("another commune's plots: %v", err)
		}
		if err := s.Parks.ReplacePlots(storetest.As(storetest.ThuyNguyen), "CCN-P", good); err != nil {
			t.Fatal(err)
		}
		plots, err := s.Parks.Plots(context.Background(), "CCN-P")
		sum := park.SummarizePlots(plots)
		if err != nil || len(plots) != 3 || plots[0].Tenant != "Công ty Thép" || sum.Vacant != 1 || sum.VacantArea != hectares(t, "5.5") {
			t.Errorf("the public's plots: %+v %+v %v", plots, sum, err)
		}
	})
}
