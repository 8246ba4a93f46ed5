package storetest

import (
	"context"
	"sync"
	"testing"

	"congthuong"
	"congthuong/internal/auth"
	"congthuong/internal/calendar"
	"congthuong/internal/procedure"
	"congthuong/internal/store"
)

// Fixtures the tests of several modules' SQL share.

// Actors of Hải Phòng (31), two of its communes, and Hà Nội (01).
var (
	HaiPhongOfficer = congthuong.Actor{UserID: 10, Username: "officer", Role: congthuong.RoleOfficer, UnitCode: "31", ProvinceCode: "31"}
	ThuyNguyen      = congthuong.Actor{UserID: 11, Username: "thuynguyen", Role: congthuong.RoleCommune, UnitCode: "11560", ProvinceCode: "31"}
	CatHai          = congthuong.Actor{UserID: 12, Username: "cathai", Role: congthuong.RoleCommune, UnitCode: "11914", ProvinceCode: "31"}
	HaNoiOfficer    = congthuong.Actor{UserID: 13, Username: "hanoi", Role: congthuong.RoleOfficer, UnitCode: "01", ProvinceCode: "01"}
	HaiPhongLeader  = congthuong.Actor{UserID: 14, Username: "leader", Role: congthuong.RoleLeader, UnitCode: "31", ProvinceCode: "31"}
	EnterpriseOwner = congthuong.Actor{UserID: 15, Username: "owner", Role: congthuong.RoleEnterprise, UnitCode: "31", ProvinceCode: "31", TaxCode: "0100233488"}
)

// As is a context acting as a.
func As(a congthuong.Actor) context.Context {
	return congthuong.NewContext(context.Background(), a)
}

// WarmPool opens n connections of the store's pool at once, so that writers
// started together run together instead of one after another as each
// waits for a new connection.
func WarmPool(t *testing.T, s *store.Store, n int) {
	t.Helper()
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var one int
			if err := s.Read.QueryRow(`SELECT 1`).Scan(&one); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}

// EachB runs a benchmark on SQLite and on PostgreSQL.
func EachB(b *testing.B, fn func(b *testing.B, s *store.Store)) {
	b.Run("sqlite", func(b *testing.B) { fn(b, SQLite(b)) })
	b.Run("postgres", func(b *testing.B) { fn(b, Postgres(b)) })
}

// DossierSetup seeds the procedures' catalogue and returns the working-day
// calendar dossiers are timed on.
func DossierSetup(t *testing.T, s *store.Store) *calendar.Calendar {
	t.Helper()
	sys := As(congthuong.System())
	if _, err := s.SeedProcedures(sys, procedure.Catalogue()); err != nil {
		t.Fatal(err)
	}
	cal, err := s.Calendar(sys, calendar.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The accounts behind the test's actors, whom dossiers are assigned to.
	for _, a := range []congthuong.Actor{ThuyNguyen, CatHai, HaiPhongOfficer, EnterpriseOwner} {
		u := &auth.User{Username: a.Username, DisplayName: a.Username, Role: a.Role, UnitCode: a.UnitCode, TaxCode: a.TaxCode, Active: true}
		if err := s.CreateUser(sys, u, "test-password-123"); err != nil {
			t.Fatal(err)
		}
	}
	return cal
}

// TobaccoDossier is an online filing of a tobacco retail licence.
func TobaccoDossier() *procedure.Dossier {
	return &procedure.Dossier{ProcedureCode: "CT-THUOCLA-BANLE", UnitCode: "11560",
		Applicant: procedure.Applicant{Name: "Công ty Cổ phần Thủy Nguyên", Phone: "+84 912 345 678"},
		Form:      map[string]string{"tax_code": "0100233488", "business_address": "Số 1 Thủy Nguyên"}}
}
