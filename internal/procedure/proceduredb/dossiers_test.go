package proceduredb_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/procedure"
	"congthuong/internal/procedure/proceduredb"
	"congthuong/internal/stats"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

func TestDossierWorkflow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		cal := storetest.DossierSetup(t, s)
		at := func(when string) {
			ts, err := time.Parse(time.RFC3339, when)
			if err != nil {
				t.Fatal(err)
			}
			s.Now = func() time.Time { return ts }
		}
		at("2026-03-02T08:30:00+07:00")
		d := storetest.TobaccoDossier()
		d.Applicant.Email = "thuynguyen@example.vn"
		if err := s.SubmitDossier(storetest.As(storetest.EnterpriseOwner), d, cal); err != nil {
			t.Fatal(err)
		}
		if d.Code != "X11560-260302-0001" || d.Status != procedure.Submitted || d.Applicant.TaxCode != "0100233488" || d.Applicant.Phone != "0912345678" {
			t.Fatalf("submitted: %+v", d)
		}
		step := func(ctx context.Context, action procedure.Action, note, handler string) (*procedure.Dossier, error) {
			return s.StepDossier(ctx, d.Code, proceduredb.DossierStep{Action: action, Message: note, Handler: handler}, cal)
		}
		// Only the commune's desk receives a commune procedure.
		for _, who := range []congthuong.Actor{storetest.HaiPhongOfficer, storetest.CatHai} {
			if _, err := step(storetest.As(who), procedure.Receive, "", ""); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
				t.Errorf("%s receiving: %v", who.Username, err)
			}
		}
		if _, err := step(storetest.As(storetest.EnterpriseOwner), procedure.Receive, "", ""); congthuong.ErrorCode(err) != congthuong.ECONFLICT {
			t.Errorf("the applicant receiving its own dossier: %v", err)
		}
		at("2026-03-02T09:00:00+07:00")
		got, err := step(storetest.As(storetest.ThuyNguyen), procedure.Receive, "", "")
		if err != nil {
			t.Fatal(err)
		}
		// 15 working days from Monday 2 March 2026: Monday 23 March, at closing.
		if due := got.DueAt.In(congthuong.Location).Format("2006-01-02 15:04"); due != "2026-03-23 17:00" {
			t.Errorf("due %s", due)
		}
		// A dossier is assigned to an officer of its desk, no one else.
		for _, handler := range []string{"", "nobody", "cathai", "officer", "owner"} {
			if _, err := step(storetest.As(storetest.ThuyNguyen), procedure.Assign, "", handler); congthuong.ErrorCode(err) != congthuong.EINVALID {
				t.Errorf("assigning to %q: %v", handler, err)
			}
		}
		if _, err := step(storetest.As(storetest.ThuyNguyen), procedure.Assign, "", "ThuyNguyen"); err != nil {
			t.Fatal(err)
		}
		at("2026-03-03T10:00:00+07:00")
		if _, err := step(storetest.As(storetest.ThuyNguyen), procedure.RequestSupplement, "", ""); congthuong.ErrorFields(err)[0].Field != "message" {
			t.Errorf("a supplement request without the list of what is missing: %v", err)
		}
		if got, err = step(storetest.As(storetest.ThuyNguyen), procedure.RequestSupplement, "Thiếu bản sao đăng ký kinh doanh", ""); err != nil || got.Status != procedure.SupplementRequested {
			t.Fatalf("%+v %v", got, err)
		}
		at("2026-03-06T10:00:00+07:00")
		if got, err = step(storetest.As(storetest.EnterpriseOwner), procedure.Supplement, "", ""); err != nil {
			t.Fatal(err)
		}
		// The clock stood still for Wednesday to Friday: three working days later.
		if due := got.DueAt.In(congthuong.Location).Format("2006-01-02"); due != "2026-03-26" {
			t.Errorf("due after the supplement %s", due)
		}
		if _, err := step(storetest.As(storetest.ThuyNguyen), procedure.RequestSupplement, "Lại thiếu", ""); congthuong.ErrorCode(err) != congthuong.ECONFLICT {
			t.Errorf("a second supplement request: %v", err)
		}
		if _, err := s.StepDossier(storetest.As(storetest.ThuyNguyen), d.Code, proceduredb.DossierStep{Action: procedure.Forward,
			Note: "Hồ sơ đầy đủ, đề nghị phê duyệt."}, cal); err != nil {
			t.Fatal(err)
		}
		communeLeader := congthuong.Actor{UserID: 40, Username: "chutich", Role: congthuong.RoleLeader, UnitCode: "11560", ProvinceCode: "31"}
		if got, err = step(storetest.As(communeLeader), procedure.Approve, "", ""); err != nil || got.Status != procedure.Processed || got.Outcome != "approved" {
			t.Fatalf("approve: %+v %v", got, err)
		}
		if got.ResultNumber != "0001/2026/X11560" {
			t.Errorf("result number %q", got.ResultNumber)
		}
		if v, err := s.VerifyResult(context.Background(), "0001/2026/X11560"); err != nil || v.Holder != "Công ty Cổ phần Thủy Nguyên" || v.Dossier != d.Code {
			t.Errorf("verification: %+v %v", v, err)
		}
		if _, err := s.VerifyResult(context.Background(), "0002/2026/X11560"); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Errorf("an unknown number: %v", err)
		}
		if got, err = step(storetest.As(storetest.ThuyNguyen), procedure.ReturnResult, "", ""); err != nil || got.Status != procedure.Returned || got.FinishedAt == nil {
			t.Fatalf("return: %+v %v", got, err)
		}
		_, events, err := s.FindDossier(storetest.As(storetest.EnterpriseOwner), d.Code)
		if err != nil || len(events) != 8 || events[3].Message != "Thiếu bản sao đăng ký kinh doanh" || events[5].Note != "" {
			t.Errorf("the applicant's events: %+v %v", events, err)
		}
		if _, events, err := s.FindDossier(storetest.As(storetest.ThuyNguyen), d.Code); err != nil || events[5].Note != "Hồ sơ đầy đủ, đề nghị phê duyệt." {
			t.Errorf("the desk's events: %+v %v", events, err)
		}
		// The applicant is e-mailed at the moments that concern them, with
		// the link to follow the dossier, never with the office's note.
		mails, err := s.Outbox(storetest.As(congthuong.Actor{UserID: 1, Username: "admin", Role: congthuong.RoleAdmin, UnitCode: "VN", ProvinceCode: "VN"}), 100)
		if err != nil {
			t.Fatal(err)
		}
		var subjects []string
		for _, m := range mails {
			if m.Ref != d.Code {
				continue
			}
			subjects = append(subjects, m.Subject)
			if strings.Contains(m.Body, "đề nghị phê duyệt") || !strings.Contains(m.Body, "/tracking?code="+d.Code+"&key=") {
				t.Errorf("e-mail %q:\n%s", m.Subject, m.Body)
			}
		}
		slices.Sort(subjects)
		want := []string{"Hồ sơ " + d.Code + ": cần bổ sung giấy tờ", "Hồ sơ " + d.Code + ": đã có kết quả", "Hồ sơ " + d.Code + ": đã nộp",
			"Hồ sơ " + d.Code + ": đã được tiếp nhận"}
		if !slices.Equal(subjects, want) {
			t.Errorf("e-mails %q, want %q", subjects, want)
		}
		if _, _, err := s.FindDossier(storetest.As(storetest.CatHai), d.Code); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Errorf("another commune reading: %v", err)
		}
		// Public tracking: code and phone, or code and tracking key; a tax
		// code is public and is no secret.
		if len(d.TrackingKey) != 9 || d.TrackingKey[4] != '-' {
			t.Fatalf("tracking key %q", d.TrackingKey)
		}
		lower := strings.ToLower(strings.ReplaceAll(d.TrackingKey, "-", " "))
		for key, ok := range map[string]bool{"0912 345 678": true, "+84912345678": true, d.TrackingKey: true, lower: true,
			"0100233488": false, "0912345679": false, "": false, "AAAA-AAAA": false} {
			tr, err := s.TrackDossier(context.Background(), d.Code, key)
			if (err == nil) != ok || ok && (tr.Status != procedure.Returned || tr.StatusCode != 10) {
				t.Errorf("tracking with %q: %+v %v", key, tr, err)
			}
		}
		if _, err := s.TrackDossier(context.Background(), "X11560-260302-0002", "0912345678"); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Errorf("tracking an unknown code: %v", err)
		}
	})
}

func TestDossierValidation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		cal := storetest.DossierSetup(t, s)
		for field, edit := range map[string]func(*procedure.Dossier){
			"procedure_code":        func(d *procedure.Dossier) { d.ProcedureCode = "NOPE" },
			"unit_code":             func(d *procedure.Dossier) { d.UnitCode = "31" },
			"applicant.phone":       func(d *procedure.Dossier) { d.Applicant.Phone = "12" },
			"form.business_address": func(d *procedure.Dossier) { delete(d.Form, "business_address") },
			"form.favourite_colour": func(d *procedure.Dossier) { d.Form["favourite_colour"] = "red" },
			"applicant.email":       func(d *procedure.Dossier) { d.Applicant.Email = "dn@example.vn\r\nBcc: many@example.vn" },
		} {
			d := storetest.TobaccoDossier()
			edit(d)
			err := s.SubmitDossier(storetest.As(storetest.EnterpriseOwner), d, cal)
			if f := congthuong.ErrorFields(err); len(f) != 1 || f[0].Field != field {
				t.Errorf("%s: %v", field, err)
			}
		}
		if err := s.SubmitDossier(context.Background(), storetest.TobaccoDossier(), cal); congthuong.ErrorCode(err) != congthuong.EUNAUTHORIZED {
			t.Errorf("anonymous filing: %v", err)
		}
		// Recorded at the desk: received at once, with its due time.
		d := storetest.TobaccoDossier()
		d.Channel = procedure.InPerson
		if err := s.SubmitDossier(storetest.As(storetest.ThuyNguyen), d, cal); err != nil || d.Status != procedure.Received || d.DueAt == nil {
			t.Errorf("an in-person filing: %+v %v", d, err)
		}
		d = storetest.TobaccoDossier()
		d.Channel = procedure.InPerson
		if err := s.SubmitDossier(storetest.As(storetest.CatHai), d, cal); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("another commune recording: %v", err)
		}
		// The desk records what came in person or by post, never an online
		// filing (the online rate of Decision 766 counts those).
		d = storetest.TobaccoDossier()
		d.Channel = procedure.Online
		if err := s.SubmitDossier(storetest.As(storetest.ThuyNguyen), d, cal); len(congthuong.ErrorFields(err)) != 1 || congthuong.ErrorFields(err)[0].Field != "channel" {
			t.Errorf("the desk recording an online filing: %v", err)
		}
		d = storetest.TobaccoDossier()
		if err := s.SubmitDossier(storetest.As(storetest.ThuyNguyen), d, cal); err != nil || d.Channel != procedure.InPerson {
			t.Errorf("the desk's default channel: %d %v", d.Channel, err)
		}
		d = storetest.TobaccoDossier()
		d.Channel = procedure.InPerson
		if err := s.SubmitDossier(storetest.As(storetest.EnterpriseOwner), d, cal); err != nil || d.Channel != procedure.Online {
			t.Errorf("an applicant's filing: channel %d %v", d.Channel, err)
		}
	})
}

// TestDossierCodesUnderConcurrency files dossiers from many goroutines at
// once: every one gets a code, none twice, numbered 1 to n.
func TestDossierCodesUnderConcurrency(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		cal := storetest.DossierSetup(t, s)
		const n = 40
		codes := make([]string, n)
		var wg sync.WaitGroup
		errs := make(chan error, n)
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				d := storetest.TobaccoDossier()
				if err := s.SubmitDossier(storetest.As(storetest.EnterpriseOwner), d, cal); err != nil {
					errs <- err
					return
				}
				codes[i] = d.Code
			}(i)
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, c := range codes {
			seen[c] = true
		}
		day := calendar.DateOf(time.Now())
		for i := 1; i <= n; i++ {
			if c := procedure.DossierCode("X11560", day, i); !seen[c] {
				t.Errorf("%s missing (codes %s)", c, strings.Join(codes, " "))
			}
		}
		if len(seen) != n {
			t.Errorf("%d distinct codes for %d dossiers", len(seen), n)
		}
		_ = fmt.Sprint()
	})
}

func TestDossierWorklist(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		cal := storetest.DossierSetup(t, s)
		at := func(when string) {
			ts, _ := time.Parse(time.RFC3339, when)
			s.Now = func() time.Time { return ts }
		}
		// Three dossiers received on Monday 2 March 2026 with 15, then a
		// check on Monday 23 March (the due day) and Tuesday 24 March.
		at("2026-03-02T09:00:00+07:00")
		for i := 0; i < 3; i++ {
			d := storetest.TobaccoDossier()
			d.Channel = procedure.InPerson
			if err := s.SubmitDossier(storetest.As(storetest.ThuyNguyen), d, cal); err != nil {
				t.Fatal(err)
			}
		}
		other := storetest.TobaccoDossier()
		if err := s.SubmitDossier(storetest.As(storetest.EnterpriseOwner), other, cal); err != nil { // online, not received: no due time yet
			t.Fatal(err)
		}
		at("2026-03-23T10:00:00+07:00")
		for _, c := range []struct {
			who  congthuong.Actor
			f    proceduredb.DossierFilter
			want int
		}{
			{storetest.ThuyNguyen, proceduredb.DossierFilter{}, 4},
			{storetest.ThuyNguyen, proceduredb.DossierFilter{Due: "today"}, 3},
			{storetest.ThuyNguyen, proceduredb.DossierFilter{Due: "tomorrow"}, 0},
			{storetest.ThuyNguyen, proceduredb.DossierFilter{Due: "overdue"}, 0},
			{storetest.ThuyNguyen, proceduredb.DossierFilter{Status: procedure.Submitted}, 1},
			{storetest.ThuyNguyen, proceduredb.DossierFilter{Q: "thủy nguyên"}, 4},
			{storetest.CatHai, proceduredb.DossierFilter{}, 0},
			{storetest.HaiPhongOfficer, proceduredb.DossierFilter{}, 0}, // the department's desk, not the commune's
			{storetest.EnterpriseOwner, proceduredb.DossierFilter{}, 1},
		} {
			if _, total, err := s.FindDossiers(storetest.As(c.who), c.f); err != nil || total != c.want {
				t.Errorf("%s %+v: %d, %v", c.who.Username, c.f, total, err)
			}
		}
		at("2026-03-24T08:00:00+07:00")
		if list, total, err := s.FindDossiers(storetest.As(storetest.ThuyNguyen), proceduredb.DossierFilter{Due: "overdue"}); err != nil || total != 3 || !list[0].Overdue(s.Now()) {
			t.Errorf("overdue the next day: %d %v", total, err)
		}
		// An apology slip gives a new date; the dossier stays overdue.
		list, _, _ := s.FindDossiers(storetest.As(storetest.ThuyNguyen), proceduredb.DossierFilter{Due: "overdue"})
		code := list[0].Code
		if _, err := s.Apologize(storetest.As(storetest.ThuyNguyen), code, list[0].DueAt.Add(-time.Hour), "Chờ ý kiến liên ngành"); congthuong.ErrorFields(err)[0].Field != "new_due" {
			t.Errorf("a new date before the due time: %v", err)
		}
		if _, err := s.Apologize(storetest.As(storetest.EnterpriseOwner), code, list[0].DueAt.AddDate(0, 0, 7), "x"); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Errorf("the applicant apologizing: %v", err)
		}
		got, err := s.Apologize(storetest.As(storetest.ThuyNguyen), code, list[0].DueAt.AddDate(0, 0, 7), "Chờ ý kiến liên ngành")
		if err != nil || got.ApologyDue == nil || !got.Overdue(s.Now()) {
			t.Errorf("apology: %+v %v", got, err)
		}
		if _, _, err := s.FindDossiers(context.Background(), proceduredb.DossierFilter{}); congthuong.ErrorCode(err) != congthuong.EUNAUTHORIZED {
			t.Errorf("the public's worklist: %v", err)
		}
	})
}

func TestScorecard(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		cal := storetest.DossierSetup(t, s)
		at := func(when string) {
			ts, _ := time.Parse(time.RFC3339, when)
			s.Now = func() time.Time { return ts }
		}
		leader := storetest.As(congthuong.Actor{UserID: 40, Username: "chutich", Role: congthuong.RoleLeader, UnitCode: "11560", ProvinceCode: "31"})
		do := func(ctx context.Context, code string, actions ...procedure.Action) {
			t.Helper()
			for _, a := range actions {
				step := proceduredb.DossierStep{Action: a, Handler: "thuynguyen"}
				if procedure.NeedsReason(a) {
					step.Message = "thiếu giấy tờ"
				}
				d, err := s.StepDossier(ctx, code, step, cal)
				if err != nil {
					t.Fatalf("%s %s: %v", code, a, err)
				}
				// The version a step returns is the stored one, which the
				// next step sends back.
				var stored int
				if err := s.Read.QueryRowContext(ctx, `SELECT version FROM dossiers WHERE code = $1`, code).Scan(&stored); err != nil || d.Version != stored {
					t.Fatalf("%s %s: version %d returned, %d stored (%v)", code, a, d.Version, stored, err)
				}
			}
		}
		// Five dossiers received on 2 March 2026 (due 23 March): four at the
		// desk, one online.
		at("2026-03-02T09:00:00+07:00")
		codes := map[string]string{}
		for _, name := range []string{"early", "ontime", "late", "paused"} {
			d := storetest.TobaccoDossier()
			d.Channel = procedure.InPerson
			if err := s.SubmitDossier(storetest.As(storetest.ThuyNguyen), d, cal); err != nil {
				t.Fatal(err)
			}
			codes[name] = d.Code
		}
		online := storetest.TobaccoDossier()
		if err := s.SubmitDossier(storetest.As(storetest.EnterpriseOwner), online, cal); err != nil {
			t.Fatal(err)
		}
		do(storetest.As(storetest.ThuyNguyen), online.Code, procedure.Receive)
		for _, name := range []string{"early", "ontime", "late", "paused"} {
			do(storetest.As(storetest.ThuyNguyen), codes[name], procedure.Assign)
		}
		at("2026-03-05T09:00:00+07:00")
		do(storetest.As(storetest.ThuyNguyen), codes["paused"], procedure.RequestSupplement)
		at("2026-03-10T09:00:00+07:00")
		do(storetest.As(storetest.ThuyNguyen), codes["early"], procedure.Forward)
		do(leader, codes["early"], procedure.Approve)
		at("2026-03-23T16:00:00+07:00")
		do(storetest.As(storetest.ThuyNguyen), codes["ontime"], procedure.Forward)
		do(leader, codes["ontime"], procedure.Approve)
		at("2026-03-25T09:00:00+07:00")
		do(storetest.As(storetest.ThuyNguyen), codes["late"], procedure.Forward)
		do(leader, codes["late"], procedure.Approve)
		at("2026-04-05T09:00:00+07:00")
		march, _ := stats.ParsePeriod("2026-03")
		sc, err := s.Scorecard(storetest.As(storetest.ThuyNguyen), "11560", march)
		if err != nil {
			t.Fatal(err)
		}
		want := proceduredb.Scorecard{UnitCode: "11560", Period: "2026-03", Received: 5, ReceivedInPerson: 4, ReceivedOnline: 1,
			DoneEarly: 1, DoneOnTime: 1, DoneLate: 1, InProgressPast: 1, Paused: 1, OnTimeRate: 50, OnlineRate: 20, FullOnlineRate: 100}
		if sc.Received != want.Received || sc.ReceivedInPerson != 4 || sc.ReceivedOnline != 1 || sc.DoneEarly != 1 || sc.DoneOnTime != 1 ||
			sc.DoneLate != 1 || sc.InProgressWithin != 0 || sc.InProgressPast != 1 || sc.Paused != 1 || sc.CarriedOver != 0 ||
			sc.OnTimeRate != 50 || sc.OnlineRate != 20 || sc.FullOnlineRate != 100 || sc.Points["online_receipts"] != 0.4 {
			t.Errorf("scorecard %+v", sc)
		}
		if len(sc.CostingPoints) != 2 || !strings.Contains(strings.Join(sc.CostingPoints, " "), codes["late"]) ||
			!strings.Contains(strings.Join(sc.CostingPoints, " "), online.Code) {
			t.Errorf("costing points: %v", sc.CostingPoints)
		}
		// April carries over the two still open.
		april, _ := stats.ParsePeriod("2026-04")
		if sc, err := s.Scorecard(storetest.As(storetest.ThuyNguyen), "11560", april); err != nil || sc.CarriedOver != 2 || sc.Received != 0 {
			t.Errorf("April: %+v %v", sc, err)
		}
		if _, err := s.Scorecard(storetest.As(storetest.CatHai), "11560", march); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("another commune's scorecard: %v", err)
		}
		// The early one's result handed back in April: still decided early
		// in March, whatever its last step.
		do(storetest.As(storetest.ThuyNguyen), codes["early"], procedure.ReturnResult)
		quarter, _ := stats.ParsePeriod("2026Q1")
		if sc, err := s.Scorecard(storetest.As(storetest.ThuyNguyen), "11560", quarter); err != nil || sc.Received != 5 || sc.DoneEarly != 1 || sc.DoneOnTime != 1 || sc.DoneLate != 1 {
			t.Errorf("the first quarter: %+v %v", sc, err)
		}
		// The counts kept with each step are those counted again from the
		// dossiers.
		counts := func() string {
			rows, err := s.Read.QueryContext(context.Background(), `SELECT unit_code, month, received_in_person, received_online, received_by_post,
				done_early, done_on_time, done_late, closed FROM dossier_counts ORDER BY unit_code, month`)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var out []string
			for rows.Next() {
				var unit, month string
				var n [7]int
				if err := rows.Scan(&unit, &month, &n[0], &n[1], &n[2], &n[3], &n[4], &n[5], &n[6]); err != nil {
					t.Fatal(err)
				}
				if n != [7]int{} {
					out = append(out, fmt.Sprintf("%s %s %v", unit, month, n))
				}
			}
			return strings.Join(out, "; ")
		}
		kept := counts()
		if err := s.RecountDossiers(storetest.As(storetest.ThuyNguyen)); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("an officer recounting: %v", err)
		}
		if err := s.RecountDossiers(congthuong.NewContext(context.Background(), congthuong.System())); err != nil {
			t.Fatal(err)
		}
		if again := counts(); again != kept || !strings.Contains(kept, "11560 2026-03 [4 1 0 1 1 1 3]") {
			t.Errorf("counts kept %q, counted again %q", kept, again)
		}
		// At a start, SQLite (one process, counting as it writes) keeps its
		// counts; PostgreSQL, where an older process may have filed without
		// counting, counts again.
		if _, err := s.Write.Exec(`UPDATE dossier_counts SET closed = closed + 100`); err != nil {
			t.Fatal(err)
		}
		if err := s.RecountDossiersAtStart(congthuong.NewContext(context.Background(), congthuong.System())); err != nil {
			t.Fatal(err)
		}
		if recounted := counts() == kept; recounted != (s.Dialect.Name == "postgres") {
			t.Errorf("%s: recounted at a start: %v", s.Dialect.Name, recounted)
		}
	})
}

// TestLookupsDoNotHideFailures: with the database gone, a filing fails as
// an internal or unavailable error, not as the applicant's mistake.
func TestLookupsDoNotHideFailures(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		cal := storetest.DossierSetup(t, s)
		s.Close()
		err := s.SubmitDossier(storetest.As(storetest.EnterpriseOwner), storetest.TobaccoDossier(), cal)
		if err == nil || congthuong.ErrorCode(err) == congthuong.EINVALID || congthuong.ErrorCode(err) == congthuong.ENOTFOUND {
			t.Errorf("a filing with the database closed: %v", err)
		}
		if _, err := s.Scorecard(storetest.As(storetest.ThuyNguyen), "11560", stats.MonthOf(2026, 3)); err == nil || congthuong.ErrorCode(err) == congthuong.EINVALID {
			t.Errorf("a scorecard with the database closed: %v", err)
		}
	})
}
