package parkdb_test

import (
	"context"
	"testing"

	"congthuong"
	"congthuong/internal/park"
	"congthuong/internal/park/parkdb"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

// TestLeads: interest is registered for published sites only; a lead is
// seen and followed up by the staff of its site's province and commune,
// by no one else, and a follow-up made on a stale version is refused.
func TestLeads(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		officer, public := storetest.As(storetest.HaiPhongOfficer), context.Background()
		published := &park.Site{Code: "CCN-A", Kind: park.Cluster, NameVI: "Cụm công nghiệp A", UnitCode: "11560", Status: park.Operating,
			Decision: park.Decision{Number: "12/QĐ-UBND", Date: "2022-03-01"}, PlannedArea: hectares(t, "40"), LeasableArea: hectares(t, "30"), Published: true}
		draft := &park.Site{Code: "CCN-B", Kind: park.Cluster, NameVI: "Cụm công nghiệp B", UnitCode: "11914", Status: park.Planned,
			PlannedArea: hectares(t, "20")}
		for _, site := range []*park.Site{published, draft} {
			if err := s.CreatePark(officer, site); err != nil {
				t.Fatal(err)
			}
		}
		land := 5.0
		if _, err := s.Parks.RegisterInterest(public, "CCN-B", &park.Lead{Name: "An", Email: "an@example.com"}, "vi"); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Errorf("interest in an unpublished site: %v", err)
		}
		if _, err := s.Parks.RegisterInterest(public, "CCN-A", &park.Lead{Name: "", Email: "x", LandHa: &land}, "vi"); congthuong.ErrorCode(err) != congthuong.EINVALID ||
			len(congthuong.ErrorFields(err)) != 2 {
			t.Errorf("a lead without name and e-mail: %v", err)
		}
		lead, err := s.Parks.RegisterInterest(public, "CCN-A", &park.Lead{Name: "An", Email: "an@example.com", LandHa: &land}, "en")
		if err != nil || lead.Status != park.LeadNew || lead.Lang != "en" {
			t.Fatalf("register: %+v %v", lead, err)
		}
		for _, c := range []struct {
			who  congthuong.Actor
			sees int
		}{{storetest.HaiPhongOfficer, 1}, {storetest.ThuyNguyen, 1}, {storetest.CatHai, 0}, {storetest.HaNoiOfficer, 0}, {storetest.EnterpriseOwner, 0}, {congthuong.Actor{}, 0}} {
			leads, total, err := s.Parks.Leads(storetest.As(c.who), parkdb.LeadFilter{})
			if err != nil || total != c.sees || len(leads) != c.sees {
				t.Errorf("%s sees %d leads, want %d (%v)", c.who.Username, total, c.sees, err)
			}
		}
		if _, err := s.Parks.FollowUp(storetest.As(storetest.CatHai), lead.ID, parkdb.LeadStep{Version: 1, Status: park.LeadContacted}); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Errorf("another commune following the lead up: %v", err)
		}
		after, err := s.Parks.FollowUp(storetest.As(storetest.ThuyNguyen), lead.ID, parkdb.LeadStep{Version: 1, Status: park.LeadVisiting, Owner: "thuynguyen"})
		if err != nil || after.Version != 2 || after.Status != park.LeadVisiting {
			t.Fatalf("follow-up: %+v %v", after, err)
		}
		if _, err := s.Parks.FollowUp(officer, lead.ID, parkdb.LeadStep{Version: 1, Status: park.LeadLost}); congthuong.ErrorCode(err) != congthuong.ECONFLICT {
			t.Errorf("a stale follow-up: %v", err)
		}
		if _, err := s.Parks.FollowUp(officer, lead.ID, parkdb.LeadStep{Version: 2, Status: "closed"}); congthuong.ErrorCode(err) != congthuong.EINVALID {
			t.Errorf("an unknown status: %v", err)
		}
		counts, err := s.Parks.LeadCounts(officer)
		if err != nil || counts[park.LeadVisiting] != 1 {
			t.Errorf("counts: %v %v", counts, err)
		}
	})
}
