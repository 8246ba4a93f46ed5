package setup

import (
	"context"
	"fmt"

	"congthuong/internal/qa"
	"congthuong/internal/qa/qadb"
	"congthuong/internal/store"
)

// demoQuestions are questions the demo department answered and published,
// and one still waiting, so that each page has something to show.
var demoQuestions = []struct {
	topic, title, question, answer string
}{
	{"trade", "Giấy phép bán lẻ rượu tại cửa hàng tạp hóa",
		"Cửa hàng tạp hóa của tôi muốn bán rượu đóng chai. Tôi cần xin giấy phép gì và nộp ở đâu?",
		"Từ ngày 01/7/2025, Giấy phép bán lẻ sản phẩm rượu do Ủy ban nhân dân cấp xã nơi đặt cửa hàng cấp. " +
			"Bạn có thể nộp hồ sơ trực tuyến tại mục Thủ tục hành chính của cổng này và theo dõi kết quả bằng mã tra cứu."},
	{"procedures", "Theo dõi hồ sơ đã nộp trực tuyến",
		"Tôi đã nộp hồ sơ trực tuyến nhưng không biết hồ sơ đang ở bước nào. Làm sao để theo dõi?",
		"Sau khi nộp, bạn nhận được mã hồ sơ và mã tra cứu qua thư điện tử. Nhập hai mã này ở trang Tra cứu hồ sơ để xem hồ sơ đang ở bước nào và hạn trả kết quả."},
	{"energy", "Lắp điện mặt trời mái nhà cho nhà xưởng", "Doanh nghiệp muốn lắp điện mặt trời mái nhà để tự dùng. Có phải xin phép không?", ""},
}

// demoQA asks the demo questions and has the demo officer answer the first
// ones.
func demoQA(ctx, editor context.Context, st *store.Store) error {
	for _, d := range demoQuestions {
		q, err := st.Questions.Ask(ctx, &qa.Question{Topic: d.topic, Title: d.title, Body: d.question, Name: "Người hỏi (mẫu)",
			Email: "nguoihoi@example.vn"}, "vi")
		if err != nil {
			return fmt.Errorf("demo question: %w", err)
		}
		if d.answer == "" {
			continue
		}
		if _, err := st.Questions.Answer(editor, q.ID, q.Version, qadb.Step{Answer: d.answer, Publish: true}); err != nil {
			return fmt.Errorf("demo answer: %w", err)
		}
	}
	return nil
}
