package mailer_test

import (
	"bufio"
	"context"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/mailer"
	"congthuong/internal/procedure"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// fakeSMTP accepts messages on loopback and keeps them.
type fakeSMTP struct {
	mu   sync.Mutex
	msgs []string
	ln   net.Listener
}

func startSMTP(t *testing.T) *fakeSMTP {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeSMTP{ln: ln}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go f.serve(c)
		}
	}()
	return f
}

func (f *fakeSMTP) serve(c net.Conn) {
	defer c.Close()
	r := bufio.NewReader(c)
	say := func(s string) { io.WriteString(c, s+"\r\n") }
	say("220 fake")
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		cmd := strings.ToUpper(strings.TrimSpace(line))
		switch {
		case strings.HasPrefix(cmd, "EHLO"), strings.HasPrefix(cmd, "HELO"):
			say("250 fake")
		case cmd == "DATA":
			say("354 go on")
			var b strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				b.WriteString(l)
			}
			f.mu.Lock()
			f.msgs = append(f.msgs, b.String())
			f.mu.Unlock()
			say("250 queued")
		case cmd == "QUIT":
			say("221 bye")
			return
		default:
			say("250 ok")
		}
	}
}

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
		smtpd := startSMTP(t)
		log := slog.New(slog.NewTextHandler(io.Discard, nil))
		var wg sync.WaitGroup
		for _, name := range []string{"a", "b"} {
			wg.Add(1)
			go func(name string) {
				defer wg.Done()
				m := mailer.Sender{Store: s, URL: "smtp://" + smtpd.ln.Addr().String(), From: "sct@example.vn", Name: name, Log: log}
				if _, err := m.SendPending(context.Background()); err != nil {
					t.Error(err)
				}
			}(name)
		}
		wg.Wait()
		smtpd.mu.Lock()
		defer smtpd.mu.Unlock()
		if len(smtpd.msgs) != n {
			t.Errorf("%d messages delivered for %d queued", len(smtpd.msgs), n)
		}
		if len(smtpd.msgs) > 0 && !strings.Contains(smtpd.msgs[0], "Subject: =?utf-8?q?") {
			t.Errorf("message: %.300s", smtpd.msgs[0])
		}
		box, err := s.Outbox(sys, 100)
		if err != nil || len(box) != n || box[0].SentAt == nil {
			t.Errorf("outbox: %d, %v", len(box), err)
		}
	})
}
