package setup

import (
	"context"
	"fmt"

	"congthuong/internal/calendar"
	"congthuong/internal/legal"
	"congthuong/internal/store"
)

// demoDocuments are the demo library: documents the demo procedures cite,
// with their numbers, issuers and days as published (docs/DOMAIN.md), so
// that a procedure's legal basis links to them. Marked demo: an
// administrator checks each against the official text before relying on
// it.
var demoDocuments = []struct {
	number, kind, field, issuer, title string
	issued, effective                  string
	replacesPart                       []string
}{
	{"81/2018/NĐ-CP", "decree", "trade", "Chính phủ", "Quy định chi tiết Luật Thương mại về hoạt động xúc tiến thương mại",
		"2018-05-22", "2018-05-22", nil},
	{"766/QĐ-TTg", "decision", "administration", "Thủ tướng Chính phủ", "Phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh giá chất " +
		"lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường điện tử",
		"2022-06-23", "2022-06-23", nil},
	{"128/2024/NĐ-CP", "decree", "trade", "Chính phủ", "Sửa đổi, bổ sung một số điều của Nghị định số 81/2018/NĐ-CP quy định chi " +
		"tiết Luật Thương mại về hoạt động xúc tiến thương mại", "2024-10-10", "2024-12-01", []string{"81/2018/NĐ-CP"}},
	{"139/2025/NĐ-CP", "decree", "administration", "Chính phủ", "Quy định về phân định thẩm quyền của chính quyền địa phương 2 cấp " +
		"trong lĩnh vực quản lý nhà nước của Bộ Công Thương", "2025-06-12", "2025-07-01", nil},
	{"146/2025/NĐ-CP", "decree", "administration", "Chính phủ", "Quy định về phân quyền, phân cấp trong lĩnh vực công nghiệp và thương mại",
		"2025-06-12", "2025-07-01", nil},
}

// demoLegal fills the demo library, as the demo officer.
func demoLegal(ctx context.Context, st *store.Store) error {
	for _, d := range demoDocuments {
		issued, err := calendar.ParseDate(d.issued)
		if err != nil {
			return err
		}
		effective, err := calendar.ParseDate(d.effective)
		if err != nil {
			return err
		}
		doc := &legal.Document{Number: d.number, Type: d.kind, Field: d.field, Issuer: d.issuer, TitleVI: d.title, IssuedOn: issued,
			EffectiveOn: &effective, Published: true, Demo: true}
		for _, n := range d.replacesPart {
			doc.Replaces = append(doc.Replaces, legal.Relation{Number: n, Scope: legal.Part})
		}
		if err := st.Legal.Save(ctx, doc); err != nil {
			return fmt.Errorf("demo document %s: %w", d.number, err)
		}
	}
	return nil
}
