package setup

import (
	"context"

	"fmt"
	"time"

	"congthuong"

	"congthuong/internal/news"
	"congthuong/internal/news/newsdb"
	"congthuong/internal/store"
)

// demoArticles are the demo portal's news: made up, in the department's
// voice, one with its English translation, published over the last days.
var demoArticles = []struct {
	daysAgo  int
	kind     string
	category string
	topics   string
	vi, en   news.Text
}{
	{9, news.KindNews, "industry", "công nghiệp hỗ trợ, linh kiện điện tử",
		news.Text{Title: "Hội thảo kết nối doanh nghiệp công nghiệp hỗ trợ năm 2026",
			Summary: "Gần 120 doanh nghiệp sản xuất linh kiện điện tử và cơ khí gặp gỡ các tập đoàn đầu tư tại thành phố.",
			Body: "Sáng nay, Sở Công Thương tổ chức hội thảo kết nối doanh nghiệp công nghiệp hỗ trợ với các doanh nghiệp FDI.\n\n" +
				"## Nội dung chính\n\n- Giới thiệu nhu cầu linh kiện của các nhà máy điện tử;\n- Chương trình hỗ trợ đạt tiêu chuẩn chất lượng;\n" +
				"- Gặp gỡ trực tiếp giữa bên mua và bên bán.\n\nDoanh nghiệp quan tâm xem chi tiết tại mục **Thủ tục hành chính**."},
		news.Text{Title: "Supporting industries matchmaking workshop 2026",
			Summary: "Nearly 120 makers of electronic and mechanical parts met investing groups in the city.",
			Body: "This morning the Department of Industry and Trade held a workshop linking supporting-industry firms with foreign-invested manufacturers.\n\n" +
				"## Highlights\n\n- The parts the electronics plants need;\n- Support to reach quality standards;\n- Buyers and suppliers meeting face to face."}},
	{6, news.KindAnnouncement, "promotion", "hội chợ, xúc tiến thương mại",
		news.Text{Title: "Thông báo mời doanh nghiệp tham gia Hội chợ hàng Việt Nam chất lượng cao",
			Summary: "Sở Công Thương mời doanh nghiệp đăng ký gian hàng tại hội chợ diễn ra từ ngày 15 đến 19 tháng 12.",
			Body: "Sở Công Thương thông báo tổ chức Hội chợ hàng Việt Nam chất lượng cao.\n\n" +
				"| Nội dung | Thông tin |\n|---|---|\n| Thời gian | 15–19/12 |\n| Số gian hàng | 200 |\n| Hạn đăng ký | 10/12 |\n\n" +
				"Doanh nghiệp gửi đăng ký qua thư điện tử hoặc trực tiếp tại Phòng Quản lý Thương mại."}, news.Text{}},
	{4, news.KindNews, "energy", "điện mặt trời mái nhà, tiết kiệm năng lượng",
		news.Text{Title: "Hướng dẫn phát triển điện mặt trời mái nhà tự sản xuất, tự tiêu thụ",
			Summary: "Những điều doanh nghiệp cần biết khi lắp đặt điện mặt trời mái nhà theo quy định mới.",
			Body: "Sở Công Thương hướng dẫn doanh nghiệp, hộ gia đình các bước lắp đặt điện mặt trời mái nhà tự sản xuất, tự tiêu thụ.\n\n" +
				"1. Thông báo cho Sở Công Thương và đơn vị điện lực;\n2. Bảo đảm an toàn phòng cháy;\n3. Lắp công tơ theo quy định."},
		news.Text{}},
	{2, news.KindNews, "trade", "xuất khẩu, thị trường",
		news.Text{Title: "Kim ngạch xuất khẩu 11 tháng tăng so với cùng kỳ",
			Summary: "Xuất khẩu hàng hóa trên địa bàn tiếp tục tăng, dẫn đầu là điện tử và dệt may.",
			Body: "Theo số liệu chính thức, kim ngạch xuất khẩu 11 tháng tiếp tục tăng so với cùng kỳ năm trước.\n\n" +
				"Xem số liệu chi tiết tại trang **Thống kê** của Sở."}, news.Text{}},
	{1, news.KindNews, "department", "cải cách hành chính, dịch vụ công",
		news.Text{Title: "Sở Công Thương tiếp nhận hồ sơ trực tuyến toàn trình",
			Summary: "Doanh nghiệp nộp hồ sơ, giấy tờ và theo dõi kết quả trên cổng, không phải đến Sở.",
			Body:    "Từ nay, các thủ tục trực tuyến toàn trình được nộp kèm giấy tờ ngay trên cổng; doanh nghiệp theo dõi hồ sơ bằng mã tra cứu."},
		news.Text{}},
}

// demoStaff are the contexts of the demo officer (an editor) and the demo
// leader (a publisher), who write the demo's news and library.
func demoStaff(ctx context.Context, st *store.Store) (editor, leader context.Context, err error) {
	as := func(username string) (context.Context, error) {
		u, err := st.FindUserByUsername(ctx, username)
		if err != nil {
			return nil, fmt.Errorf("demo staff: %w", err)
		}
		return congthuong.NewContext(ctx, u.Actor()), nil
	}
	if editor, err = as("canbo"); err != nil {
		return nil, nil, err
	}
	leader, err = as("lanhdao")
	return editor, leader, err
}

// demoNews publishes the demo articles, each at its own day, with the
// store's clock set back for the time of each: the demo officer writes
// them and the demo leader publishes them.
func demoNews(editor, leader context.Context, st *store.Store) error {
	clock := st.Now
	defer func() { st.Now = clock }()
	now := clock()
	for _, d := range demoArticles {
		at := now.AddDate(0, 0, -d.daysAgo).Truncate(time.Hour)
		st.Now = func() time.Time { return at }
		a, err := st.News.Create(editor, &news.Article{Kind: d.kind, Category: d.category, Topics: []string{d.topics}, VI: d.vi, EN: d.en})
		if err != nil {
			return fmt.Errorf("demo article %q: %w", d.vi.Title, err)
		}
		if _, err := st.News.Act(leader, a.ID, a.Version, newsdb.Step{Action: news.Publish}); err != nil {
			return fmt.Errorf("demo article %q: %w", d.vi.Title, err)
		}
	}
	return nil
}
