package legaldb_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/legal"
	"congthuong/internal/legal/legaldb"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

func day(s string) *calendar.Date {
	d, _ := calendar.ParseDate(s)
	return &d
}

// TestLibrary: documents saved by the department, read by the public once
// published, their statuses computed from their days and replacements on
// either database, filtered by status, type and words without diacritics.
func TestLibrary(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		now := time.Date(2025, 1, 10, 3, 0, 0, 0, time.UTC)
		s.Now = func() time.Time { return now }
		officer, public := storetest.As(storetest.HaiPhongOfficer), context.Background()
		old := &legal.Document{Number: " 81 /2018/NĐ-CP", Type: "decree", Field: "trade", Issuer: "Chính phủ",
			TitleVI: "Quy định chi tiết Luật Thương mại về hoạt động xúc tiến thương mại", IssuedOn: *day("2018-05-22"),
			EffectiveOn: day("2018-05-22"), Published: true}
		amend := &legal.Document{Number: "128/2024/NĐ-CP", Type: "decree", Field: "trade", Issuer: "Chính phủ",
			TitleVI: "Sửa đổi, bổ sung Nghị định 81/2018/NĐ-CP", IssuedOn: *day("2024-10-10"), EffectiveOn: day("2024-12-01"),
			Replaces:  []legal.Relation{{Number: "81/2018/NĐ-CP", Scope: legal.Part}, {Number: "37/2006/NĐ-CP", Scope: legal.Whole}},
			Published: true}
		future := &legal.Document{Number: "139/2025/NĐ-CP", Type: "decree", Field: "administration", Issuer: "Chính phủ",
			TitleVI: "Quy định phân định thẩm quyền", IssuedOn: *day("2025-01-05"), EffectiveOn: day("2025-07-01")}
		if err := s.Legal.Save(storetest.As(storetest.ThuyNguyen), old); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Fatalf("a commune officer keeps the library: %v", err)
		}
		for _, d := range []*legal.Document{old, amend, future} {
			if err := s.Legal.Save(officer, d); err != nil {
				t.Fatalf("%s: %v", d.Number, err)
			}
		}
		if old.Number != "81/2018/NĐ-CP" || old.Slug != "81-2018-nd-cp" {
			t.Fatalf("normalised: %s %s", old.Number, old.Slug)
		}
		dup := *amend
		dup.ID, dup.Version = 0, 0
		if err := s.Legal.Save(officer, &dup); congthuong.ErrorCode(err) != congthuong.ECONFLICT {
			t.Fatalf("a number taken twice: %v", err)
		}
		got, err := s.Legal.Find(public, "81-2018-nd-cp")
		if err != nil || got.Status != legal.PartlyReplaced || len(got.ReplacedBy) != 1 || got.ReplacedBy[0].Slug != "128-2024-nd-cp" {
			t.Fatalf("the amended decree: %+v %v", got, err)
		}
		got, _ = s.Legal.Find(public, "128/2024/nđ-cp") // the number as typed in a search

		if len(got.Replaces) != 2 || got.Replaces[0].Slug != "" || got.Replaces[1].Slug != "81-2018-nd-cp" {
			t.Fatalf("what the amendment replaces: %+v", got.Replaces)
		}
		if _, err := s.Legal.Find(public, "139-2025-nd-cp"); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Fatalf("the public reads an unpublished document: %v", err)
		}
		if d, err := s.Legal.Find(officer, "139-2025-nd-cp"); err != nil || d.Status != legal.Pending {
			t.Fatalf("staff read it, not yet in force: %+v %v", d, err)
		}
		count := func(ctx context.Context, f legaldb.Filter) int {
			_, n, err := s.Legal.List(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		for _, c := range []struct {
			name string
			ctx  context.Context
			f    legaldb.Filter
			want int
		}{
			{"all, public", public, legaldb.Filter{}, 2},
			{"all, staff", officer, legaldb.Filter{}, 3},
			{"partly replaced", public, legaldb.Filter{Status: legal.PartlyReplaced}, 1},
			{"in force", public, legaldb.Filter{Status: legal.InForce}, 1},
			{"pending, staff", officer, legaldb.Filter{Status: legal.Pending}, 1},
			{"words", public, legaldb.Filter{Q: "xuc tien THUONG mai"}, 1},
			{"number", public, legaldb.Filter{Q: "128/2024"}, 1},
			{"year", public, legaldb.Filter{Year: 2018}, 1},
		} {
			if got := count(c.ctx, c.f); got != c.want {
				t.Errorf("%s: %d, want %d", c.name, got, c.want)
			}
		}
		links, err := s.Legal.Numbers(public, []string{"Nghị định 81/2018/NĐ-CP; Nghị định 139/2025/NĐ-CP"})
		if err != nil || links["81/2018/NĐ-CP"] != "81-2018-nd-cp" || links["139/2025/NĐ-CP"] != "" {
			t.Fatalf("links: %v %v", links, err)
		}
		// A stale save is refused; a whole replacement makes the old one
		// replaced once in force.
		stale := *old
		stale.Version = 99
		if err := s.Legal.Save(officer, &stale); congthuong.ErrorCode(err) != congthuong.ECONFLICT {
			t.Fatalf("a stale save: %v", err)
		}
		future.Replaces, future.Published = []legal.Relation{{Number: "81/2018/NĐ-CP", Scope: legal.Whole}}, true
		if err := s.Legal.Save(officer, future); err != nil {
			t.Fatal(err)
		}
		now = time.Date(2025, 7, 1, 3, 0, 0, 0, time.UTC)
		if got, _ := s.Legal.Find(public, old.Slug); got.Status != legal.Replaced {
			t.Errorf("wholly replaced: %s", got.Status)
		}
		if n := count(public, legaldb.Filter{Status: legal.Replaced}); n != 1 {
			t.Errorf("replaced, filtered: %d", n)
		}
		if _, err := s.Legal.AddFile(officer, old.Slug, "", "van-ban.pdf", strings.NewReader("%PDF-1.4 x")); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Legal.AddFile(officer, old.Slug, "", "van-ban.exe", strings.NewReader("MZ\x90\x00")); congthuong.ErrorCode(err) != congthuong.EINVALID {
			t.Fatalf("a program as a document's file: %v", err)
		}
	})
}
