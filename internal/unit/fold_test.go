package unit_test

import (
	"testing"

	"congthuong/internal/unit"
)

func TestFold(t *testing.T) {
	for _, test := range []struct{ in, want string }{
		{"Thủy Nguyên", "thuy nguyen"},
		{"Thuỷ Nguyên", "thuy nguyen"},
		{"THỦY NGUYÊN", "thuy nguyen"},
		{"  thuy   nguyen ", "thuy nguyen"},
		{"Đồng Nai", "dong nai"},
		{"ĐẶC KHU CÁT HẢI", "dac khu cat hai"},
		{"Hòa Bình", "hoa binh"},
		{"Hoà Bình", "hoa binh"},
		{"", ""},
	} {
		if got := unit.Fold(test.in); got != test.want {
			t.Errorf("Fold(%q) = %q, want %q", test.in, got, test.want)
		}
	}
}

func FuzzFold(f *testing.F) {
	f.Add("Thủy Nguyên")
	f.Fuzz(func(t *testing.T, s string) {
		once := unit.Fold(s)
		if twice := unit.Fold(once); twice != once {
			t.Errorf("Fold not idempotent: %q → %q → %q", s, once, twice)
		}
	})
}
