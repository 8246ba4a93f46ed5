package commerce

import (
	"fmt"
	"strconv"
	"strings"

	"congthuong/internal/calendar"
	"congthuong/internal/i18n"
)

// DefaultReminderLeads are how many working days before a licence's last
// day its holder and the issuing desk are reminded: about six weeks, in
// time to file a renewal before the kind's renewal lead (30 days for
// tobacco retail), and two weeks.
var DefaultReminderLeads = []int{30, 10}

// ParseReminderLeads reads leads as "30,10": whole working days, 1 to
// 250, largest first.
func ParseReminderLeads(s string) ([]int, error) {
	var out []int
	for _, part := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(part))
		if err != nil || n < 1 || n > 250 {
			return nil, fmt.Errorf("reminder leads: %q is not a number of working days from 1 to 250", part)
		}
		out = append(out, n)
	}
	for i := 1; i < len(out); i++ {
		if out[i] >= out[i-1] {
			return nil, fmt.Errorf("reminder leads: write them largest first, each once: %q", s)
		}
	}
	return out, nil
}

// DueLead is the reminder due for a licence ending on end, on today: the
// smallest lead it is within (working days counted on cal, today
// excluded, the last day included), or 0 when none is due yet. A licence
// past its end is not reminded.
func DueLead(cal *calendar.Calendar, today, end calendar.Date, leads []int) (int, error) {
	if end.JDN() < today.JDN() {
		return 0, nil
	}
	left, err := cal.WorkingDaysBetween(today, end)
	if err != nil {
		return 0, err
	}
	due := 0
	for _, l := range leads {
		if left <= l {
			due = l
		}
	}
	return due, nil
}

// ReminderMail is the e-mail before a licence ends, in Vietnamese: for its
// holder, and for the desk that issued it.
func ReminderMail(l *Licence, link string, forDesk bool) (subject, body string) {
	p := i18n.Default().Printer("vi")
	k, _ := FindKind(l.Kind)
	end, _ := calendar.ParseDate(l.ValidUntil)
	day := p.Date(end.At(12 * 60))
	subject = p.T("commerce.mail_reminder_subject", k.NameVI, l.Number, day)
	var b strings.Builder
	if forDesk {
		b.WriteString(p.T("commerce.mail_reminder_desk", k.NameVI, l.Number, l.HolderName, l.Address, day) + "\n")
	} else {
		b.WriteString(p.T("commerce.mail_greeting", l.HolderName) + "\n\n")
		b.WriteString(p.T("commerce.mail_reminder_holder", k.NameVI, l.Number, l.Address, day, k.RenewalDays) + "\n")
	}
	if link != "" {
		b.WriteString("\n" + link + "\n")
	}
	return subject, b.String()
}
