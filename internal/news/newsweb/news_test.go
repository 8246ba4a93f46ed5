package newsweb_test

import (
	"context"

	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"congthuong"

	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/webtest"
)

const formType = "application/x-www-form-urlencoded"

// TestNewsPages: an editor writes through the form (and gets every
// mistake back in Vietnamese with what was typed), a leader publishes from
// the desk, which offers each only their actions; readers read, rate
// once, follow the feed and the sitemap; the page says what it is to
// search engines and to the sites it is shared on.
func TestNewsPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		now := time.Date(2026, 12, 7, 2, 0, 0, 0, time.UTC)
		st.Now = func() time.Time { return now }

		if w := e.Do("thuynguyen", "GET", "/news/manage", "", nil); w.Code != 403 {
			t.Errorf("a commune officer at the editors' desk: %d", w.Code)
		}
		if w := e.Do("", "GET", "/news/manage/new", "", nil); w.Code != 303 {
			t.Errorf("the public at the desk: %d", w.Code)
		}
		// A form with mistakes comes back with them, in Vietnamese, and
		// with what was typed.
		bad := url.Values{"kind": {"news"}, "category": {"trade"}, "title_vi": {"Giá <b>điện</b> tăng"}, "title_en": {"Power prices"}}
		w := e.Do("officer31", "POST", "/news/manage/new", formType, []byte(bad.Encode()))
		body := w.Body.String()
		if w.Code != 422 || !strings.Contains(body, "nhập nội dung này bằng tiếng Việt") || !strings.Contains(body, `value="Giá &lt;b&gt;điện&lt;/b&gt; tăng"`) ||
			!strings.Contains(body, `href="#body_en"`) || strings.Contains(body, "required") {
			t.Fatalf("a form with mistakes: %d\n%s", w.Code, webtest.Between(body, "<main", "</form>"))
		}
		good := url.Values{"kind": {"news"}, "category": {"trade"}, "topics": {"xuất khẩu, hội chợ"}, "title_vi": {"Hội chợ hàng Việt"},
			"summary_vi": {"Hơn 200 gian hàng."}, "body_vi": {"Khai mạc **8/12**.\n\n<script>alert(1)</script>\n\n[Đăng ký](javascript:alert(1))"},
			"image_alt_vi": {"Gian hàng"}}
		w = e.Do("officer31", "POST", "/news/manage/new", formType, []byte(good.Encode()))
		if w.Code != 303 {
			t.Fatalf("create: %d %s", w.Code, w.Body.String())
		}
		desk := w.Header().Get("Location")
		page := e.Do("officer31", "GET", desk, "", nil).Body.String()
		if !strings.Contains(page, `id="do-submit"`) || strings.Contains(page, `id="do-publish"`) || strings.Contains(page, "<script>alert") ||
			strings.Contains(page, "javascript:") {
			t.Fatalf("the editor's desk offers: %s", webtest.Between(page, `id="desk-actions"`, "</section>"))
		}
		version := regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(page)[1]
		act := func(user, action string, extra url.Values) int {
			f := url.Values{"version": {version}, "action": {action}}
			for k, v := range extra {
				f[k] = v
			}
			w := e.Do(user, "POST", desk+"/act", formType, []byte(f.Encode()))
			if p := e.Do(user, "GET", desk, "", nil).Body.String(); regexp.MustCompile(`name="version" value="(\d+)"`).MatchString(p) {
				version = regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(p)[1]
			}
			return w.Code
		}
		if c := act("officer31", "publish", nil); c != 403 {
			t.Fatalf("an editor publishes through the form: %d", c)
		}
		if c := act("officer31", "submit", nil); c != 303 {
			t.Fatalf("submit: %d", c)
		}
		page = e.Do("leader31", "GET", desk, "", nil).Body.String()
		if !strings.Contains(page, `id="do-publish"`) || !strings.Contains(page, `id="do-return"`) || strings.Contains(page, `id="do-submit"`) {
			t.Fatalf("the leader's desk offers: %s", webtest.Between(page, `id="desk-actions"`, "</section>"))
		}
		if c := act("leader31", "publish", url.Values{"publish_at": {"mai"}}); c != 422 {
			t.Fatalf("a bad time: %d", c)
		}
		if c := act("leader31", "publish", nil); c != 303 {
			t.Fatalf("publish: %d", c)
		}

		art := e.Do("", "GET", "/news/hoi-cho-hang-viet", "", nil)
		body = art.Body.String()
		for _, want := range []string{`<link rel="canonical" href="http://localhost:8080/news/hoi-cho-hang-viet">`,
			`<meta name="description" content="Hơn 200 gian hàng.">`, `<meta property="og:type" content="article">`,
			`<strong>8/12</strong>`, `href="/news/feed.atom?category=trade"`, `id="rating"`} {
			if !strings.Contains(body, want) {
				t.Errorf("the article lacks %s", want)
			}
		}
		if art.Code != 200 || strings.Contains(body, "<script>alert") || strings.Contains(body, "javascript:") || strings.Contains(body, "officer31") {
			t.Fatalf("the public article: %d", art.Code)
		}
		// A reader rates once; the same reader again is told so.
		rate := func() string {
			w := e.Do("", "POST", "/news/hoi-cho-hang-viet/rate", formType, []byte("stars=4"))
			if w.Code != 303 {
				t.Fatalf("rate: %d", w.Code)
			}
			return w.Header().Get("Set-Cookie")
		}
		first, second := rate(), rate()
		if first == second {
			t.Errorf("the second rating of a reader was not told apart")
		}
		if got, _ := st.News.Find(context.Background(), "hoi-cho-hang-viet"); got.RatingCount != 1 {
			t.Errorf("ratings counted: %d", got.RatingCount)
		}

		list := e.Do("", "GET", "/news?q=hoi+cho", "", nil).Body.String()
		if !strings.Contains(list, `href="/news/hoi-cho-hang-viet"`) {
			t.Errorf("the list does not find the article without diacritics")
		}
		feed := e.Do("", "GET", "/news/feed.atom?category=trade", "", nil)
		if feed.Code != 200 || !strings.Contains(feed.Body.String(), "<title>Hội chợ hàng Việt</title>") ||
			!strings.HasPrefix(feed.Header().Get("Content-Type"), "application/atom+xml") {
			t.Errorf("the Atom feed: %d %s", feed.Code, feed.Body.String())
		}
		if rss := e.Do("", "GET", "/news/feed.rss", "", nil); !strings.Contains(rss.Body.String(), "<rss") {
			t.Errorf("the RSS feed")
		}
		if sm := e.Do("", "GET", "/sitemap.xml", "", nil).Body.String(); !strings.Contains(sm, "<loc>http://localhost:8080/news/hoi-cho-hang-viet</loc>") {
			t.Errorf("the sitemap: %s", sm)
		}
		var api struct {
			Items []struct {
				Slug   string `json:"slug"`
				HTMLVI string `json:"html_vi"`
			} `json:"items"`
		}
		if w := e.Do("", "GET", "/api/v1/news?category=trade", "", nil); w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &api) != nil ||
			len(api.Items) != 1 || api.Items[0].Slug != "hoi-cho-hang-viet" {
			t.Errorf("the API: %d %s", w.Code, w.Body.String())
		}
		if w := e.Do("", "GET", "/api/v1/news/khong-co", "", nil); w.Code != 404 {
			t.Errorf("an unknown article: %d", w.Code)
		}
		// Withdrawn: 410 with the notice, no text.
		if c := act("leader31", "withdraw", url.Values{"notice_vi": {"Hội chợ hoãn sang năm sau"}}); c != 303 {
			t.Fatalf("withdraw: %d", c)
		}
		gone := e.Do("", "GET", "/news/hoi-cho-hang-viet", "", nil)
		if gone.Code != 410 || !strings.Contains(gone.Body.String(), "Hội chợ hoãn sang năm sau") || strings.Contains(gone.Body.String(), "200 gian hàng</p>\n<div") {
			t.Errorf("a withdrawn article: %d", gone.Code)
		}
	})
}

// TestSubscribePages: mistakes named beside their fields, the trap for
// programs, the confirmation and the one-button unsubscribe.
func TestSubscribePages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		w := e.Do("", "POST", "/news/subscribe", formType, []byte("email=sai"))
		if w.Code != 422 || !strings.Contains(w.Body.String(), "chọn ít nhất một chuyên mục") || !strings.Contains(w.Body.String(), `value="sai"`) {
			t.Fatalf("a bad subscription: %d", w.Code)
		}
		if w := e.Do("", "POST", "/news/subscribe", formType, []byte("email=bot@example.vn&categories=trade&website=x")); w.Code != 200 {
			t.Fatalf("a program's subscription: %d", w.Code)
		}
		if w := e.Do("", "POST", "/news/subscribe", formType, []byte("email=ban@example.vn&categories=trade&categories=energy")); w.Code != 200 ||
			!strings.Contains(w.Body.String(), `id="subscribe-sent"`) {
			t.Fatalf("subscribe: %d", w.Code)
		}
		mails, err := st.Outbox(storetest.As(congthuong.System()), 10)
		if err != nil || len(mails) != 1 || mails[0].To != "ban@example.vn" {
			t.Fatalf("mails: %+v %v", mails, err)
		}
		_, rest, _ := strings.Cut(mails[0].Body, "token=")
		token := strings.Fields(rest)[0]
		if w := e.Do("", "GET", "/news/subscribe/confirm?token="+token, "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), "Năng lượng") {
			t.Fatalf("confirm: %d", w.Code)
		}
		if w := e.Do("", "GET", "/news/unsubscribe?token="+token, "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), `id="unsubscribe-form"`) {
			t.Fatalf("the unsubscribe question: %d", w.Code)
		}
		if w := e.Do("", "POST", "/news/unsubscribe", formType, []byte("token="+token)); w.Code != 200 || !strings.Contains(w.Body.String(), `id="unsubscribed"`) {
			t.Fatalf("unsubscribe: %d", w.Code)
		}
	})
}
