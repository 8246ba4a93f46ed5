package news

import (
	"strings"
	"testing"
	"time"

	"congthuong"
)

func TestRenderIsSafe(t *testing.T) {
	attacks := []string{
		`<script>alert(1)</script>`,
		`<img src=x onerror=alert(1)>`,
		`[click](javascript:alert(1))`,
		"<iframe src=//evil></iframe>",
		`<a href="x" onclick="alert(1)">x</a>`,
		"![x](javascript:alert(1))",
		`<svg onload=alert(1)>`,
	}
	for _, md := range attacks {
		out := Render(md)
		for _, bad := range []string{"<script", "onerror", "javascript:", "<iframe", "onclick", "<svg", "onload"} {
			if strings.Contains(strings.ToLower(out), bad) {
				t.Errorf("Render(%q) = %q: keeps %s", md, out, bad)
			}
		}
	}
	out := Render("## Giá điện\n\n**Tăng** 4,8 % từ [EVN](https://evn.com.vn).\n\n| a | b |\n|---|---|\n| 1 | 2 |")
	for _, want := range []string{"<h2", "<strong>Tăng</strong>", `href="https://evn.com.vn"`, `rel="noreferrer"`, "<table>", "<td>1</td>"} {
		if !strings.Contains(out, want) {
			t.Errorf("Render lost %s: %s", want, out)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Hội nghị xúc tiến thương mại năm 2026": "hoi-nghi-xuc-tien-thuong-mai-nam-2026",
		"  Đường   dây 500 kV — mạch 3! ":       "duong-day-500-kv-mach-3",
		"!!!":                      "bai-viet",
		strings.Repeat("dài ", 60): strings.TrimRight(strings.Repeat("dai-", 20), "-"),
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestValidate(t *testing.T) {
	a := Article{Kind: KindNews, Category: "trade", VI: Text{Title: "Tin", Summary: "Tóm tắt", Body: "Nội dung"}}
	if err := a.Validate(); err != nil {
		t.Fatalf("a whole article: %v", err)
	}
	a.EN.Summary = "Only a summary"
	a.Kind, a.Topics = "blog", []string{strings.Repeat("x", MaxTopic+1)}
	fields := map[string]bool{}
	for _, f := range congthuong.ErrorFields(a.Validate()) {
		fields[f.Field] = true
	}
	for _, want := range []string{"kind", "title_en", "body_en", "topics"} {
		if !fields[want] {
			t.Errorf("no error on %s: %v", want, fields)
		}
	}
	if fields["summary_en"] {
		t.Errorf("the English summary is optional")
	}
}

func TestWhoDoesWhat(t *testing.T) {
	officer := congthuong.Actor{UserID: 1, Role: congthuong.RoleOfficer, UnitCode: "31", ProvinceCode: "31"}
	leader := congthuong.Actor{UserID: 2, Role: congthuong.RoleLeader, UnitCode: "31", ProvinceCode: "31"}
	commune := congthuong.Actor{UserID: 3, Role: congthuong.RoleCommune, UnitCode: "11560", ProvinceCode: "31"}
	if got := strings.Join(Actions(officer, Draft), ","); got != Submit {
		t.Errorf("an editor's actions on a draft: %s", got)
	}
	if got := strings.Join(Actions(leader, Review), ","); got != "publish,return" {
		t.Errorf("a publisher's actions in review: %s", got)
	}
	if got := Actions(leader, Published); len(got) != 1 || got[0] != Withdraw {
		t.Errorf("a publisher's actions once published: %v", got)
	}
	if Actions(commune, Draft) != nil || MayWrite(commune) || MayWrite(congthuong.Actor{}) {
		t.Errorf("a commune officer or the public writes the department's news")
	}
	if _, err := Next(officer, Review, Publish); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
		t.Errorf("an editor publishes: %v", err)
	}
	if _, err := Next(leader, Published, Publish); congthuong.ErrorCode(err) != congthuong.ECONFLICT {
		t.Errorf("publishing twice: %v", err)
	}
	if MayEdit(officer, Published) || !MayEdit(leader, Published) || MayEdit(leader, Withdrawn) {
		t.Errorf("who edits a published article")
	}
}

func TestPublic(t *testing.T) {
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	later, earlier := now.Add(time.Hour), now.Add(-time.Hour)
	for _, c := range []struct {
		a    Article
		want bool
	}{
		{Article{Status: Draft}, false},
		{Article{Status: Published, PublishAt: &later}, false},
		{Article{Status: Published, PublishAt: &earlier}, true},
		{Article{Status: Withdrawn, FirstPublishedAt: &earlier}, true},
		{Article{Status: Withdrawn}, false},
	} {
		if got := c.a.Public(now); got != c.want {
			t.Errorf("%s at %v: public %v", c.a.Status, c.a.PublishAt, got)
		}
	}
}
