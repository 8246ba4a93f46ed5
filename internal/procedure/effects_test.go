package procedure

import (
	"slices"
	"strings"
	"testing"
	"time"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/i18n"
)

// TestAdvance walks a dossier through a supplement request over Tết 2026
// (16–20 February off): the pause's working days move the due time, and
// the finish is timed against it.
func TestAdvance(t *testing.T) {
	cal, err := calendar.New(calendar.DefaultRules(), calendar.ShippedOverrides(), calendar.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) time.Time {
		ts, err := time.ParseInLocation("2006-01-02T15:04", s, congthuong.Location)
		if err != nil {
			t.Fatal(err)
		}
		return ts
	}
	p := &Procedure{Term: Term{WorkingDays: 3}}
	d := &Dossier{State: State{Status: Submitted}}
	step := func(a Action, r Role, when string) {
		t.Helper()
		next, err := Apply(d.State, a, r)
		if err != nil {
			t.Fatal(err)
		}
		if err := d.Advance(p, a, next, "", at(when), cal); err != nil {
			t.Fatal(err)
		}
	}
	due := func() string { return d.DueAt.In(congthuong.Location).Format("2006-01-02 15:04") }

	step(Receive, AsReceiver, "2026-02-12T09:00")
	if got := due(); got != "2026-02-24 17:00" {
		t.Fatalf("due on receipt = %s, want 2026-02-24 17:00", got)
	}
	step(Assign, AsReceiver, "2026-02-12T10:00")
	step(RequestSupplement, AsHandler, "2026-02-13T09:00")
	if len(d.Pauses) != 1 || !d.Pauses[0].To.IsZero() || due() != "2026-02-24 17:00" {
		t.Fatalf("an open pause must not move the due time: %+v, due %s", d.Pauses, due())
	}
	step(Supplement, AsApplicant, "2026-02-24T09:00")
	if got := due(); got != "2026-02-26 17:00" {
		t.Errorf("due after the supplement = %s, want 2026-02-26 17:00 (the pause cost its working days only)", got)
	}
	if d.FinishedAt != nil {
		t.Fatal("not finished yet")
	}
	if early, late := d.Timeliness(at("2026-02-25T10:00")); early || late {
		t.Errorf("an unfinished dossier is neither early nor late: %v %v", early, late)
	}
	step(Forward, AsHandler, "2026-02-25T10:00")
	step(Approve, AsLeader, "2026-02-25T11:00")
	if d.ResultAt == nil || d.FinishedAt == nil {
		t.Fatalf("approval records the result's time and the finish: %+v", d)
	}
	if early, late := d.Timeliness(at("2026-02-25T11:00")); !early || late {
		t.Errorf("finished the day before its due day: early %v late %v", early, late)
	}
	if early, late := d.Timeliness(at("2026-02-27T08:00")); early || !late {
		t.Errorf("finished after the due time: early %v late %v", early, late)
	}
}

// TestRolesOf checks who is what to a dossier: the filing enterprise, the
// desk's officers, its leaders, and the assigned handler.
func TestRolesOf(t *testing.T) {
	p := &Procedure{Level: Commune}
	d := &Dossier{UnitCode: "00004", ProvinceCode: "01", Channel: Online, CreatedBy: "citizen",
		Applicant: Applicant{TaxCode: "0100109106"}, Handler: "officer"}
	for _, c := range []struct {
		name string
		a    congthuong.Actor
		want []Role
	}{
		{"the enterprise named on it", congthuong.Actor{UserID: 1, Role: congthuong.RoleEnterprise, TaxCode: "0100109106"}, []Role{AsApplicant}},
		{"another enterprise", congthuong.Actor{UserID: 2, Role: congthuong.RoleEnterprise, TaxCode: "0312345678"}, nil},
		{"the citizen who filed it", congthuong.Actor{UserID: 3, Username: "citizen", Role: congthuong.RoleEnterprise}, []Role{AsApplicant}},
		{"the commune's assigned officer", congthuong.Actor{UserID: 4, Username: "officer", Role: congthuong.RoleOfficer, UnitCode: "00004"}, []Role{AsHandler, AsReceiver}},
		{"another commune's officer", congthuong.Actor{UserID: 5, Username: "other", Role: congthuong.RoleOfficer, UnitCode: "00007"}, nil},
		{"the province's officer, on a commune's dossier", congthuong.Actor{UserID: 6, Username: "prov", Role: congthuong.RoleOfficer, UnitCode: "01"}, nil},
		{"the commune's leader", congthuong.Actor{UserID: 7, Username: "chief", Role: congthuong.RoleLeader, UnitCode: "00004"}, []Role{AsLeader}},
		{"nobody", congthuong.Actor{}, nil},
	} {
		if got := RolesOf(c.a, p, d); !slices.Equal(got, c.want) {
			t.Errorf("%s: roles %v, want %v", c.name, got, c.want)
		}
	}
}

// TestMail checks the applicant's e-mails: the moment in the subject, the
// officer's message (never an internal note, which Mail is not given), the
// due time in Vietnam's time while one is due, the result number when the
// result is ready, and the link to follow the dossier.
func TestMail(t *testing.T) {
	due := time.Date(2026, 2, 24, 10, 0, 0, 0, time.UTC)
	d := &Dossier{Code: "H01.01-260212-0001", ProcedureName: "Cấp giấy phép", Applicant: Applicant{Name: "Công ty A"},
		State: State{Status: SupplementRequested}, DueAt: &due, TrackingKey: "ABCD-EFGH"}
	link := TrackingLink("https://dvc.example.vn/", d)
	if link != "https://dvc.example.vn/tracking?code=H01.01-260212-0001&key=ABCD-EFGH" {
		t.Errorf("link %q", link)
	}
	subject, body := Mail(d, MailKind(RequestSupplement), "thiếu bản sao", link)
	for _, want := range []string{"Công ty A", "H01.01-260212-0001", "bổ sung", "17:00 24/02/2026", "thiếu bản sao", link, "ABCD-EFGH"} {
		if !strings.Contains(body, want) {
			t.Errorf("the message lacks %q:\n%s", want, body)
		}
	}
	if subject != "Hồ sơ H01.01-260212-0001: cần bổ sung giấy tờ" {
		t.Errorf("subject %q", subject)
	}
	d.Status, d.Outcome, d.ResultNumber = Processed, "approved", "0007/2026/SCT31"
	_, body = Mail(d, MailKind(Approve), "", link)
	if !strings.Contains(body, "0007/2026/SCT31") || strings.Contains(body, "Hẹn trả") {
		t.Errorf("a ready result gives its number and no appointment:\n%s", body)
	}
	for _, a := range Actions {
		if TellsApplicant(a) && !i18n.Default().Has("mail.about_"+string(a)) {
			t.Errorf("the e-mail of %s has no subject", a)
		}
	}
	for _, s := range Statuses {
		if !i18n.Default().Has(s.Text().ID) {
			t.Errorf("status %s has no name", s)
		}
	}
	for _, a := range Actions {
		if !i18n.Default().Has(a.Text().ID) {
			t.Errorf("action %s has no name", a)
		}
	}
}
