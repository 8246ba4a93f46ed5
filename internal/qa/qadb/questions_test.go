package qadb_test

import (
	"context"
	"strings"
	"testing"

	"congthuong"
	"congthuong/internal/auth"
	"congthuong/internal/qa"
	"congthuong/internal/qa/qadb"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

// TestQuestionJourney: anyone asks and is acknowledged; the public sees
// nothing until an answer is published, and never the asker; an officer
// assigns, answers privately, then publishes; each step is mailed once and
// logged; stale and unauthorised changes are refused.
func TestQuestionJourney(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		s.Questions.SiteURL = "https://congthuong.example.vn"
		public, officer := context.Background(), storetest.As(storetest.HaiPhongOfficer)
		if _, err := s.Questions.Ask(public, &qa.Question{Topic: "trade"}, "vi"); len(congthuong.ErrorFields(err)) < 3 {
			t.Fatalf("an empty question: %v", err)
		}
		q, err := s.Questions.Ask(public, &qa.Question{Topic: "trade", Name: "Trần Thị B", Email: "b@example.vn", Phone: "0912 345 678",
			Title: "Giấy phép bán lẻ rượu", Body: "Cửa hàng tạp hóa của tôi ở phường Thủy Nguyên cần giấy phép gì để bán rượu?"}, "vi")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Questions.Find(public, q.ID); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Fatalf("the public reads an unanswered question: %v", err)
		}
		if _, err := s.Questions.Assign(storetest.As(storetest.ThuyNguyen), q.ID, q.Version, "officer"); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Fatalf("a commune officer handles the department's questions: %v", err)
		}
		if _, err := s.Questions.Assign(officer, q.ID, q.Version, "khong-co-ai"); congthuong.ErrorCode(err) != congthuong.EINVALID {
			t.Fatalf("assigned to nobody known: %v", err)
		}
		sys := storetest.As(congthuong.System())
		for _, u := range []*auth.User{{Username: "hoa", DisplayName: "Lê Thị Hoa", Role: congthuong.RoleOfficer, UnitCode: "31", Active: true},
			{Username: "canboxa", DisplayName: "Cán bộ xã", Role: congthuong.RoleCommune, UnitCode: "11560", Active: true}} {
			if err := s.CreateUser(sys, u, "mat-khau-du-dai-123"); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.Questions.Assign(officer, q.ID, q.Version, "canboxa"); congthuong.ErrorCode(err) != congthuong.EINVALID {
			t.Fatalf("assigned to a commune officer: %v", err)
		}
		officers, err := s.Questions.Officers(officer)
		if err != nil || len(officers) != 1 || officers[0].Username != "hoa" {
			t.Fatalf("officers: %v %v", officers, err)
		}
		q, err = s.Questions.Assign(officer, q.ID, q.Version, officers[0].Username)
		if err != nil || q.Status != qa.Assigned {
			t.Fatalf("assign: %v", err)
		}
		q, err = s.Questions.Answer(officer, q.ID, q.Version, qadb.Step{Answer: "Cửa hàng cần Giấy phép bán lẻ sản phẩm rượu do Ủy ban nhân dân phường cấp."})
		if err != nil || q.Status != qa.Answered {
			t.Fatalf("answer: %v", err)
		}
		if _, err := s.Questions.Answer(officer, q.ID, q.Version-1, qadb.Step{Answer: "x"}); congthuong.ErrorCode(err) != congthuong.ECONFLICT {
			t.Fatalf("a stale answer: %v", err)
		}
		q, err = s.Questions.Answer(officer, q.ID, q.Version, qadb.Step{Answer: q.Answer, Publish: true, Title: "Giấy phép bán lẻ rượu",
			Question: "Cửa hàng tạp hóa cần giấy phép gì để bán rượu?"})
		if err != nil || q.Status != qa.Published {
			t.Fatalf("publish: %v", err)
		}
		got, err := s.Questions.Find(public, q.ID)
		if err != nil || got.Name != "" || got.Email != "" || got.Phone != "" || strings.Contains(got.Body, "Thủy Nguyên") {
			t.Fatalf("the public's question: %+v %v", got, err)
		}
		if _, n, _ := s.Questions.List(public, qadb.Filter{Q: "giay phep ban le RUOU"}); n != 1 {
			t.Errorf("search without diacritics: %d", n)
		}
		mails, err := s.Outbox(sys, 10)
		if err != nil || len(mails) != 3 || !strings.Contains(mails[0].Body, "https://congthuong.example.vn/questions/") {
			t.Fatalf("mails to the asker: %d %v", len(mails), err)
		}
		for _, m := range mails {
			if m.To != "b@example.vn" {
				t.Errorf("a mail to %s", m.To)
			}
		}
	})
}
