package newsdb_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"congthuong"
	"congthuong/internal/news"
	"congthuong/internal/news/newsdb"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

func draft(title string) *news.Article {
	return &news.Article{Kind: news.KindNews, Category: "trade", Topics: []string{"xúc tiến, hội chợ"},
		VI: news.Text{Title: title, Summary: "Tóm tắt " + title, Body: "Nội dung **" + title + "** <script>alert(1)</script>"}}
}

// TestArticleJourney: an editor writes, a leader returns, publishes at a
// time to come, changes and withdraws; the public sees each state as it
// should, and every step is in the audit log.
func TestArticleJourney(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		now := time.Date(2026, 12, 7, 2, 0, 0, 0, time.UTC)
		s.Now = func() time.Time { return now }
		editor, leader := storetest.As(storetest.HaiPhongOfficer), storetest.As(storetest.HaiPhongLeader)
		public := context.Background()
		n := s.News

		if _, err := n.Create(storetest.As(storetest.ThuyNguyen), draft("Tin xã")); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Fatalf("a commune officer writes the department's news: %v", err)
		}
		if _, err := n.Create(public, draft("Tin")); congthuong.ErrorCode(err) != congthuong.EUNAUTHORIZED {
			t.Fatalf("the public writes news: %v", err)
		}
		a, err := n.Create(editor, draft("Hội chợ hàng Việt 2026"))
		if err != nil {
			t.Fatal(err)
		}
		if a.Slug != "hoi-cho-hang-viet-2026" || a.Status != news.Draft || strings.Contains(a.HTMLVI, "<script") {
			t.Fatalf("created: %q %s %q", a.Slug, a.Status, a.HTMLVI)
		}
		if b, err := n.Create(editor, draft("Hội chợ hàng Việt 2026")); err != nil || b.Slug != "hoi-cho-hang-viet-2026-2" {
			t.Fatalf("a second article of the same title: %v %v", b, err)
		}
		if _, err := n.Find(public, a.Slug); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Fatalf("the public reads a draft: %v", err)
		}
		if _, err := n.Act(editor, a.ID, a.Version, newsdb.Step{Action: news.Publish}); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Fatalf("an editor publishes: %v", err)
		}
		a, err = n.Act(editor, a.ID, a.Version, newsdb.Step{Action: news.Submit})
		if err != nil || a.Status != news.Review {
			t.Fatalf("submit: %v", err)
		}
		if _, err := n.Act(leader, a.ID, a.Version, newsdb.Step{Action: news.Return}); congthuong.ErrorCode(err) != congthuong.EINVALID {
			t.Fatalf("a return without a note: %v", err)
		}
		a, err = n.Act(leader, a.ID, a.Version, newsdb.Step{Action: news.Return, Note: "Thêm địa điểm"})
		if err != nil || a.Status != news.Draft || a.ReviewNote != "Thêm địa điểm" {
			t.Fatalf("return: %+v %v", a, err)
		}
		stale := a.Version
		a, err = n.Update(editor, a.ID, a.Version, &news.Article{Kind: news.KindAnnouncement, Category: "promotion",
			VI: news.Text{Title: "Hội chợ hàng Việt 2026", Summary: "Tại Hải Phòng", Body: "Địa điểm: Nhà văn hóa"}}, newsdb.ChangeNote{})
		if err != nil || a.Kind != news.KindAnnouncement || a.Slug != "hoi-cho-hang-viet-2026" {
			t.Fatalf("update: %v", err)
		}
		if _, err := n.Update(editor, a.ID, stale, draft("Cũ"), newsdb.ChangeNote{}); congthuong.ErrorCode(err) != congthuong.ECONFLICT {
			t.Fatalf("a stale update: %v", err)
		}
		// Published for tomorrow morning: scheduled, not yet public.
		at := now.Add(20 * time.Hour)
		a, err = n.Act(leader, a.ID, a.Version, newsdb.Step{Action: news.Publish, PublishAt: &at})
		if err != nil || !a.Scheduled(now) {
			t.Fatalf("publish at a time to come: %+v %v", a, err)
		}
		if _, err := n.Find(public, a.Slug); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Fatalf("the public reads a scheduled article: %v", err)
		}
		now = at.Add(time.Minute)
		got, err := n.Find(public, a.Slug)
		if err != nil || got.CreatedBy != "" || got.PublishedBy != "" {
			t.Fatalf("the public reads the due article: %+v %v", got, err)
		}
		list, total, err := n.List(public, newsdb.Filter{Q: "NHA VAN HOA"})
		if err != nil || total != 1 || list[0].ID != a.ID {
			t.Fatalf("search without diacritics: %d %v", total, err)
		}
		// A published article is changed by a publisher, with a note.
		if _, err := n.Update(editor, a.ID, a.Version, &a.Article, newsdb.ChangeNote{NoteVI: "x"}); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Fatalf("an editor changes a published article: %v", err)
		}
		changed := a.Article
		changed.VI.Body = "Địa điểm: Cung văn hóa"
		if _, err := n.Update(leader, a.ID, a.Version, &changed, newsdb.ChangeNote{}); congthuong.ErrorCode(err) != congthuong.EINVALID {
			t.Fatalf("a change without a note: %v", err)
		}
		a, err = n.Update(leader, a.ID, a.Version, &changed, newsdb.ChangeNote{Major: true, NoteVI: "Đổi địa điểm"})
		if err != nil || a.UpdatedAt == nil {
			t.Fatalf("a major change: %v", err)
		}
		changes, err := n.Changes(public, a)
		if err != nil || len(changes) != 1 || !changes[0].Major || changes[0].By != "" {
			t.Fatalf("changes: %+v %v", changes, err)
		}
		// Withdrawn: the notice stays, the text goes.
		if _, err := n.Act(leader, a.ID, a.Version, newsdb.Step{Action: news.Withdraw}); congthuong.ErrorCode(err) != congthuong.EINVALID {
			t.Fatalf("a withdrawal without a notice: %v", err)
		}
		a, err = n.Act(leader, a.ID, a.Version, newsdb.Step{Action: news.Withdraw, NoticeVI: "Hội chợ hoãn"})
		if err != nil {
			t.Fatal(err)
		}
		got, err = n.Find(public, a.Slug)
		if err != nil || got.Status != news.Withdrawn || got.HTMLVI != "" || got.VI.Body != "" || got.NoticeVI != "Hội chợ hoãn" {
			t.Fatalf("the public reads a withdrawn article: %+v %v", got, err)
		}
		if _, total, _ := n.List(public, newsdb.Filter{}); total != 0 {
			t.Fatalf("a withdrawn article is listed: %d", total)
		}
		entries, _, err := s.FindAuditEntries(storetest.As(congthuong.System()), store.AuditFilter{Entity: "news_article", Page: store.Page{Limit: 50}})
		if err != nil {
			t.Fatal(err)
		}
		actions := map[string]int{}
		for _, e := range entries {
			actions[e.Action]++
		}
		for _, want := range []string{"create", "submit", "return", "update", "publish", "withdraw"} {
			if actions[want] == 0 {
				t.Errorf("no %s in the audit log: %v", want, actions)
			}
		}
	})
}

// TestSubscriptions: nothing but the confirmation reaches an address until
// it is confirmed; a published article reaches confirmed subscribers of its
// category once; a scheduled one when it is due; unsubscribing forgets the
// address.
func TestSubscriptions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		now := time.Date(2026, 12, 7, 2, 0, 0, 0, time.UTC)
		s.Now = func() time.Time { return now }
		s.News.SiteURL = "https://congthuong.example.vn"
		sys := storetest.As(congthuong.System())
		public, leader := context.Background(), storetest.As(storetest.HaiPhongLeader)
		n := s.News
		if err := n.Subscribe(public, "khong-hop-le", nil, "vi"); len(congthuong.ErrorFields(err)) != 2 {
			t.Fatalf("a bad subscription: %v", err)
		}
		for _, sub := range []struct{ email, cat, lang string }{{"a@example.vn", "trade", "vi"}, {"b@example.vn", "energy", "en"},
			{"c@example.vn", "trade", "en"}} {
			if err := n.Subscribe(public, sub.email, []string{sub.cat}, sub.lang); err != nil {
				t.Fatal(err)
			}
		}
		mails := func() map[string][]string {
			out := map[string][]string{}
			all, err := s.Outbox(sys, 100)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range all {
				out[m.To] = append(out[m.To], m.Subject+"\n"+m.Body)
			}
			return out
		}
		token := func(email string) string {
			for _, m := range mails()[email] {
				if _, rest, ok := strings.Cut(m, "token="); ok {
					return strings.Fields(rest)[0]
				}
			}
			t.Fatalf("no link sent to %s", email)
			return ""
		}
		if _, err := n.Confirm(public, token("a@example.vn")); err != nil {
			t.Fatal(err)
		}
		if _, err := n.Confirm(public, token("b@example.vn")); err != nil {
			t.Fatal(err)
		}
		if _, err := n.Confirm(public, "sai"); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Fatalf("a wrong token: %v", err)
		}
		a, err := n.Create(leader, draft("Giao thương với Hàn Quốc"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := n.Act(leader, a.ID, a.Version, newsdb.Step{Action: news.Publish}); err != nil {
			t.Fatal(err)
		}
		got := mails()
		// The outbox lists the newest first.
		if len(got["a@example.vn"]) != 2 || !strings.Contains(got["a@example.vn"][0], "https://congthuong.example.vn/news/giao-thuong-voi-han-quoc") ||
			!strings.Contains(got["a@example.vn"][0], "/news/unsubscribe?token=") {
			t.Errorf("the confirmed trade subscriber: %q", got["a@example.vn"])
		}
		if len(got["b@example.vn"]) != 1 || len(got["c@example.vn"]) != 1 {
			t.Errorf("the energy subscriber or the unconfirmed one got the article: %d, %d", len(got["b@example.vn"]), len(got["c@example.vn"]))
		}
		if !strings.Contains(got["b@example.vn"][0], "Confirm your subscription") {
			t.Errorf("the confirmation is not in the subscriber's language: %q", got["b@example.vn"][0])
		}
		// Scheduled: sent when due, once.
		b, _ := n.Create(leader, draft("Hội thảo tháng Giêng"))
		at := now.Add(time.Hour)
		if _, err := n.Act(leader, b.ID, b.Version, newsdb.Step{Action: news.Publish, PublishAt: &at}); err != nil {
			t.Fatal(err)
		}
		if k, err := n.NotifyDue(public); err != nil || k != 0 || len(mails()["a@example.vn"]) != 2 {
			t.Fatalf("a scheduled article sent early: %d %v", k, err)
		}
		now = at
		if k, err := n.NotifyDue(public); err != nil || k != 1 || len(mails()["a@example.vn"]) != 3 {
			t.Fatalf("a due article: %d %v", k, err)
		}
		if k, _ := n.NotifyDue(public); k != 0 {
			t.Fatalf("sent twice")
		}
		if err := n.Unsubscribe(public, token("a@example.vn")); err != nil {
			t.Fatal(err)
		}
		if err := n.Unsubscribe(public, token("a@example.vn")); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Fatalf("unsubscribed twice: %v", err)
		}
	})
}

// TestRatings: one vote per reader, published articles only.
func TestRatings(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		leader, public := storetest.As(storetest.HaiPhongLeader), context.Background()
		a, err := s.News.Create(leader, draft("Giá xăng dầu"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.News.Rate(public, a.Slug, "v1", 5); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Fatalf("a draft rated: %v", err)
		}
		if _, err := s.News.Act(leader, a.ID, a.Version, newsdb.Step{Action: news.Publish}); err != nil {
			t.Fatal(err)
		}
		for _, v := range []struct {
			voter string
			stars int
			want  bool
		}{{"v1", 5, true}, {"v1", 1, false}, {"v2", 2, true}} {
			if got, err := s.News.Rate(public, a.Slug, v.voter, v.stars); err != nil || got != v.want {
				t.Fatalf("%s rates %d: %v %v", v.voter, v.stars, got, err)
			}
		}
		if _, err := s.News.Rate(public, a.Slug, "v3", 9); congthuong.ErrorCode(err) != congthuong.EINVALID {
			t.Fatalf("nine stars: %v", err)
		}
		got, _ := s.News.Find(public, a.Slug)
		if got.RatingCount != 2 || got.Rating() != 3.5 {
			t.Fatalf("rating: %d %v", got.RatingCount, got.Rating())
		}
	})
}
