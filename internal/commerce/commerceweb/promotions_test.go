package commerceweb_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"congthuong"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/webtest"
)

func promotionForm(title, form string, provinces []string, start, end string, goods ...string) []byte {
	v := url.Values{"tax_code": {"0100233488"}, "trader_name": {"Công ty Cổ phần Thủy Nguyên"}, "title": {title}, "form": {form},
		"provinces": provinces, "start": {start}, "end": {end}, "prize_total": {"40.000.000"}, "prizes": {"1 xe máy"}, "brand": {"TN"}}
	for i := 0; i+2 < len(goods)+1; i += 3 {
		v.Add("good_name", goods[i])
		v.Add("good_price", goods[i+1])
		v.Add("good_value", goods[i+2])
	}
	return []byte(v.Encode())
}

// TestPromotionJourney: a trader checks a programme before filing and sees
// what blocks it with the law it reads; filed, a lucky draw waits for the
// department with its due day; the department refuses without a reason
// only to be asked for one, then confirms; the public then reads it;
// a commune's staff cannot decide.
func TestPromotionJourney(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		today := time.Now().In(congthuong.Location)
		start, end := today.AddDate(0, 0, 1).Format("2006-01-02"), today.AddDate(0, 0, 20).Format("2006-01-02")
		page := e.Do("owner", "GET", "/promotions/new", "", nil).Body.String()
		if !strings.Contains(page, `value="0100233488"`) || !strings.Contains(page, "Công ty Cổ phần Thủy Nguyên") {
			t.Errorf("the form is not prefilled from the trader's enterprise")
		}
		w := e.Do("owner", "POST", "/promotions/new", formType, append(promotionForm("Giảm sâu", "discount", []string{"31"}, start, end,
			"Nước mắm", "100000", "60000"), []byte("&action=check")...))
		body := w.Body.String()
		if w.Code != 200 || !strings.Contains(body, `class="finding finding-blocking"`) || !strings.Contains(body, "vượt mức 50%") || !strings.Contains(body, "Nghị định 81/2018/NĐ-CP") {
			t.Errorf("the checks: %d", w.Code)
		}
		w = e.Do("owner", "POST", "/promotions/new", formType, append(promotionForm("Giảm sâu", "discount", []string{"31"}, start, end,
			"Nước mắm", "100000", "60000"), []byte("&action=file")...))
		if w.Code != 400 || !strings.Contains(w.Body.String(), `value="Giảm sâu"`) || !strings.Contains(w.Body.String(), `value="60000"`) {
			t.Errorf("a blocked programme filed, or the form lost what was typed: %d", w.Code)
		}
		w = e.Do("owner", "POST", "/promotions/new", formType, append(promotionForm("Quay số trúng thưởng", "lucky_draw", []string{"31"}, start, end,
			"Nước mắm", "50000", "0"), []byte("&action=file")...))
		if w.Code != 303 {
			t.Fatalf("file a lucky draw: %d %s", w.Code, w.Body)
		}
		loc := w.Header().Get("Location")
		if mine := e.Do("owner", "GET", "/promotions/mine", "", nil).Body.String(); !strings.Contains(mine, "Quay số trúng thưởng") || !strings.Contains(mine, "chờ xác nhận") {
			t.Errorf("the trader's list")
		}
		if pub := e.Do("", "GET", "/promotions", "", nil).Body.String(); strings.Contains(pub, "Quay số trúng thưởng") {
			t.Errorf("an undecided draw is public")
		}
		if w := e.Do("", "GET", loc, "", nil); w.Code != 404 {
			t.Errorf("the public reads an undecided draw: %d", w.Code)
		}
		desk := e.Do("officer31", "GET", "/promotions/manage", "", nil).Body.String()
		if !strings.Contains(desk, "Quay số trúng thưởng") || !strings.Contains(desk, "hạn xử lý") {
			t.Errorf("the department's desk")
		}
		if page := e.Do("thuynguyen", "GET", loc, "", nil).Body.String(); strings.Contains(page, `id="promotion-decide"`) {
			t.Errorf("a commune is offered the decision")
		}
		w = e.Do("officer31", "POST", loc+"/decide", formType, form("version", "1", "outcome", "refuse", "decision", "12/SCT-QLTM"))
		if w.Code != 400 || !strings.Contains(w.Body.String(), `id="reason-error"`) || !strings.Contains(w.Body.String(), `value="12/SCT-QLTM"`) {
			t.Errorf("a refusal without reason: %d", w.Code)
		}
		if w := e.Do("officer31", "POST", loc+"/decide", formType, form("version", "1", "outcome", "confirm", "decision", "12/SCT-QLTM")); w.Code != 303 {
			t.Fatalf("confirm: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", loc, "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), "đã xác nhận") {
			t.Errorf("the confirmed draw is not public: %d", w.Code)
		}
		if desk := e.Do("officer31", "GET", "/promotions/manage", "", nil).Body.String(); !strings.Contains(webtest.Between(desk, `id="promotion-counts"`, "</table>"), "40.000.000") {
			t.Errorf("the year's counts do not add the confirmed draw")
		}
	})
}

// TestPromotionsAPI: the checks answer in the reader's language with
// their references; the running list is public.
func TestPromotionsAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		in := `{"tax_code":"0100233488","trader_name":"Công ty","title":"Hai tỉnh","form":"lucky_draw","provinces":["31","01"],
			"start":"2027-01-10","end":"2027-01-20","goods":[{"name":"Nước mắm","price_before":50000,"promo_value":0}],"prize_total":1000000}`
		w := e.Do("owner", "POST", "/api/v1/promotions/check", "application/json", []byte(in))
		if w.Code != 200 || !strings.Contains(w.Body.String(), `"blocked":true`) || !strings.Contains(w.Body.String(), "Ministry of Industry and Trade") {
			t.Errorf("check: %d %s", w.Code, w.Body)
		}
		if w := e.Do("", "GET", "/api/v1/promotions?province=31", "", nil); w.Code != 200 || !strings.Contains(w.Body.String(), `"total":0`) {
			t.Errorf("running: %d %s", w.Code, w.Body)
		}
	})
}

// TestAmendmentJourney: the trader of a confirmed lucky draw opens the
// amendment form filled with the programme (who trades and the form
// fixed), extends it, and the programme keeps running as confirmed while
// the department's desk lists the amendment; a refusal without reason
// keeps what was typed; confirmed, the programme runs as amended, and its
// history shows the amendment; the public sees no history.
func TestAmendmentJourney(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		today := time.Now().In(congthuong.Location)
		start, end, later := today.AddDate(0, 0, 1).Format("2006-01-02"), today.AddDate(0, 0, 20).Format("2006-01-02"), today.AddDate(0, 0, 40).Format("2006-01-02")
		w := e.Do("owner", "POST", "/promotions/new", formType, append(promotionForm("Quay số trúng thưởng", "lucky_draw", []string{"31"}, start, end,
			"Nước mắm", "50000", "0"), []byte("&action=file")...))
		if w.Code != 303 {
			t.Fatalf("file: %d %s", w.Code, w.Body)
		}
		loc := w.Header().Get("Location")
		if w := e.Do("officer31", "POST", loc+"/decide", formType, form("version", "1", "outcome", "confirm", "decision", "12/SCT-QLTM")); w.Code != 303 {
			t.Fatalf("confirm: %d", w.Code)
		}
		if page := e.Do("owner", "GET", loc, "", nil).Body.String(); !strings.Contains(page, `id="amend-promotion"`) {
			t.Errorf("the trader is not offered to amend")
		}
		if page := e.Do("", "GET", loc, "", nil).Body.String(); strings.Contains(page, `id="amend-promotion"`) {
			t.Errorf("the public is offered to amend")
		}
		for _, path := range []string{"/promotions/new", loc + "/amend"} {
			if w := e.Do("officer31", "GET", path, "", nil); w.Code != 200 {
				t.Errorf("the department opens %s: %d", path, w.Code)
			}
		}
		formPage := e.Do("owner", "GET", loc+"/amend", "", nil).Body.String()
		if !strings.Contains(formPage, `id="form-fixed"`) || !strings.Contains(formPage, `name="version" value="2"`) || !strings.Contains(formPage, `value="Nước mắm"`) {
			t.Errorf("the amendment form is not filled with the programme")
		}
		amend := append(promotionForm("Quay số trúng thưởng", "lucky_draw", []string{"31"}, start, later, "Nước mắm", "50000", "0"), []byte("&version=2&action=file")...)
		if w := e.Do("owner", "POST", loc+"/amend", formType, amend); w.Code != 303 {
			t.Fatalf("amend: %d %s", w.Code, w.Body)
		}
		page := e.Do("owner", "GET", loc, "", nil).Body.String()
		if !strings.Contains(page, `id="pending-amendment"`) || !strings.Contains(page, "ngày kết thúc") || strings.Contains(page, `id="amend-promotion"`) {
			t.Errorf("the pending amendment on the trader's page")
		}
		if desk := e.Do("officer31", "GET", "/promotions/manage", "", nil).Body.String(); !strings.Contains(desk, `id="desk-amendments"`) {
			t.Errorf("the desk does not list the amendment")
		}
		officer := e.Do("officer31", "GET", loc, "", nil).Body.String()
		action := webtest.Between(officer, `id="amendment-decide"`, ">")
		i := strings.Index(officer, `action="`+strings.TrimPrefix(loc, "")+"/amendments/")
		if i < 0 || !strings.Contains(officer, `id="amendment-decide"`) {
			t.Fatalf("the department is not offered the decision: %q", action)
		}
		decide := officer[i+len(`action="`):]
		decide = decide[:strings.Index(decide, `"`)]
		w = e.Do("officer31", "POST", decide, formType, form("version", "3", "amend_outcome", "refuse", "amend_decision", "13/SCT-QLTM"))
		if w.Code != 400 || !strings.Contains(w.Body.String(), `id="amend_reason-error"`) || !strings.Contains(w.Body.String(), `value="13/SCT-QLTM"`) ||
			!strings.Contains(w.Body.String(), `value="refuse" checked`) {
			t.Errorf("a refusal without reason: %d", w.Code)
		}
		if w := e.Do("officer31", "POST", decide, formType, form("version", "3", "amend_outcome", "confirm", "amend_decision", "13/SCT-QLTM")); w.Code != 303 {
			t.Fatalf("confirm the amendment: %d %s", w.Code, w.Body)
		}
		page = e.Do("owner", "GET", loc, "", nil).Body.String()
		if !strings.Contains(webtest.Between(page, `id="promotion-amendments"`, "</table>"), "được xác nhận") || strings.Contains(page, `id="pending-amendment"`) {
			t.Errorf("the history after the decision")
		}
		if pub := e.Do("", "GET", loc, "", nil).Body.String(); strings.Contains(pub, `id="promotion-amendments"`) {
			t.Errorf("the public reads the amendments")
		}
	})
}
