package qa

import (
	"strings"
	"testing"

	"congthuong"
)

func TestValidate(t *testing.T) {
	q := Question{Topic: "trade", Name: "Nguyễn Văn A", Email: "a@example.vn", Title: "Giấy phép bán lẻ rượu",
		Body: "Cửa hàng tạp hóa cần giấy phép gì để bán rượu?"}
	if err := q.Validate(); err != nil {
		t.Fatal(err)
	}
	q = Question{Topic: "x", Email: "khong", Body: strings.Repeat("a", MaxQuestion+1)}
	fields := map[string]bool{}
	for _, f := range congthuong.ErrorFields(q.Validate()) {
		fields[f.Field] = true
	}
	for _, want := range []string{"topic", "name", "title", "question", "email"} {
		if !fields[want] {
			t.Errorf("no error on %s", want)
		}
	}
}

func TestMayAnswer(t *testing.T) {
	for _, c := range []struct {
		a    congthuong.Actor
		want bool
	}{
		{congthuong.Actor{UserID: 1, Role: congthuong.RoleOfficer, UnitCode: "31", ProvinceCode: "31"}, true},
		{congthuong.Actor{UserID: 2, Role: congthuong.RoleLeader, UnitCode: "31", ProvinceCode: "31"}, true},
		{congthuong.Actor{UserID: 3, Role: congthuong.RoleCommune, UnitCode: "11560", ProvinceCode: "31"}, false},
		{congthuong.Actor{UserID: 4, Role: congthuong.RoleEnterprise, UnitCode: "31", ProvinceCode: "31"}, false},
		{congthuong.Actor{}, false},
	} {
		if got := MayAnswer(c.a); got != c.want {
			t.Errorf("%s: %v", c.a.Role, got)
		}
	}
}
