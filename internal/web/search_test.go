package web_test

import (
	"encoding/json"
	"strings"
	"testing"

	"congthuong/internal/calendar"
	"congthuong/internal/legal"
	"congthuong/internal/news"
	"congthuong/internal/news/newsdb"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/web"
	"congthuong/internal/webtest"
)

func TestScore(t *testing.T) {
	q := "giấy phép rượu"
	title := web.Score(q, "Giấy phép bán lẻ rượu", "")
	text := web.Score(q, "Thủ tục hành chính", "Cấp giấy phép bán lẻ rượu tại xã")
	phrase := web.Score("giay phep", "Giấy phép kinh doanh", "")
	if !(title > text) || !(phrase > web.Score("giay phep", "Cấp lại giấy phép", "")) {
		t.Errorf("title %v, text %v, phrase first %v", title, text, phrase)
	}
	if got := web.Snippet("ruou", strings.Repeat("chữ ", 100)+"bán rượu "+strings.Repeat("khác ", 100), 60); !strings.Contains(got, "rượu") {
		t.Errorf("the snippet misses the word: %q", got)
	}
}

// TestOneSearch: one question finds records of every module the reader
// may see, ranked, diacritics ignored, with each result's kind; the public
// finds published records only and an enterprise's public fields only.
func TestOneSearch(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		leader := storetest.As(storetest.HaiPhongLeader)
		a, err := st.News.Create(leader, &news.Article{Kind: news.KindNews, Category: "trade", VI: news.Text{Title: "Quản lý rượu thủ công",
			Summary: "Hướng dẫn mới", Body: "Cơ sở nấu rượu thủ công đăng ký với xã."}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.News.Create(leader, &news.Article{Kind: news.KindNews, Category: "trade", VI: news.Text{Title: "Bản nháp về rượu",
			Summary: "Chưa đăng", Body: "Nháp"}}); err != nil {
			t.Fatal(err)
		}
		if _, err := st.News.Act(leader, a.ID, a.Version, newsdb.Step{Action: news.Publish}); err != nil {
			t.Fatal(err)
		}
		issued, _ := calendar.ParseDate("2020-06-01")
		if err := st.Legal.Save(storetest.As(storetest.HaiPhongOfficer), &legal.Document{Number: "105/2017/NĐ-CP", Type: "decree",
			Field: "trade", Issuer: "Chính phủ", TitleVI: "Về kinh doanh rượu", IssuedOn: issued, Published: true}); err != nil {
			t.Fatal(err)
		}
		var got struct {
			Items []web.SearchHit `json:"items"`
		}
		w := e.Do("", "GET", "/api/v1/search?q=RUOU", "", nil)
		if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &got) != nil {
			t.Fatalf("search: %d %s", w.Code, w.Body.String())
		}
		kinds := map[string]bool{}
		for _, h := range got.Items {
			kinds[h.Kind] = true
			if strings.Contains(h.Title, "Bản nháp") {
				t.Errorf("the public finds a draft")
			}
		}
		for _, want := range []string{"news", "document", "procedure"} {
			if !kinds[want] {
				t.Errorf("no %s found: %+v", want, got.Items)
			}
		}
		for i := 1; i < len(got.Items); i++ {
			if got.Items[i].Score > got.Items[i-1].Score {
				t.Fatalf("not ranked: %+v", got.Items)
			}
		}
		// An enterprise: its name and tax code for the public, no page, no
		// contact; its page for staff.
		w = e.Do("", "GET", "/api/v1/search?q=0100233488", "", nil)
		if !strings.Contains(w.Body.String(), `"kind":"enterprise"`) || strings.Contains(w.Body.String(), `"url":"/enterprises/`) {
			t.Errorf("the public's enterprise hit: %s", w.Body.String())
		}
		if w := e.Do("officer31", "GET", "/api/v1/search?q=0100233488", "", nil); !strings.Contains(w.Body.String(), `"url":"/enterprises/0100233488"`) {
			t.Errorf("the staff's enterprise hit: %s", w.Body.String())
		}
		page := e.Do("", "GET", "/search?q=quan+ly+ruou", "", nil).Body.String()
		if !strings.Contains(page, `href="/news/quan-ly-ruou-thu-cong"`) || !strings.Contains(page, "Tin tức") {
			t.Errorf("the search page: %s", webtest.Between(page, `id="search-results"`, "</ol>"))
		}
		if page := e.Do("", "GET", "/search?q=r", "", nil).Body.String(); !strings.Contains(page, `id="search-short"`) {
			t.Errorf("a one-letter search")
		}
	})
}
