package enterprisedb_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"congthuong"
	"congthuong/internal/enterprise"
	"congthuong/internal/enterprise/enterprisedb"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

func TestEnterpriseScope(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := &enterprise.Enterprise{TaxCode: "0100233488", Name: "Công ty Cổ phần Thủy Sản Hải Phòng", UnitCode: "11560", VSICCode: "C1020"}
		if err := s.CreateEnterprise(storetest.As(storetest.ThuyNguyen), e); err != nil {
			t.Fatal(err)
		}
		if e.ProvinceCode != "31" || e.VSICVersion != "2025" {
			t.Errorf("province = %q, vsic version = %q", e.ProvinceCode, e.VSICVersion)
		}
		// A commune officer cannot create in another commune.
		other := &enterprise.Enterprise{TaxCode: "0314409058", Name: "Công ty B", UnitCode: "11914"}
		if err := s.CreateEnterprise(storetest.As(storetest.ThuyNguyen), other); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("create outside scope: %v", err)
		}
		if err := s.CreateEnterprise(storetest.As(storetest.CatHai), other); err != nil {
			t.Fatal(err)
		}
		for _, test := range []struct {
			name  string
			actor congthuong.Actor
			want  int
		}{
			{"province officer sees both", storetest.HaiPhongOfficer, 2},
			{"leader reads the province", storetest.HaiPhongLeader, 2},
			{"commune sees its own", storetest.ThuyNguyen, 1},
			{"other province sees none", storetest.HaNoiOfficer, 0},
			{"enterprise user sees itself", storetest.EnterpriseOwner, 1},
		} {
			t.Run(test.name, func(t *testing.T) {
				list, total, err := s.FindEnterprises(storetest.As(test.actor), enterprisedb.EnterpriseFilter{})
				if err != nil {
					t.Fatal(err)
				}
				if total != test.want || len(list) != test.want {
					t.Errorf("got %d (total %d), want %d", len(list), total, test.want)
				}
			})
		}
		if _, _, err := s.FindEnterprises(context.Background(), enterprisedb.EnterpriseFilter{}); congthuong.ErrorCode(err) != congthuong.EUNAUTHORIZED {
			t.Errorf("anonymous: %v", err)
		}
		// Reading, changing or deleting another commune's record looks like absence.
		if _, err := s.FindEnterprise(storetest.As(storetest.ThuyNguyen), "0314409058"); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Errorf("read other commune: %v", err)
		}
		if _, err := s.UpdateEnterprise(storetest.As(storetest.ThuyNguyen), "0314409058", *other); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Errorf("update other commune: %v", err)
		}
		if err := s.DeleteEnterprise(storetest.As(storetest.ThuyNguyen), "0314409058"); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Errorf("delete other commune: %v", err)
		}
		if err := s.DeleteEnterprise(storetest.As(storetest.HaiPhongLeader), "0314409058"); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("leader delete: %v", err)
		}
		// Moving a record out of one's scope is refused.
		moved := *e
		moved.UnitCode = "11914"
		if _, err := s.UpdateEnterprise(storetest.As(storetest.ThuyNguyen), e.TaxCode, moved); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("move out of scope: %v", err)
		}
		// Search ignores diacritics and case; digits search the tax code.
		for q, want := range map[string]int{"thuy san": 1, "THỦY SẢN": 1, "san thuy": 1, "thu sa": 1, "huy": 0, "cong ty": 2, "0100": 1, "031440": 1, "xyz": 0} {
			_, total, err := s.FindEnterprises(storetest.As(storetest.HaiPhongOfficer), enterprisedb.EnterpriseFilter{Q: q})
			if err != nil || total != want {
				t.Errorf("search %q: %d, %v; want %d", q, total, err, want)
			}
		}
		// The enterprise user's search sees only its own record.
		if _, total, err := s.FindEnterprises(storetest.As(storetest.EnterpriseOwner), enterprisedb.EnterpriseFilter{Q: "cong ty"}); err != nil || total != 1 {
			t.Errorf("owner search: %d, %v", total, err)
		}
		if _, total, err := s.FindEnterprises(storetest.As(storetest.EnterpriseOwner), enterprisedb.EnterpriseFilter{Q: "thuy san"}); err != nil || total != 1 {
			t.Errorf("owner word search: %d, %v", total, err)
		}
		// Renaming and moving re-index the words and their scope.
		renamed := *other
		renamed.Name, renamed.UnitCode = "Công ty TNHH Đóng Tàu Bạch Đằng", "11560"
		if _, err := s.UpdateEnterprise(storetest.As(storetest.HaiPhongOfficer), other.TaxCode, renamed); err != nil {
			t.Fatal(err)
		}
		for _, test := range []struct {
			actor congthuong.Actor
			q     string
			unit  string
			want  int
		}{
			{storetest.HaiPhongOfficer, "dong tau", "", 1}, {storetest.HaiPhongOfficer, "bach", "", 1}, {storetest.ThuyNguyen, "bach dang", "", 1},
			{storetest.CatHai, "bach dang", "", 0}, {storetest.HaiPhongOfficer, "bach dang", "11560", 1}, {storetest.HaiPhongOfficer, "bach dang", "11914", 0},
			{storetest.HaiPhongOfficer, "cong ty", "11914", 0}, {storetest.HaiPhongOfficer, "0314", "11560", 1}, {storetest.HaiPhongOfficer, "0314", "11914", 0},
		} {
			f := enterprisedb.EnterpriseFilter{Q: test.q, UnitCode: test.unit}
			if _, total, err := s.FindEnterprises(storetest.As(test.actor), f); err != nil || total != test.want {
				t.Errorf("%s searching %q in %q: %d, %v; want %d", test.actor.Username, test.q, test.unit, total, err, test.want)
			}
		}
		// A unit filter is data, never part of the full-text query's syntax.
		for _, unitFilter := range []string{`31" OR "1`, "31 OR 1", "31*", "3-1"} {
			f := enterprisedb.EnterpriseFilter{Q: "bach dang", UnitCode: unitFilter}
			if _, total, err := s.FindEnterprises(storetest.As(storetest.HaiPhongOfficer), f); err != nil || total != 0 {
				t.Errorf("unit filter %q: %d, %v; want 0 and no error", unitFilter, total, err)
			}
		}
		// Deleting removes the record from the search index.
		if err := s.DeleteEnterprise(storetest.As(storetest.HaiPhongOfficer), other.TaxCode); err != nil {
			t.Fatal(err)
		}
		if _, total, err := s.FindEnterprises(storetest.As(congthuong.System()), enterprisedb.EnterpriseFilter{Q: "bach dang"}); err != nil || total != 0 {
			t.Errorf("search after delete: %d, %v", total, err)
		}
		dup := &enterprise.Enterprise{TaxCode: "0100233488", Name: "Dup", UnitCode: "31"}
		if err := s.CreateEnterprise(storetest.As(storetest.HaiPhongOfficer), dup); congthuong.ErrorCode(err) != congthuong.ECONFLICT {
			t.Errorf("duplicate: %v", err)
		}
		bad := &enterprise.Enterprise{TaxCode: "0100233480", Name: "", UnitCode: "99999"}
		err := s.CreateEnterprise(storetest.As(storetest.HaiPhongOfficer), bad)
		if congthuong.ErrorCode(err) != congthuong.EINVALID || congthuong.ErrorFields(err)[0].Field != "tax_code" {
			t.Errorf("invalid: %v", err)
		}
		upd := *e
		upd.Phone = "0225 3842 123"
		got, err := s.UpdateEnterprise(storetest.As(storetest.HaiPhongOfficer), e.TaxCode, upd)
		if err != nil || got.Phone != "0225 3842 123" {
			t.Fatalf("update: %+v, %v", got, err)
		}
		entries, total, err := s.FindAuditEntries(storetest.As(congthuong.System()), store.AuditFilter{Entity: "enterprise", EntityID: e.TaxCode})
		if err != nil || total != 2 || entries[0].Action != "update" || entries[0].Before == "" || entries[0].After == "" {
			t.Errorf("audit of %s: %d entries %+v, %v", e.TaxCode, total, entries, err)
		}
		n, broken, err := s.VerifyAudit(context.Background())
		if err != nil || broken != nil || n < 4 {
			t.Errorf("verify: %d, %+v, %v", n, broken, err)
		}
	})
}

func TestImportEnterprises(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := storetest.As(storetest.HaiPhongOfficer)
		rows := []enterprise.ImportRow{
			{Line: 2, Enterprise: enterprise.Enterprise{TaxCode: "0100233488", Name: "A", UnitCode: "11560"}},
			{Line: 3, Enterprise: enterprise.Enterprise{TaxCode: "0314409058", Name: "B", UnitCode: "31"}},
		}
		res, err := s.ImportEnterprises(ctx, rows, true)
		if err != nil || res.Created != 2 {
			t.Fatalf("dry run: %+v, %v", res, err)
		}
		if _, total, _ := s.FindEnterprises(ctx, enterprisedb.EnterpriseFilter{}); total != 0 {
			t.Fatalf("dry run wrote %d rows", total)
		}
		if res, err = s.ImportEnterprises(ctx, rows, false); err != nil || res.Created != 2 {
			t.Fatalf("import: %+v, %v", res, err)
		}
		if res, err = s.ImportEnterprises(ctx, rows, false); err != nil || res.Unchanged != 2 || res.Created+res.Updated != 0 {
			t.Fatalf("re-import: %+v, %v", res, err)
		}
		// One bad row (unknown unit, another province) stops everything.
		rows[0].Enterprise.Name = "A renamed"
		rows = append(rows,
			enterprise.ImportRow{Line: 4, Enterprise: enterprise.Enterprise{TaxCode: "0100112437", Name: "C", UnitCode: "99999"}},
			enterprise.ImportRow{Line: 5, Enterprise: enterprise.Enterprise{TaxCode: "0312687878", Name: "D", UnitCode: "00004"}})
		_, err = s.ImportEnterprises(ctx, rows, false)
		fields := congthuong.ErrorFields(err)
		if len(fields) != 2 || fields[0].Row != 4 || fields[1].Row != 5 {
			t.Fatalf("bad rows: %v", err)
		}
		got, err := s.FindEnterprise(ctx, "0100233488")
		if err != nil || got.Name != "A" {
			t.Errorf("half-written import: %+v, %v", got, err)
		}
	})
}

// TestImportEnterpriseFileLateError imports a file whose bad rows come after
// enough good ones to have been written already: the whole import is still
// refused, every bad row is named, and nothing is left behind, neither the
// records nor their search rows nor their audit entries.
func TestImportEnterpriseFileLateError(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := storetest.As(storetest.HaiPhongOfficer)
		var codes []string
		for i := 1; len(codes) < 100; i++ {
			if tc, ok := enterprise.WithCheckDigit(fmt.Sprintf("020%06d", i)); ok {
				codes = append(codes, tc)
			}
		}
		var file strings.Builder
		file.WriteString("tax_code,name,unit_code\n")
		for i, tc := range codes {
			fmt.Fprintf(&file, "%s,Công ty Thép Số %d,11560\n", tc, i)
		}
		file.WriteString("0100233480,Bad check digit,11560\n") // line 102
		file.WriteString("0100233488,Unknown unit,99999\n")    // line 103
		file.WriteString(codes[0] + ",Repeated,31\n")          // line 104
		_, err := s.ImportEnterpriseFile(ctx, enterprise.ReadImport(strings.NewReader(file.String())), false)
		rows := map[int]string{}
		for _, f := range congthuong.ErrorFields(err) {
			rows[f.Row] = f.Field
		}
		if len(rows) != 3 || rows[102] != "tax_code" || rows[103] != "unit_code" || rows[104] != "tax_code" {
			t.Fatalf("want problems on rows 102-104, got %v (%v)", rows, err)
		}
		sys := congthuong.NewContext(context.Background(), congthuong.System())
		if _, total, err := s.FindEnterprises(sys, enterprisedb.EnterpriseFilter{}); err != nil || total != 0 {
			t.Errorf("refused import left %d enterprises (%v)", total, err)
		}
		if _, total, err := s.FindEnterprises(sys, enterprisedb.EnterpriseFilter{Q: "thep"}); err != nil || total != 0 {
			t.Errorf("refused import left %d search rows (%v)", total, err)
		}
		if _, total, err := s.FindAuditEntries(sys, store.AuditFilter{Entity: "enterprise"}); err != nil || total != 0 {
			t.Errorf("refused import left %d audit entries (%v)", total, err)
		}
		// The same file without its bad rows imports, and is searchable.
		good := strings.Join(strings.Split(file.String(), "\n")[:101], "\n")
		res, err := s.ImportEnterpriseFile(ctx, enterprise.ReadImport(strings.NewReader(good)), false)
		if err != nil || res.Created != 100 {
			t.Fatalf("good file: %+v, %v", res, err)
		}
		if _, total, err := s.FindEnterprises(ctx, enterprisedb.EnterpriseFilter{Q: "thep so 42"}); err != nil || total != 1 {
			t.Errorf("search after import: %d, %v", total, err)
		}
	})
}

// TestConcurrentEnterpriseEdits edits one enterprise from ten writers at
// once: each audit entry's "before" is the previous entry's "after", so the
// history reads as one chain of changes, with no change lost from it.
func TestConcurrentEnterpriseEdits(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		sys := storetest.As(congthuong.System())
		if err := s.CreateEnterprise(sys, &enterprise.Enterprise{TaxCode: "0100233488", Name: "Công ty 0", UnitCode: "31"}); err != nil {
			t.Fatal(err)
		}
		storetest.WarmPool(t, s, 10)
		errs := make(chan error, 10)
		for i := 1; i <= 10; i++ {
			go func() {
				_, err := s.UpdateEnterprise(sys, "0100233488", enterprise.Enterprise{Name: fmt.Sprintf("Công ty %d", i), UnitCode: "31"})
				errs <- err
			}()
		}
		for range 10 {
			if err := <-errs; err != nil {
				t.Fatal(err)
			}
		}
		rows, err := s.Read.Query(`SELECT before, after FROM audit_log WHERE entity = 'enterprise' AND entity_id = '0100233488' ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var names []string // after each entry
		for rows.Next() {
			var before, after string
			if err := rows.Scan(&before, &after); err != nil {
				t.Fatal(err)
			}
			var b, a struct{ Name string }
			json.Unmarshal([]byte(before), &b)
			json.Unmarshal([]byte(after), &a)
			if len(names) > 0 && b.Name != names[len(names)-1] {
				t.Errorf("entry %d replaced %q, but the entry before it left %q", len(names), b.Name, names[len(names)-1])
			}
			names = append(names, a.Name)
		}
		if len(names) != 11 {
			t.Errorf("%d audit entries, want the creation and ten edits", len(names))
		}
	})
}
