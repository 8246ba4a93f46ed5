// Package mailer sends the outbox's messages through an SMTP server: each
// claimed by one process, sent, and marked sent, so that several processes
// on one database send each message once.
package mailer

import (
	"context"
	"fmt"
	"log/slog"
	"mime"
	"net"
	"net/smtp"
	"net/url"
	"strings"
	"time"

	"congthuong/internal/db"
)

// Sender sends the outbox.
type Sender struct {
	DB *db.DB
	// URL is smtp://[user:password@]host:port.
	URL  string
	From string
	// Name tells this process from the others in claims.
	Name string
	Log  *slog.Logger
	// Idle is how long to wait when the outbox is empty.
	Idle time.Duration
}

// staleClaim is how long a claim holds: a process that stopped mid-send
// leaves the message to another after it.
const staleClaim = 5 * time.Minute

// Run sends until ctx ends.
func (s *Sender) Run(ctx context.Context) {
	idle := s.Idle
	if idle == 0 {
		idle = 2 * time.Second
	}
	for ctx.Err() == nil {
		n, err := s.SendPending(ctx)
		if err != nil {
			s.Log.Error("mailer", "err", err)
		}
		if n == 0 || err != nil {
			select {
			case <-ctx.Done():
			case <-time.After(idle):
			}
		}
	}
}

// SendPending sends the messages waiting now and returns how many it sent.
func (s *Sender) SendPending(ctx context.Context) (int, error) {
	sent := 0
	for {
		m, err := s.DB.ClaimMail(ctx, s.Name, staleClaim)
		if err != nil || m == nil {
			return sent, err
		}
		sendErr := s.send(m)
		if err := s.DB.MailSent(ctx, m.ID, sendErr); err != nil {
			return sent, err
		}
		if sendErr != nil {
			return sent, fmt.Errorf("mailer: message %d: %w", m.ID, sendErr)
		}
		sent++
	}
}

func (s *Sender) send(m *db.Mail) error {
	u, err := url.Parse(s.URL)
	if err != nil || u.Scheme != "smtp" || u.Host == "" {
		return fmt.Errorf("mailer: the SMTP URL is smtp://[user:password@]host:port")
	}
	var auth smtp.Auth
	if u.User != nil {
		pw, _ := u.User.Password()
		host, _, _ := net.SplitHostPort(u.Host)
		auth = smtp.PlainAuth("", u.User.Username(), pw, host)
	}
	msg := "From: " + s.From + "\r\nTo: " + m.To + "\r\nSubject: " + mime.QEncoding.Encode("utf-8", m.Subject) +
		"\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
		strings.ReplaceAll(m.Body, "\n", "\r\n")
	return smtp.SendMail(u.Host, auth, s.From, []string{m.To}, []byte(msg))
}
