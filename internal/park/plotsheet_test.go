package park

import (
	"context"
	"testing"

	"congthuong"
)

// TestReadPlotSheet: the exported workbook's headings and status words
// read back, and every bad row is named at once.
func TestReadPlotSheet(t *testing.T) {
	headings := PlotSheetHeadings{"Lô": "code", "Diện tích (ha)": "area_ha", "Tình trạng": "status", "Doanh nghiệp": "tenant", "Mã số thuế": "tenant_tax_code"}
	statuses := map[string]string{"còn trống": PlotVacant, "đã thuê": PlotLeased}
	good := "Lô,Diện tích (ha),Tình trạng,Doanh nghiệp,Mã số thuế\nA1,\"2,5\",Đã thuê,Công ty Thép,0200519875\nA2,,còn trống,,\n"
	rows, err := ReadPlotSheet(context.Background(), []byte(good), headings, statuses)
	if err != nil || len(rows) != 2 || rows[0].Status != PlotLeased || rows[0].Area.Hectares() != "2.5" || rows[1].Area != 0 || rows[1].Status != PlotVacant {
		t.Fatalf("good sheet: %+v %v", rows, err)
	}
	bad := "code,status,tenant_tax_code\nA1,leased,\n!!,vacant,\nA3,sold,\nA3,vacant,\n"
	_, err = ReadPlotSheet(context.Background(), []byte(bad), headings, statuses)
	want := map[int]string{2: "tenant_tax_code", 3: "code", 4: "status", 5: "code"}
	got := congthuong.ErrorFields(err)
	if len(got) != len(want) {
		t.Fatalf("bad sheet: %v", got)
	}
	for _, f := range got {
		if want[f.Row] != f.Field {
			t.Errorf("row %d: %s (%s)", f.Row, f.Field, f.Message)
		}
	}
	if _, err := ReadPlotSheet(context.Background(), []byte("code,status\n"), headings, statuses); congthuong.ErrorCode(err) != congthuong.EINVALID {
		t.Errorf("no rows: %v", err)
	}
	if _, err := ReadPlotSheet(context.Background(), []byte("code,colour\nA1,red\n"), headings, statuses); len(congthuong.ErrorFields(err)) != 2 {
		t.Errorf("wrong header: %v", congthuong.ErrorFields(err))
	}
}
