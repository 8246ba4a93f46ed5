package commerce

import (
	"strings"
	"testing"

	"congthuong/internal/calendar"
)

// TestDueLead: reminders fall due by working days left, the smallest lead
// reached; none after the end.
func TestDueLead(t *testing.T) {
	cal, err := calendar.New(calendar.DefaultRules(), nil, calendar.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	d := func(s string) calendar.Date { x, _ := calendar.ParseDate(s); return x }
	for _, c := range []struct {
		today, end string
		want       int
	}{
		{"2026-12-01", "2027-06-30", 0},
		{"2026-12-01", "2027-01-05", 30},
		{"2026-12-01", "2026-12-11", 10},
		{"2026-12-01", "2026-12-01", 10},
		{"2026-12-02", "2026-12-01", 0},
	} {
		if got, err := DueLead(cal, d(c.today), d(c.end), []int{30, 10}); err != nil || got != c.want {
			t.Errorf("%s → %s: %d, want %d (%v)", c.today, c.end, got, c.want, err)
		}
	}
}

// TestParseReminderLeads: leads are working days, largest first.
func TestParseReminderLeads(t *testing.T) {
	if l, err := ParseReminderLeads("30, 10"); err != nil || len(l) != 2 || l[1] != 10 {
		t.Errorf("%v %v", l, err)
	}
	for _, bad := range []string{"", "10,30", "0", "x", "30,30", "300"} {
		if _, err := ParseReminderLeads(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestReminderMail: the holder's mail names the licence, the premises, the
// day in Vietnamese and the renewal lead; the desk's names the holder.
func TestReminderMail(t *testing.T) {
	l := &Licence{Kind: "tobacco_retail", Number: "12/GP-UBND", HolderName: "Hộ An", Address: "Số 5", ValidUntil: "2031-03-14"}
	subject, body := ReminderMail(l, "https://x/licences/1", false)
	if !strings.Contains(subject, "12/GP-UBND") || !strings.Contains(body, "14/03/2031") || !strings.Contains(body, "30 ngày") || !strings.Contains(body, "https://x/licences/1") {
		t.Errorf("%s\n%s", subject, body)
	}
	if _, desk := ReminderMail(l, "", true); !strings.Contains(desk, "Hộ An") {
		t.Errorf("desk: %s", desk)
	}
}
