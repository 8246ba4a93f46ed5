package enterpriseweb_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/tabular"
	"congthuong/internal/webtest"
)

func TestInvalidTaxCodeShape(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		w := e.Do("officer31", "POST", "/api/v1/enterprises", "application/json",
			[]byte(`{"tax_code":"0100233480","name":"X","unit_code":"31"}`))
		if w.Code != http.StatusBadRequest {
			t.Fatalf("status %d", w.Code)
		}
		var got struct {
			Error struct {
				Code   string `json:"code"`
				Fields []struct{ Field, Message string }
			} `json:"error"`
		}
		if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		if got.Error.Code != "invalid" || len(got.Error.Fields) != 1 || got.Error.Fields[0].Field != "tax_code" ||
			!strings.Contains(got.Error.Fields[0].Message, "check digit") {
			t.Errorf("error = %+v", got.Error)
		}
		// Unknown JSON fields are refused, naming nothing silently.
		w = e.Do("officer31", "POST", "/api/v1/enterprises", "application/json", []byte(`{"tax_code":"0100112437","nmae":"X"}`))
		if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "nmae") {
			t.Errorf("unknown field: %d %s", w.Code, w.Body)
		}
	})
}

func TestEnterpriseSearchAndPaging(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		for _, test := range []struct{ url, want string }{
			{"/api/v1/enterprises?q=THUY+NGUYEN", `"total":1`},
			{"/api/v1/enterprises?q=cong+ty&limit=1", `"limit":1`},
			{"/api/v1/enterprises?q=0314", `"total":1`},
			{"/api/v1/enterprises?sort=-name", `"total":2`},
			{"/api/v1/enterprises?sort=population", `"field":"sort"`},
			{"/api/v1/enterprises?limit=5000", `"field":"limit"`},
			{"/api/v1/units?valid_on=2024-01-01&level=province&q=24", `"name":"Bắc Giang"`},
			{"/api/v1/units/24?valid_on=2025-07-01", `"name":"Bắc Ninh"`},
			{"/api/v1/units?valid_on=01/01/2024", `"field":"valid_on"`},
		} {
			w := e.Do("officer31", "GET", test.url, "", nil)
			if !strings.Contains(w.Body.String(), test.want) {
				t.Errorf("%s: %d %s; want %s", test.url, w.Code, w.Body, test.want)
			}
		}
	})
}

func TestImportCSVAndXLSX(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := webtest.NewEnv(t, st)
		bad := "\ufefftax_code;name;unit_code;email\n0100112437;Công ty A;11560;a@example.vn\n0100233480;Công ty B;11560;\n0312687878;;99999;not-an-email\n0100112437;Dup;11560;\n"
		w := e.Do("officer31", "POST", "/api/v1/enterprises/import", "text/csv", []byte(bad))
		if w.Code != http.StatusBadRequest {
			t.Fatalf("bad file: %d %s", w.Code, w.Body)
		}
		var got struct {
			Error struct {
				Fields []struct {
					Field string
					Row   int
				}
			}
		}
		json.Unmarshal(w.Body.Bytes(), &got)
		want := map[[2]any]bool{{3, "tax_code"}: true, {4, "name"}: true, {4, "email"}: true, {5, "tax_code"}: true}
		for _, f := range got.Error.Fields {
			delete(want, [2]any{f.Row, f.Field})
		}
		if len(want) != 0 {
			t.Errorf("problems not reported: %v; got %+v", want, got.Error.Fields)
		}
		if w := e.Do("officer31", "GET", "/api/v1/enterprises/0100112437", "", nil); w.Code != http.StatusNotFound {
			t.Errorf("a bad file wrote a row: %d", w.Code)
		}

		// A valid workbook, uploaded as a form, then the same again: unchanged.
		f := excelize.NewFile()
		f.SetSheetRow("Sheet1", "A1", &[]string{"Mã số thuế", "Tên doanh nghiệp", "Mã xã", "Điện thoại"})
		f.SetSheetRow("Sheet1", "A2", &[]string{"0100112437", "Công ty Xuất Khẩu", "11560", "0225 3842 123"})
		f.SetSheetRow("Sheet1", "A3", &[]string{"0312687878-002", "Chi nhánh Cát Hải", "11914", ""})
		var xlsx bytes.Buffer
		f.Write(&xlsx)
		for i, want := range []string{`"created":2`, `"unchanged":2`} {
			ct, body := webtest.MultipartFile(t, "list.xlsx", xlsx.Bytes(), nil)
			w := e.Do("officer31", "POST", "/api/v1/enterprises/import", ct, body)
			if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), want) {
				t.Fatalf("import %d: %d %s, want %s", i, w.Code, w.Body, want)
			}
		}
		// The commune officer may not import into another commune.
		w = e.Do("thuynguyen", "POST", "/api/v1/enterprises/import", "text/csv", []byte("tax_code,name,unit_code\n0101243150,X,11914\n"))
		if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "outside your scope") {
			t.Errorf("import outside scope: %d %s", w.Code, w.Body)
		}

		// Export, then read the export back as an import: nothing changes.
		w = e.Do("officer31", "GET", "/api/v1/enterprises/export.xlsx", "", nil)
		if w.Code != http.StatusOK {
			t.Fatalf("export: %d %s", w.Code, w.Body)
		}
		table, err := tabular.Read(bytes.NewReader(w.Body.Bytes()))
		if err != nil || len(table.Rows) != 4 {
			t.Fatalf("export has %v rows: %v", table, err)
		}
		w = e.Do("officer31", "POST", "/api/v1/enterprises/import", "application/octet-stream", w.Body.Bytes())
		if !strings.Contains(w.Body.String(), `"unchanged":4`) {
			t.Errorf("re-import of the export: %s", w.Body)
		}
	})
}
