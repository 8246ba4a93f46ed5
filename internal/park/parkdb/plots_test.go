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

// TestPlotSheet: a sheet changes the status and tenant of plots on the
// plan by their codes, all or nothing, naming the sheet's rows: a code not
// on the plan and a tenant not of the site each stop the whole sheet.
func TestPlotSheet(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		officer := storetest.As(storetest.HaiPhongOfficer)
		if err := s.CreateEnterprise(officer, &enterprise.Enterprise{TaxCode: "0200519875", Name: "Công ty Thép", UnitCode: "31"}); err != nil {
			t.Fatal(err)
		}
		site := &park.Site{Code: "CCN-Q", Kind: park.Cluster, NameVI: "Cụm Q", UnitCode: "11560", Status: park.Operating,
			Decision: park.Decision{Number: "1/QĐ"}, PlannedArea: hectares(t, "40"), LeasableArea: hectares(t, "30"), Published: true}
		if err := s.CreatePark(officer, site); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveTenant(officer, &park.Tenant{SiteCode: "CCN-Q", TaxCode: "0200519875", Project: "Nhà máy", LeasedArea: hectares(t, "8"), Status: park.TenantOperating}); err != nil {
			t.Fatal(err)
		}
		plan, err := park.ReadPlots(plotFile(plotFeature("A1", "8", "vacant", ""), plotFeature("A2", "5", "vacant", "")))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Parks.ReplacePlots(officer, "CCN-Q", plan); err != nil {
			t.Fatal(err)
		}
		wrong := []park.PlotChange{{Row: 2, Code: "A1", Status: park.PlotLeased, TaxCode: "0200519875"},
			{Row: 3, Code: "Z9", Status: park.PlotVacant}, {Row: 4, Code: "A2", Status: park.PlotLeased, TaxCode: "0100233488"}}
		err = s.Parks.UpdatePlots(officer, "CCN-Q", wrong)
		if f := congthuong.ErrorFields(err); len(f) != 1 || f[0].Row != 4 || f[0].Field != "tenant_tax_code" {
			t.Errorf("a stranger as tenant: %v", f)
		}
		err = s.Parks.UpdatePlots(officer, "CCN-Q", wrong[:2])
		if f := congthuong.ErrorFields(err); len(f) != 1 || f[0].Row != 3 || f[0].Field != "code" {
			t.Errorf("a plot not on the plan: %v", f)
		}
		if plots, _ := s.Parks.Plots(context.Background(), "CCN-Q"); plots[0].Status != park.PlotVacant {
			t.Errorf("a refused sheet changed a plot: %+v", plots[0])
		}
		if err := s.Parks.UpdatePlots(storetest.As(storetest.CatHai), "CCN-Q", wrong[:1]); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("another commune's sheet: %v", err)
		}
		if err := s.Parks.UpdatePlots(officer, "CCN-Q", []park.PlotChange{{Row: 2, Code: "A1", Status: park.PlotLeased, TaxCode: "0200519875"}}); err != nil {
			t.Fatal(err)
		}
		plots, err := s.Parks.Plots(context.Background(), "CCN-Q")
		if err != nil || plots[0].Status != park.PlotLeased || plots[0].Tenant != "Công ty Thép" || plots[0].Geometry == nil || plots[1].Status != park.PlotVacant {
			t.Errorf("after the sheet: %+v %v", plots, err)
		}
	})
}
