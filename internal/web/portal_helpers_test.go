package web_test

import (
	"testing"

	"congthuong/internal/news"
	"congthuong/internal/news/newsdb"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

// newsItems writes an item of kind titled published, published by the
// leader, and one titled draft left as a draft: what the public pages must
// show, and what they must not.
func newsItems(t *testing.T, st *store.Store, kind, published, draft string) {
	t.Helper()
	leader := storetest.As(storetest.HaiPhongLeader)
	a, err := st.News.Create(leader, &news.Article{Kind: kind, Category: "trade",
		VI: news.Text{Title: published, Summary: "Thứ Năm hằng tuần", Body: "Nội dung"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.News.Act(leader, a.ID, a.Version, newsdb.Step{Action: news.Publish}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.News.Create(leader, &news.Article{Kind: news.KindNews, Category: "trade",
		VI: news.Text{Title: draft, Summary: "x", Body: "x"}}); err != nil {
		t.Fatal(err)
	}
}
