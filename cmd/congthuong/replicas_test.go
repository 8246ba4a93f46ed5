package main

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"congthuong/internal/smtptest"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

// proxy forwards loopback connections to a database server, and can cut
// them all and refuse new ones, as a lost database would.
type proxy struct {
	target string
	mu     sync.Mutex
	ln     net.Listener
	addr   string
	conns  []net.Conn
}

func startProxy(t *testing.T, target string) *proxy {
	p := &proxy{target: target}
	p.up(t)
	t.Cleanup(p.down)
	return p
}

func (p *proxy) up(t *testing.T) {
	addr := p.addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	p.mu.Lock()
	p.ln, p.addr = ln, ln.Addr().String()
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			d, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, d)
			p.mu.Unlock()
			go func() { io.Copy(d, c); d.Close() }()
			go func() { io.Copy(c, d); c.Close() }()
		}
	}()
}

// down closes the listener and every connection.
func (p *proxy) down() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// TestTwoReplicas starts two processes on one PostgreSQL database at once
// and checks what a deployment of several replicas relies on: the
// migrations ran once, a session made on one is valid on the other, an
// e-mail queued by either is sent once, and /readyz follows the database
// going away and coming back.
func TestTwoReplicas(t *testing.T) {
	dbURL := storetest.EmptyPostgres(t)
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	px := startProxy(t, u.Host)
	u.Host = px.addr
	viaProxy := u.String()
	smtpd := smtptest.Start(t)
	// The replicas share the audit key, as shared storage would give it them.
	mail := []string{"CONGTHUONG_SMTP_URL=" + smtpd.URL(), "CONGTHUONG_MAIL_FROM=sct@example.vn",
		"CONGTHUONG_AUDIT_KEY_FILE=" + filepath.Join(t.TempDir(), "audit.key")}
	a, b := freeAddr(t), freeAddr(t)
	dirA, dirB := t.TempDir(), t.TempDir()
	launchChild(t, dirA, viaProxy, a, mail...)
	launchChild(t, dirB, viaProxy, b, mail...)
	waitReady(t, a)
	waitReady(t, b)

	// Migrations ran once: every file is recorded once.
	db, err := sql.Open("pgx", dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	files, _ := fs.Glob(store.Migrations(), "migrations/postgres/*.sql")
	var applied, distinct int
	if err := db.QueryRow(`SELECT COUNT(*), COUNT(DISTINCT name) FROM schema_migrations`).Scan(&applied, &distinct); err != nil ||
		applied != len(files) || distinct != len(files) {
		t.Errorf("schema_migrations holds %d rows (%d names) for %d migrations: %v", applied, distinct, len(files), err)
	}

	// A session made on A is valid on B.
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := noRedirect.PostForm("http://"+a+"/login", url.Values{"username": {"admin"}, "password": {adminPassword}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	var session *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == "ct_session" {
			session = c
		}
	}
	if session == nil {
		t.Fatalf("login on A: %s, no session cookie", res.Status)
	}
	req, _ := http.NewRequest("GET", "http://"+b+"/api/v1/me", nil)
	req.AddCookie(session)
	if res, err := http.DefaultClient.Do(req); err != nil || res.StatusCode != 200 {
		t.Fatalf("A's session on B: %v %v", res, err)
	} else {
		res.Body.Close()
	}

	// Filings on both queue e-mails; the two senders deliver each once.
	const n = 10
	for i := 0; i < n; i++ {
		addr := a
		if i%2 == 1 {
			addr = b
		}
		body := []byte(`{"procedure_code":"CT-KM-MAYRUI","unit_code":"31","channel":1,"applicant":{"name":"Công ty Mẫu","phone":"0912345678","email":"lienhe@example.vn"},
			"form":{"tax_code":"0100233488","start_date":"2026-12-01","end_date":"2026-12-31"}}`)
		req, _ := http.NewRequest("POST", "http://"+addr+"/api/v1/dossiers", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.AddCookie(session)
		res, err := http.DefaultClient.Do(req)
		if err != nil || res.StatusCode != 201 {
			t.Fatalf("filing %d: %v %v", i, res, err)
		}
		res.Body.Close()
	}
	deadline := time.Now().Add(15 * time.Second)
	for len(smtpd.Messages()) < n && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(2500 * time.Millisecond) // a second sender would have sent its duplicates by now
	if got := len(smtpd.Messages()); got != n {
		t.Errorf("%d e-mails delivered for %d queued", got, n)
	}
	if m := smtpd.Messages(); len(m) > 0 && !strings.Contains(m[0], "To: lienhe@example.vn") {
		t.Errorf("e-mail: %.200s", m[0])
	}

	// The database goes away: /readyz says so at once; it comes back, and
	// so does the replica.
	ready := func(addr string) int {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, "GET", "http://"+addr+"/readyz", nil)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0
		}
		res.Body.Close()
		return res.StatusCode
	}
	px.down()
	start := time.Now()
	if code := ready(b); code != http.StatusServiceUnavailable {
		t.Errorf("readyz without the database: %d", code)
	}
	if d := time.Since(start); d > 4*time.Second {
		t.Errorf("readyz took %s to say the database is gone", d)
	}
	// Requests fail fast with 503 (to retry), not 500.
	start = time.Now()
	if res, err := http.Get("http://" + b + "/api/v1/procedures"); err != nil || res.StatusCode != http.StatusServiceUnavailable ||
		res.Header.Get("Retry-After") == "" {
		t.Errorf("a read without the database: %v %v", res, err)
	} else {
		res.Body.Close()
	}
	if d := time.Since(start); d > 4*time.Second {
		t.Errorf("the read took %s to fail", d)
	}
	px.up(t)
	deadline = time.Now().Add(15 * time.Second)
	for ready(b) != 200 && time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
	}
	if code := ready(b); code != 200 {
		t.Errorf("readyz after the database came back: %d", code)
	}
	if res, err := http.Get("http://" + b + "/api/v1/procedures"); err != nil || res.StatusCode != 200 {
		t.Errorf("a read after the database came back: %v %v", res, err)
	} else {
		res.Body.Close()
	}
}
