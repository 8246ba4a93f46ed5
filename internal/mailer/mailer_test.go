package mailer_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/mailer"
	"congthuong/internal/procedure"
	"congthuong/internal/smtptest"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// TestSendOnce files dossiers that queue messages, then has two senders
// race over the outbox: every message arrives exactly once.
func TestSendOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		sys := congthuong.NewContext(context.Background(), congthuong.System())
		if _, err := s.SeedProcedures(sys, procedure.Catalogue()); err != nil {
			t.Fatal(err)
		}
		cal, err := s.Calendar(sys, calendar.Options{})
		if err != nil {
			t.Fatal(err)
		}
		const n = 12
		for i := 0; i < n; i++ {
			d := &procedure.Dossier{ProcedureCode: "CT-KM-MAYRUI", UnitCode: "31", Channel: procedure.Online,
				Applicant: procedure.Applicant{Name: "Công ty Mẫu", Phone: "0912345678", Email: "lienhe@example.vn"},
				Form:      map[string]string{"tax_code": "0100233488", "start_date": "2026-12-01", "end_date": "2026-12-31"}}
			if err := s.SubmitDossier(sys, d, cal); err != nil {
				t.Fatal(err)
			}
		}
		smtpd := smtptest.Start(t)
		log := slog.New(slog.NewTextHandler(io.Discard, nil))
		var wg sync.WaitGroup
		for _, name := range []string{"a", "b"} {
			wg.Add(1)
			go func(name string) {
				defer wg.Done()
				m := mailer.Sender{DB: s.DB, URL: smtpd.URL(), From: "sct@example.vn", Name: name, Log: log}
				if _, err := m.SendPending(context.Background()); err != nil {
					t.Error(err)
				}
			}(name)
		}
		wg.Wait()
		msgs := smtpd.Messages()
		if len(msgs) != n {
			t.Errorf("%d messages delivered for %d queued", len(msgs), n)
		}
		if len(msgs) > 0 && !strings.Contains(msgs[0], "Subject: =?utf-8?q?") {
			t.Errorf("message: %.300s", msgs[0])
		}
		box, err := s.Outbox(sys, 100)
		if err != nil || len(box) != n || box[0].SentAt == nil {
			t.Errorf("outbox: %d, %v", len(box), err)
		}
	})
}
