package qaweb_test

import (
	"context"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"congthuong"
	"congthuong/internal/qa/qadb"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/webtest"
)

const formType = "application/x-www-form-urlencoded"

// TestQuestionPages: a person asks through the form (mistakes named in
// Vietnamese with what was typed kept); a program that fills the hidden
// field, sends at once or forges the form's time is answered as if sent
// and nothing is stored; an officer assigns and publishes the answer; the
// public reads it without the asker.
func TestQuestionPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		now := time.Date(2026, 12, 7, 2, 0, 0, 0, time.UTC)
		st.Now = func() time.Time { return now }
		form := func() url.Values {
			page := e.Do("", "GET", "/questions/ask", "", nil).Body.String()
			at := regexp.MustCompile(`name="at" value="(\d+)"`).FindStringSubmatch(page)
			sig := regexp.MustCompile(`name="sig" value="([0-9a-f]+)"`).FindStringSubmatch(page)
			if at == nil || sig == nil {
				t.Fatalf("the form has no signed time")
			}
			return url.Values{"at": {at[1]}, "sig": {sig[1]}, "topic": {"trade"}, "title": {"Giấy phép bán lẻ rượu"},
				"question": {"Cửa hàng tạp hóa cần giấy phép gì để bán rượu?"}, "name": {"Trần Thị B"}, "email": {"b@example.vn"}}
		}
		count := func() int {
			_, n, err := st.Questions.List(storetest.As(storetest.HaiPhongOfficer), qadb.Filter{Manage: true})
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		post := func(v url.Values) (int, string) {
			w := e.Do("", "POST", "/questions/ask", formType, []byte(v.Encode()))
			return w.Code, w.Body.String()
		}
		// A program: too soon, a filled trap, a forged time.
		soon := form()
		if c, body := post(soon); c != 200 || !strings.Contains(body, `id="asked"`) || count() != 0 {
			t.Fatalf("a form sent at once: %d, %d stored", c, count())
		}
		now = now.Add(time.Minute)
		trap := soon
		trap.Set("website", "http://spam")
		forged := form()
		forged.Set("at", "1")
		post(trap)
		post(forged)
		if count() != 0 {
			t.Fatalf("programs' questions stored: %d", count())
		}
		// A person's mistakes.
		bad := form()
		now = now.Add(time.Minute)
		bad.Set("email", "khong-phai-thu")
		if c, body := post(bad); c != 422 || !strings.Contains(body, "nhập địa chỉ thư điện tử để nhận trả lời") ||
			!strings.Contains(body, "Cửa hàng tạp hóa cần giấy phép gì để bán rượu?") {
			t.Fatalf("a mistake: %d", c)
		}
		good := form()
		now = now.Add(time.Minute)
		if c, body := post(good); c != 200 || !strings.Contains(body, `id="asked"`) || count() != 1 {
			t.Fatalf("a question: %d, %d stored", c, count())
		}
		qs, _, _ := st.Questions.List(storetest.As(storetest.HaiPhongOfficer), qadb.Filter{Manage: true})
		id := qs[0].ID
		desk := "/questions/manage/" + itoa(id)
		if w := e.Do("owner", "GET", desk, "", nil); w.Code != 403 {
			t.Errorf("an enterprise at the desk: %d", w.Code)
		}
		page := e.Do("officer31", "GET", desk, "", nil).Body.String()
		if !strings.Contains(page, "b@example.vn") || !strings.Contains(page, `value="officer31"`) {
			t.Fatalf("the desk: %s", webtest.Between(page, "<main", "</main>"))
		}
		v := url.Values{"version": {"1"}, "assignee": {"officer31"}}
		if w := e.Do("officer31", "POST", desk+"/assign", formType, []byte(v.Encode())); w.Code != 303 {
			t.Fatalf("assign: %d", w.Code)
		}
		v = url.Values{"version": {"2"}, "answer": {""}, "publish": {"1"}}
		if w := e.Do("officer31", "POST", desk+"/answer", formType, []byte(v.Encode())); w.Code != 422 || !strings.Contains(w.Body.String(), "nhập câu trả lời") {
			t.Fatalf("an empty answer: %d", w.Code)
		}
		v = url.Values{"version": {"2"}, "answer": {"Cần Giấy phép bán lẻ sản phẩm rượu do Ủy ban nhân dân phường cấp."}, "publish": {"1"},
			"title": {"Giấy phép bán lẻ rượu"}, "question": {"Cửa hàng tạp hóa cần giấy phép gì để bán rượu?"}}
		if w := e.Do("officer31", "POST", desk+"/answer", formType, []byte(v.Encode())); w.Code != 303 {
			t.Fatalf("answer: %d %s", w.Code, w.Body.String())
		}
		public := e.Do("", "GET", "/questions/"+itoa(id), "", nil)
		if public.Code != 200 || !strings.Contains(public.Body.String(), "Ủy ban nhân dân phường") || strings.Contains(public.Body.String(), "Trần Thị B") ||
			strings.Contains(public.Body.String(), "b@example.vn") {
			t.Fatalf("the public answer: %d", public.Code)
		}
		if list := e.Do("", "GET", "/questions?q=ruou", "", nil).Body.String(); !strings.Contains(list, `href="/questions/`+itoa(id)+`"`) {
			t.Errorf("the list does not find it")
		}
		if w := e.Do("", "GET", "/api/v1/questions/"+itoa(id), "", nil); w.Code != 200 || strings.Contains(w.Body.String(), "b@example.vn") {
			t.Errorf("the API: %d %s", w.Code, w.Body.String())
		}
		mails, _ := st.Outbox(congthuong.NewContext(context.Background(), congthuong.System()), 10)
		if len(mails) != 2 {
			t.Errorf("mails to the asker: %d", len(mails))
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
