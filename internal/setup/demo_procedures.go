package setup

import (
	"context"
	"fmt"

	"congthuong/internal/procedure"
	"congthuong/internal/procedure/proceduredb"
	"congthuong/internal/store"
)

// Hải Phòng's department offered 132 procedures online, 111 of them full
// online and 21 partial (DESIGN.md §5). The demo completes the shipped
// catalogue to those counts with made-up procedures over the department's
// real fields, flagged demo.
const (
	demoProcedures = 132
	demoFullOnline = 111
)

var demoSubjects = []struct{ vi, en, field string }{
	{"cửa hàng bán lẻ xăng dầu", "petrol retail store", "petroleum"},
	{"cửa hàng bán lẻ LPG chai", "bottled LPG retail store", "gas"},
	{"sản xuất, kinh doanh hóa chất có điều kiện", "conditional chemicals", "chemicals"},
	{"tiền chất thuốc nổ", "explosive precursors", "explosives"},
	{"hoạt động điện lực quy mô nhỏ", "small electricity licences", "electricity"},
	{"an toàn thực phẩm cơ sở sản xuất", "food safety of a producer", "food_safety"},
	{"bán lẻ hàng hóa của tổ chức kinh tế có vốn nước ngoài", "retail by a foreign-invested firm", "trade"},
	{"kinh doanh khí", "gas trading", "gas"},
	{"thương nhân kinh doanh xăng dầu", "petrol trader", "petroleum"},
	{"cơ sở bán lẻ ngoài cơ sở thứ nhất", "additional retail outlet", "trade"},
	{"văn phòng đại diện thương nhân nước ngoài", "representative office of a foreign trader", "trade"},
}

var demoVerbs = []struct{ vi, en string }{
	{"Cấp Giấy chứng nhận, giấy phép", "Issue of the licence for"},
	{"Cấp lại Giấy chứng nhận, giấy phép", "Re-issue of the licence for"},
	{"Cấp sửa đổi, bổ sung Giấy chứng nhận, giấy phép", "Amendment of the licence for"},
	{"Gia hạn Giấy chứng nhận, giấy phép", "Extension of the licence for"},
}

// demoCatalogue adds made-up procedures until the catalogue holds 132, 111
// of them full online.
func demoCatalogue(ctx context.Context, st *store.Store) error {
	list, total, err := st.FindProcedures(ctx, proceduredb.ProcedureFilter{Page: store.Page{Limit: store.MaxLimit}})
	if err != nil {
		return err
	}
	full := 0
	for _, p := range list {
		if p.Online == procedure.FullOnline {
			full++
		}
	}
	for i := 1; total < demoProcedures; i++ {
		sub := demoSubjects[i%len(demoSubjects)]
		verb := demoVerbs[(i/len(demoSubjects))%len(demoVerbs)]
		online := procedure.FullOnline
		if full >= demoFullOnline {
			online = procedure.PartialOnline
		}
		level := procedure.Province
		if i%9 == 4 {
			level = procedure.Commune
		}
		p := procedure.Procedure{Code: fmt.Sprintf("DEMO-%03d", i), NameVI: fmt.Sprintf("%s %s (mẫu %d)", verb.vi, sub.vi, i),
			NameEN: fmt.Sprintf("%s %s (demo %d)", verb.en, sub.en, i), Field: sub.field, Level: level, Online: online,
			Term: procedure.Term{WorkingDays: []int{5, 7, 10, 15, 20}[i%5]}, Fee: "Theo quyết định công bố của tỉnh",
			LegalBasis: []string{"Quyết định công bố thủ tục hành chính của tỉnh (mẫu)"},
			Documents:  []procedure.Document{{NameVI: "Đơn đề nghị", NameEN: "Application", ElectronicCopy: true, Required: true}},
			Fields:     []procedure.Field{{Name: "tax_code", LabelVI: "Mã số thuế", LabelEN: "Tax code", Type: "tax_code", Required: true}},
			ResultVI:   "Văn bản giải quyết (mẫu)", ResultEN: "Decision (demo)", Demo: true}
		if err := st.SaveProcedure(ctx, p); err != nil {
			return fmt.Errorf("demo procedure %s: %w", p.Code, err)
		}
		total++
		if online == procedure.FullOnline {
			full++
		}
	}
	return nil
}
