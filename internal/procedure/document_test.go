package procedure

import (
	"slices"
	"testing"
	"time"

	"congthuong/internal/unit"
)

// TestLetterhead checks the documents' format against Decree 30/2020/NĐ-CP's
// examples: the authority above a department, a commune's People's
// Committee, "KT." for a deputy, "TM." for a collegial body, and the date
// line's leading zeros.
func TestLetterhead(t *testing.T) {
	hp := unit.Unit{Code: "31", Name: "Hải Phòng", FullName: "Thành phố Hải Phòng", Level: unit.Province}
	dept := LetterheadOf(Province, hp)
	if dept.Above != "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG" || dept.Authority != "SỞ CÔNG THƯƠNG" {
		t.Errorf("department: %+v", dept)
	}
	ward := LetterheadOf(Commune, unit.Unit{Code: "11560", Name: "Thủy Nguyên", FullName: "Phường Thủy Nguyên", Level: unit.Commune})
	if ward.Above != "ỦY BAN NHÂN DÂN" || ward.Authority != "PHƯỜNG THỦY NGUYÊN" || ward.Place != "Thủy Nguyên" {
		t.Errorf("ward: %+v", ward)
	}
	for _, c := range []struct {
		l     Letterhead
		title string
		want  []string
	}{
		{dept, "Giám đốc", []string{"GIÁM ĐỐC"}},
		{dept, "", []string{"GIÁM ĐỐC"}},
		{dept, "Phó Giám đốc", []string{"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"}},
		{ward, "Chủ tịch", []string{"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"}},
		{ward, "Phó Chủ tịch", []string{"KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}},
	} {
		if got := c.l.SignatureLines(c.title); !slices.Equal(got, c.want) {
			t.Errorf("%s signing for %s: %q, want %q", c.title, c.l.Authority, got, c.want)
		}
	}
	for day, want := range map[string]string{
		"2026-12-07T10:00:00+07:00": "Hải Phòng, ngày 07 tháng 12 năm 2026",
		"2027-02-15T10:00:00+07:00": "Hải Phòng, ngày 15 tháng 02 năm 2027",
		"2027-03-01T23:30:00+07:00": "Hải Phòng, ngày 01 tháng 3 năm 2027",
		"2027-02-28T20:00:00Z":      "Hải Phòng, ngày 01 tháng 3 năm 2027", // Vietnam's day
	} {
		ts, _ := time.Parse(time.RFC3339, day)
		if got := dept.DateLine(ts); got != want {
			t.Errorf("%s: %q, want %q", day, got, want)
		}
	}
}
