package web_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"congthuong/internal/news"
	"congthuong/internal/stats"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/tabular"
	"congthuong/internal/web"
	"congthuong/internal/webtest"
)

// TestHome: the home page gathers every module's part: the services, the
// latest published news (never a draft), and the key figures of the
// department's province from its latest official period, with growth;
// preliminary figures stay off it.
func TestHome(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		w := e.Do("", "GET", "/", "", nil)
		if w.Code != 200 || !strings.Contains(w.Body.String(), "Chưa có tin nào được đăng") ||
			!strings.Contains(w.Body.String(), "Chưa có số liệu chính thức") {
			t.Fatalf("empty home: %d\n%s", w.Code, w.Body.String())
		}
		newsItems(t, st, news.KindAnnouncement, "Thông báo lịch tiếp doanh nghiệp", "Bản nháp chưa đăng")
		rows := []stats.ValueRow{
			{Line: 2, Indicator: "EXPORTS", UnitCode: "31", Period: stats.YearOf(2024), Value: 36400, Status: stats.Official},
			{Line: 3, Indicator: "EXPORTS", UnitCode: "31", Period: stats.YearOf(2023), Value: 32500, Status: stats.Official},
			{Line: 4, Indicator: "RETAIL_SALES", UnitCode: "31", Period: stats.MonthOf(2025, 1), Value: 999, Status: stats.Preliminary},
		}
		if _, err := st.ImportValues(storetest.As(storetest.HaiPhongOfficer), tabular.Rows(rows), false); err != nil {
			t.Fatal(err)
		}
		// The figures are reused for a minute: the home page is the most
		// read page.
		if body := e.Do("", "GET", "/", "", nil).Body.String(); !strings.Contains(body, "Chưa có số liệu chính thức") {
			t.Errorf("the figures were read again within the minute")
		}
		later := time.Now().Add(2 * time.Minute)
		st.DB.Now = func() time.Time { return later }
		body := e.Do("", "GET", "/", "", nil).Body.String()
		for _, want := range []string{`id="service-file"`, `id="service-parks"`, `id="service-documents"`, `href="/tracking"`,
			"Thông báo lịch tiếp doanh nghiệp", "Năm 2024", "36.400", "&#43;12,0%", "so với cùng kỳ năm trước"} {
			if !strings.Contains(body, want) {
				t.Errorf("the home page lacks %q", want)
			}
		}
		for _, not := range []string{"Bản nháp chưa đăng", "999"} {
			if strings.Contains(body, not) {
				t.Errorf("the home page shows %q", not)
			}
		}
		r := httptest.NewRequest("GET", "/", nil)
		r.AddCookie(&http.Cookie{Name: "ct_lang", Value: "en"})
		w = httptest.NewRecorder()
		e.Server.ServeHTTP(w, r)
		if en := w.Body.String(); !strings.Contains(en, "Key figures") || !strings.Contains(en, `<span class="figure-period">2024</span>`) {
			t.Errorf("the English home page is not in English:\n%s", en)
		}
	})
}

func TestTextLang(t *testing.T) {
	for text, want := range map[string]string{"Sở đã nhận đề nghị": "vi", "Your interest has been received": "en", "Kinh gui ong An": "en", "Đình Vũ": "vi",
		"The Department has received your interest in Khu công nghiệp Đình Vũ (number 3). An officer will contact you within three working days.": "en"} {
		if got := web.TextLang(text); got != want {
			t.Errorf("TextLang(%q) = %s, want %s", text, got, want)
		}
	}
}
