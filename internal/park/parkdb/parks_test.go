package parkdb_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"

	"congthuong"
	"congthuong/internal/enterprise"
	"congthuong/internal/park"
	"congthuong/internal/park/parkdb"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

func hectares(t *testing.T, s string) park.Area {
	t.Helper()
	a, err := park.ParseHectares(s)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestParks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		officer, public := storetest.As(storetest.HaiPhongOfficer), context.Background()
		investor := &enterprise.Enterprise{TaxCode: "0200519875", Name: "Công ty Cổ phần Khu công nghiệp Đình Vũ", UnitCode: "31"}
		if err := s.CreateEnterprise(officer, investor); err != nil {
			t.Fatal(err)
		}
		port := 3.5
		dinhVu := &park.Site{Code: "kcn-dinhvu", Kind: park.Park, Type: park.General, NameVI: "Khu công nghiệp Đình Vũ",
			NameEN: "Dinh Vu Industrial Park", UnitCode: "31", Status: park.Operating,
			Decision:    park.Decision{Number: "1735/QĐ-TTg", Date: "1997-12-18", Body: "Thủ tướng Chính phủ"},
			PlannedArea: hectares(t, "742.5"), IndustrialLand: hectares(t, "540.25"), LeasableArea: hectares(t, "540.25"),
			LeasedArea: hectares(t, "480"), InvestorTaxCode: "0200519875", WastewaterCapacity: 6000, WastewaterOperating: true,
			Eco: park.EcoConverting, Sectors: []string{"C24", "C20"}, PortKm: &port, Published: true,
			Geometry: &park.Geometry{Type: "Polygon", Coordinates: json.RawMessage(`[[[106.74,20.83],[106.79,20.83],[106.79,20.86],[106.74,20.86],[106.74,20.83]]]`)}}
		if err := s.CreatePark(officer, dinhVu); err != nil {
			t.Fatal(err)
		}
		if dinhVu.Code != "KCN-DINHVU" || dinhVu.ProvinceCode != "31" || dinhVu.InvestorName != investor.Name || dinhVu.Version != 1 {
			t.Errorf("created: %+v", dinhVu)
		}
		tanLien := &park.Site{Code: "CCN-TANLIEN", Kind: park.Cluster, NameVI: "Cụm công nghiệp Tân Liên", UnitCode: "11560",
			Status: park.Established, Decision: park.Decision{Number: "12/QĐ-UBND", Date: "2022-03-01"},
			PlannedArea: hectares(t, "80.1"), LeasableArea: hectares(t, "60"), Expansions: []park.Decision{{Number: "9/QĐ-UBND", Date: "2024-05-01"}}}
		if err := s.CreatePark(storetest.As(storetest.ThuyNguyen), tanLien); err != nil {
			t.Fatal(err)
		}
		// The law's limits are warnings on the site, not refusals.
		if w := tanLien.Warnings(); len(w) != 3 {
			t.Errorf("an 80 ha cluster expanding with nothing leased and no plant: %+v", w)
		}

		for _, c := range []struct {
			ctx   context.Context
			site  park.Site
			code  string
			field string
		}{
			{officer, park.Site{Code: "KCN-DINHVU", Kind: park.Park, Type: park.General, NameVI: "x", UnitCode: "31", Status: park.Planned, PlannedArea: 1}, congthuong.ECONFLICT, "code"},
			{officer, park.Site{Code: "KCN-X", Kind: park.Park, Type: park.General, NameVI: "x", UnitCode: "01", Status: park.Planned, PlannedArea: 1}, congthuong.EFORBIDDEN, "unit_code"},
			{officer, park.Site{Code: "KCN-X", Kind: park.Park, Type: park.General, NameVI: "x", UnitCode: "99999", Status: park.Planned, PlannedArea: 1}, congthuong.EINVALID, "unit_code"},
			{officer, park.Site{Code: "KCN-X", Kind: park.Park, Type: park.General, NameVI: "x", UnitCode: "31", Status: park.Planned, PlannedArea: 1, InvestorTaxCode: "0100109106"}, congthuong.EINVALID, "investor_tax_code"},
			{officer, park.Site{Code: "KCN-X", Kind: park.Park, Type: "harbour", NameVI: "x", UnitCode: "31", Status: park.Planned, PlannedArea: 1}, congthuong.EINVALID, "type"},
			{storetest.As(storetest.CatHai), park.Site{Code: "CCN-X", Kind: park.Cluster, NameVI: "x", UnitCode: "11560", Status: park.Planned, PlannedArea: 1}, congthuong.EFORBIDDEN, "unit_code"},
		} {
			site := c.site
			err := s.CreatePark(c.ctx, &site)
			if congthuong.ErrorCode(err) != c.code || len(congthuong.ErrorFields(err)) == 0 || congthuong.ErrorFields(err)[0].Field != c.field {
				t.Errorf("%s: %v %+v", c.site.Code, err, congthuong.ErrorFields(err))
			}
		}
		if err := s.CreatePark(public, &park.Site{}); congthuong.ErrorCode(err) != congthuong.EUNAUTHORIZED {
			t.Errorf("the public creating a site: %v", err)
		}

		// The public sees published sites only; staff also their own.
		if list, total, err := s.FindParks(public, parkdb.ParkFilter{}); err != nil || total != 1 || list[0].Code != "KCN-DINHVU" {
			t.Errorf("public list: %d %v", total, err)
		}
		if _, err := s.FindPark(public, "CCN-TANLIEN"); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Errorf("an unpublished cluster to the public: %v", err)
		}
		if _, err := s.FindPark(storetest.As(storetest.HaNoiOfficer), "CCN-TANLIEN"); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Errorf("an unpublished cluster to another province: %v", err)
		}
		if _, total, _ := s.FindParks(officer, parkdb.ParkFilter{}); total != 2 {
			t.Errorf("Hải Phòng's officer sees %d sites", total)
		}
		for _, c := range []struct {
			f    parkdb.ParkFilter
			want int
		}{
			{parkdb.ParkFilter{Kind: park.Cluster}, 1},
			{parkdb.ParkFilter{Q: "dinh vu"}, 1},
			{parkdb.ParkFilter{Q: "industrial park"}, 1},
			{parkdb.ParkFilter{Q: "ccn-tanlien"}, 1},
			{parkdb.ParkFilter{MinFree: hectares(t, "60")}, 2},
			{parkdb.ParkFilter{MinFree: hectares(t, "60.25")}, 1},
			{parkdb.ParkFilter{Sector: "c20"}, 1},
			{parkdb.ParkFilter{Sector: "C2"}, 0},
			{parkdb.ParkFilter{Wastewater: true}, 1},
			{parkdb.ParkFilter{MaxPortKm: &port}, 1},
			{parkdb.ParkFilter{Province: "01"}, 0},
			{parkdb.ParkFilter{UnitCode: "11560"}, 1},
		} {
			if _, total, err := s.FindParks(officer, c.f); err != nil || total != c.want {
				t.Errorf("%+v: %d, %v", c.f, total, err)
			}
		}
		got, err := s.FindPark(public, "kcn-dinhvu")
		if err != nil || got.PlannedArea.Hectares() != "742.5" || got.FreeArea().Hectares() != "60.25" || got.Geometry == nil ||
			string(got.Geometry.Coordinates) != `[[[106.74,20.83],[106.79,20.83],[106.79,20.86],[106.74,20.86],[106.74,20.83]]]` ||
			len(got.Sectors) != 2 || *got.PortKm != 3.5 || got.InvestorName != investor.Name || got.Decision.Number != "1735/QĐ-TTg" {
			t.Errorf("read back: %+v, %v", got, err)
		}
		totals, err := s.SumParks(officer, parkdb.ParkFilter{})
		if err != nil || len(totals) != 2 || totals[0].Kind != park.Park || totals[0].PlannedArea.Hectares() != "742.5" ||
			totals[1].Count != 1 || totals[1].PlannedArea.Hectares() != "80.1" {
			t.Errorf("totals: %+v, %v", totals, err)
		}

		// Edits: in scope, on the version read, each in the history.
		upd := *got
		upd.LeasedArea = hectares(t, "500")
		if _, err := s.UpdatePark(storetest.As(storetest.HaNoiOfficer), "KCN-DINHVU", upd); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("Hà Nội editing Hải Phòng's park: %v", err)
		}
		after, err := s.UpdatePark(officer, "KCN-DINHVU", upd)
		if err != nil || after.Version != 2 || after.LeasedArea.Hectares() != "500" {
			t.Fatalf("update: %+v, %v", after, err)
		}
		if _, err := s.UpdatePark(officer, "KCN-DINHVU", upd); congthuong.ErrorCode(err) != congthuong.ECONFLICT {
			t.Errorf("an edit of version 1 after version 2: %v", err)
		}
		hist, err := s.ParkHistory(officer, "KCN-DINHVU")
		if err != nil || len(hist) != 2 || hist[0].Action != "update" {
			t.Errorf("history: %+v, %v", hist, err)
		}
		if _, err := s.ParkHistory(public, "KCN-DINHVU"); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("the public reading the history: %v", err)
		}
	})
}

func TestParkTenants(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		officer, public := storetest.As(storetest.HaiPhongOfficer), context.Background()
		for _, e := range []*enterprise.Enterprise{
			{TaxCode: "0200519875", Name: "Công ty A", UnitCode: "31"},
			{TaxCode: "0100109106", Name: "Công ty B", UnitCode: "01"},
		} {
			if err := s.CreateEnterprise(storetest.As(congthuong.System()), e); err != nil {
				t.Fatal(err)
			}
		}
		site := &park.Site{Code: "CCN-A", Kind: park.Cluster, NameVI: "Cụm A", UnitCode: "31", Status: park.Operating,
			Decision: park.Decision{Number: "1/QĐ"}, PlannedArea: hectares(t, "50"), LeasableArea: hectares(t, "40"),
			LeasedArea: hectares(t, "12.5"), Published: true}
		if err := s.CreatePark(officer, site); err != nil {
			t.Fatal(err)
		}
		usd := 12.5e6
		a := &park.Tenant{SiteCode: "ccn-a", TaxCode: "0200519875", Project: "Nhà máy cơ khí", Sector: "C25",
			LeasedArea: hectares(t, "10.25"), CapitalVND: 150_000_000_000, Jobs: 300, Status: park.TenantOperating}
		b := &park.Tenant{SiteCode: "CCN-A", TaxCode: "0100109106", Project: "Kho lạnh", LeasedArea: hectares(t, "5"),
			CapitalUSD: &usd, Jobs: 40, Status: park.TenantBuilding}
		for _, x := range []*park.Tenant{a, b} {
			if err := s.SaveTenant(officer, x); err != nil {
				t.Fatal(err)
			}
		}
		got, _ := s.FindPark(officer, "CCN-A")
		if got.LeasedArea.Hectares() != "15.25" || got.Tenants != 2 || got.Jobs != 340 || got.CapitalVND != 150_000_000_000 || got.CapitalUSD != usd {
			t.Errorf("the site from its tenants: %+v", got)
		}
		// An edit to the site keeps the tenants' leased land.
		got.LeasedArea = hectares(t, "1")
		if upd, err := s.UpdatePark(officer, "CCN-A", *got); err != nil || upd.LeasedArea.Hectares() != "15.25" {
			t.Errorf("edit with tenants: %+v, %v", upd, err)
		}
		// A stopped tenant no longer counts.
		b.Status = park.TenantStopped
		if err := s.SaveTenant(officer, b); err != nil || b.Version != 2 {
			t.Fatalf("stop: %v, version %d", err, b.Version)
		}
		if got, _ := s.FindPark(officer, "CCN-A"); got.LeasedArea.Hectares() != "10.25" || got.Tenants != 1 || got.Jobs != 300 {
			t.Errorf("after stopping: %+v", got)
		}
		stale := *b
		stale.Version = 1
		for _, c := range []struct {
			ctx   context.Context
			t     park.Tenant
			code  string
			field string
		}{
			{officer, park.Tenant{SiteCode: "CCN-A", TaxCode: "0300000000", Project: "x"}, congthuong.EINVALID, "tax_code"},
			{officer, park.Tenant{SiteCode: "CCN-A", TaxCode: "0200519875", Project: "Nhà máy cơ khí"}, congthuong.ECONFLICT, "project"},
			{officer, park.Tenant{SiteCode: "CCN-A", TaxCode: "0200519875", Project: "Mở rộng", LeasedArea: hectares(t, "30")}, congthuong.EINVALID, "leased_ha"},
			{officer, park.Tenant{SiteCode: "CCN-A", TaxCode: "0200519875", Project: "y", Status: "sold"}, congthuong.EINVALID, "status"},
			{officer, stale, congthuong.ECONFLICT, "version"},
		} {
			x := c.t
			err := s.SaveTenant(c.ctx, &x)
			if congthuong.ErrorCode(err) != c.code || congthuong.ErrorFields(err)[0].Field != c.field {
				t.Errorf("%s: %v %+v", c.t.Project, err, congthuong.ErrorFields(err))
			}
		}
		if err := s.SaveTenant(storetest.As(storetest.HaNoiOfficer), &park.Tenant{SiteCode: "CCN-A", TaxCode: "0100109106", Project: "z"}); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("Hà Nội adding a tenant to Hải Phòng's cluster: %v", err)
		}
		// The public sees who leases what, not their capital or jobs.
		list, err := s.Tenants(public, "CCN-A")
		if err != nil || len(list) != 2 || list[0].Enterprise != "Công ty A" || list[0].Jobs != 0 || list[0].CapitalVND != 0 {
			t.Errorf("public tenants: %+v, %v", list, err)
		}
		if list, _ := s.Tenants(officer, "CCN-A"); list[0].Jobs != 300 {
			t.Errorf("staff see the jobs: %+v", list[0])
		}
		if err := s.DeleteTenant(officer, "CCN-A", a.ID); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.FindPark(officer, "CCN-A"); got.LeasedArea != 0 || got.Tenants != 0 {
			t.Errorf("after the last counting tenant left: %+v", got)
		}
		if _, total, _ := s.FindAuditEntries(storetest.As(congthuong.System()), store.AuditFilter{Entity: "park_tenant"}); total != 4 {
			t.Errorf("tenant changes audited: %d", total)
		}
	})
}

func TestParkFiles(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		officer, public := storetest.As(storetest.HaiPhongOfficer), context.Background()
		for _, site := range []*park.Site{
			{Code: "KCN-P", Kind: park.Park, Type: park.General, NameVI: "P", UnitCode: "31", Status: park.Planned, PlannedArea: 1, Published: true},
			{Code: "KCN-H", Kind: park.Park, Type: park.General, NameVI: "H", UnitCode: "31", Status: park.Planned, PlannedArea: 1},
		} {
			if err := s.CreatePark(officer, site); err != nil {
				t.Fatal(err)
			}
		}
		png := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 100)...)
		photo, err := s.AddParkFile(officer, "KCN-P", "photo", "", `C:\ảnh\cổng chính.png`, bytes.NewReader(png))
		if err != nil || photo.ContentType != "image/png" || photo.FileName != "cổng chính.png" || photo.Title != "cổng chính" || len(photo.SHA256) != 64 {
			t.Fatalf("photo: %+v %v", photo, err)
		}
		again, err := s.AddParkFile(officer, "KCN-H", "photo", "Cổng", "gate.png", bytes.NewReader(png))
		if err != nil || again.SHA256 != photo.SHA256 {
			t.Errorf("the same content: %+v %v", again, err)
		}
		if _, err := s.AddParkFile(officer, "KCN-P", "document", "Quy hoạch", "plan.pdf", strings.NewReader("%PDF-1.7\n...")); err != nil {
			t.Errorf("a PDF: %v", err)
		}
		for _, c := range []struct{ kind, name, content, field string }{
			{"photo", "x.png", "<html><script>alert(1)</script>", "file"},
			{"document", "x.exe", "MZ\x90\x00", "file"},
			{"video", "x.png", string(png), "kind"},
			{"photo", "x.png", "", "file"},
		} {
			_, err := s.AddParkFile(officer, "KCN-P", c.kind, "", c.name, strings.NewReader(c.content))
			if f := congthuong.ErrorFields(err); len(f) != 1 || f[0].Field != c.field {
				t.Errorf("%s %s: %v", c.kind, c.name, err)
			}
		}
		if _, err := s.AddParkFile(storetest.As(storetest.HaNoiOfficer), "KCN-P", "photo", "", "x.png", bytes.NewReader(png)); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("Hà Nội attaching to Hải Phòng's park: %v", err)
		}
		files, err := s.ParkFiles(public, "KCN-P")
		if err != nil || len(files) != 2 || files[0].Kind != "photo" || files[0].CreatedBy != "" {
			t.Errorf("the public's files: %+v %v", files, err)
		}
		f, content, err := s.OpenParkFile(public, "KCN-P", photo.ID)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(content)
		content.Close()
		if !bytes.Equal(got, png) || f.Size != int64(len(png)) {
			t.Errorf("read back %d bytes", len(got))
		}
		if _, _, err := s.OpenParkFile(public, "KCN-H", again.ID); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Errorf("a file of an unpublished site to the public: %v", err)
		}
		if _, _, err := s.OpenParkFile(public, "KCN-P", again.ID); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Errorf("another site's file by id: %v", err)
		}
		if err := s.DeleteParkFile(officer, "KCN-P", photo.ID); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.OpenParkFile(officer, "KCN-H", again.ID); err != nil {
			t.Errorf("the content another site still names: %v", err)
		}
	})
}

// TestConcurrentTenants adds twenty 1 ha tenants at once to a site with 10
// ha to lease: exactly ten fit, and the site's totals are its tenants',
// on both databases (on PostgreSQL, writers that did not take turns would
// each add up the tenants without the others').
func TestConcurrentTenants(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		officer := storetest.As(storetest.HaiPhongOfficer)
		if err := s.CreateEnterprise(storetest.As(congthuong.System()), &enterprise.Enterprise{TaxCode: "0200519875", Name: "Công ty A", UnitCode: "31"}); err != nil {
			t.Fatal(err)
		}
		site := &park.Site{Code: "CCN-B", Kind: park.Cluster, NameVI: "Cụm B", UnitCode: "31", Status: park.Operating,
			Decision: park.Decision{Number: "2/QĐ"}, PlannedArea: hectares(t, "12"), LeasableArea: hectares(t, "10"), Published: true}
		if err := s.CreatePark(officer, site); err != nil {
			t.Fatal(err)
		}
		storetest.WarmPool(t, s, 20)
		errs := make(chan error, 20)
		for i := range 20 {
			go func() {
				errs <- s.SaveTenant(officer, &park.Tenant{SiteCode: "CCN-B", TaxCode: "0200519875", Project: fmt.Sprintf("Xưởng %d", i),
					LeasedArea: park.SquareMetresPerHectare, Jobs: 10, Status: park.TenantOperating})
			}()
		}
		saved := 0
		for range 20 {
			switch err := <-errs; {
			case err == nil:
				saved++
			case congthuong.ErrorFields(err) == nil || congthuong.ErrorFields(err)[0].Field != "leased_ha":
				t.Errorf("a tenant refused for another reason than the land: %v", err)
			}
		}
		got, err := s.FindPark(officer, "CCN-B")
		if err != nil {
			t.Fatal(err)
		}
		tenants, _ := s.Tenants(officer, "CCN-B")
		if saved != 10 || len(tenants) != 10 || got.Tenants != 10 || got.LeasedArea.Hectares() != "10" || got.Jobs != 100 {
			t.Errorf("%d saved, %d stored; the site says %d tenants, %s ha leased, %d jobs", saved, len(tenants), got.Tenants, got.LeasedArea.Hectares(), got.Jobs)
		}
	})
}

// TestConcurrentSiteEdits edits a site from five writers at once, all from
// the same version, while ten tenants are added to it: one edit wins, the
// others are conflicts, and the edit keeps the tenants' totals.
func TestConcurrentSiteEdits(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		officer := storetest.As(storetest.HaiPhongOfficer)
		if err := s.CreateEnterprise(storetest.As(congthuong.System()), &enterprise.Enterprise{TaxCode: "0200519875", Name: "Công ty A", UnitCode: "31"}); err != nil {
			t.Fatal(err)
		}
		site := &park.Site{Code: "CCN-C", Kind: park.Cluster, NameVI: "Cụm C", UnitCode: "31", Status: park.Operating,
			Decision: park.Decision{Number: "3/QĐ"}, PlannedArea: hectares(t, "50"), LeasableArea: hectares(t, "40"), Published: true}
		if err := s.CreatePark(officer, site); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveTenant(officer, &park.Tenant{SiteCode: "CCN-C", TaxCode: "0200519875", Project: "Xưởng đầu",
			LeasedArea: park.SquareMetresPerHectare, Status: park.TenantOperating}); err != nil {
			t.Fatal(err)
		}
		read, err := s.FindPark(officer, "CCN-C")
		if err != nil {
			t.Fatal(err)
		}
		storetest.WarmPool(t, s, 15)
		edits, tenants := make(chan error, 5), make(chan error, 10)
		for i := range 5 {
			go func() {
				upd := *read
				upd.NameVI = fmt.Sprintf("Cụm C, sửa lần %d", i)
				_, err := s.UpdatePark(officer, "CCN-C", upd)
				edits <- err
			}()
		}
		for i := range 10 {
			go func() {
				tenants <- s.SaveTenant(officer, &park.Tenant{SiteCode: "CCN-C", TaxCode: "0200519875", Project: fmt.Sprintf("Xưởng %d", i),
					LeasedArea: park.SquareMetresPerHectare, Status: park.TenantOperating})
			}()
		}
		won := 0
		for range 5 {
			switch err := <-edits; congthuong.ErrorCode(err) {
			case "":
				won++
			case congthuong.ECONFLICT:
			default:
				t.Errorf("edit: %v", err)
			}
		}
		for range 10 {
			if err := <-tenants; err != nil {
				t.Errorf("tenant: %v", err)
			}
		}
		got, _ := s.FindPark(officer, "CCN-C")
		if won != 1 || got.Version != read.Version+1 || got.Tenants != 11 || got.LeasedArea.Hectares() != "11" {
			t.Errorf("%d edits won; the site is at version %d (from %d) with %d tenants leasing %s ha, want 1 edit, 11 tenants, 11 ha",
				won, got.Version, read.Version, got.Tenants, got.LeasedArea.Hectares())
		}
	})
}

// TestConcurrentTenantEdits edits one tenant from twenty writers at once, all
// from the same version: one wins, the others are conflicts.
func TestConcurrentTenantEdits(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		officer := storetest.As(storetest.HaiPhongOfficer)
		if err := s.CreateEnterprise(storetest.As(congthuong.System()), &enterprise.Enterprise{TaxCode: "0200519875", Name: "Công ty A", UnitCode: "31"}); err != nil {
			t.Fatal(err)
		}
		if err := s.CreatePark(officer, &park.Site{Code: "CCN-D", Kind: park.Cluster, NameVI: "Cụm D", UnitCode: "31", Status: park.Operating,
			Decision: park.Decision{Number: "4/QĐ"}, PlannedArea: hectares(t, "50"), LeasableArea: hectares(t, "40"), Published: true}); err != nil {
			t.Fatal(err)
		}
		tenant := &park.Tenant{SiteCode: "CCN-D", TaxCode: "0200519875", Project: "Xưởng", LeasedArea: park.SquareMetresPerHectare,
			Jobs: 10, Status: park.TenantOperating}
		if err := s.SaveTenant(officer, tenant); err != nil {
			t.Fatal(err)
		}
		storetest.WarmPool(t, s, 20)
		edits, start := make(chan error, 20), make(chan struct{})
		for i := range 20 {
			go func() {
				<-start
				upd := *tenant
				upd.Jobs = 100 + i
				edits <- s.SaveTenant(officer, &upd)
			}()
		}
		close(start)
		won := 0
		for range 20 {
			switch err := <-edits; congthuong.ErrorCode(err) {
			case "":
				won++
			case congthuong.ECONFLICT:
			default:
				t.Errorf("edit: %v", err)
			}
		}
		got, _ := s.Tenants(officer, "CCN-D")
		if won != 1 || len(got) != 1 || got[0].Version != tenant.Version+1 {
			t.Errorf("%d edits won; the tenant is at version %d (from %d)", won, got[0].Version, tenant.Version)
		}
	})
}
