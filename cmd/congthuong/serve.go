package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/commerce"
	"congthuong/internal/config"
	"congthuong/internal/mailer"
	"congthuong/internal/procedure/proceduredb"
	"congthuong/internal/setup"
	"congthuong/internal/site"
	"congthuong/internal/store"
	"congthuong/internal/web"
)

// Main is a running platform: configuration, store and HTTP server. Tests
// start it on 127.0.0.1:0 with a temporary data folder.
type Main struct {
	Config config.Config
	Store  *store.Store
	Log    *slog.Logger
	// Out receives what an operator must see once (the one-time password).
	Out io.Writer

	listener net.Listener
	server   *http.Server
	// stopMail stops the outbox sender, when one runs.
	stopMail context.CancelFunc
	mailDone chan struct{}
	// stopMaint stops the hourly maintenance.
	stopMaint context.CancelFunc
	done      chan error
}

// Run opens the database, prepares it, and starts serving in the
// background.
func (m *Main) Run(ctx context.Context) error {
	leads, err := commerce.ParseReminderLeads(m.Config.LicenceReminders)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, m.Config.DatabaseURL, m.Config.DataDir)
	if err != nil {
		return err
	}
	m.Store = st
	st.SetLogger(m.Log)
	st.Schedules.SetOptions(m.Config.CalendarOptions())
	st.Procedures.SiteURL = m.Config.PublicURL
	st.News.SiteURL = m.Config.PublicURL
	st.Questions.SiteURL = m.Config.PublicURL
	st.Commerce.SiteURL = m.Config.PublicURL
	st.Procedures.FeeAccount = proceduredb.FeeAccount{BIN: m.Config.FeeBankBIN, Number: m.Config.FeeAccount, Name: m.Config.FeeAccountName}
	if st.Procedures.FeeAccount.BIN == "" && m.Config.Demo {
		// A made-up account, so that the demo shows a payment code.
		st.Procedures.FeeAccount = proceduredb.FeeAccount{BIN: "970415", Number: "0000123456789", Name: "SO CONG THUONG (MAU)"}
	}
	if m.Config.FilesDir != "" {
		st.SetFilesDir(m.Config.FilesDir)
	}
	if m.Config.AnalyticsURL != "" {
		if err := st.UseAnalyticsReplica(m.Config.AnalyticsURL); err != nil {
			return err
		}
	}
	res, err := setup.Prepare(ctx, st, m.Log, setup.Options{Demo: m.Config.Demo, AdminPassword: m.Config.AdminPassword,
		AuditKey: func(ctx context.Context) error {
			_, err := useAuditKey(ctx, st, m.Config)
			return err
		}})
	if err != nil {
		return err
	}
	if err := st.Optimize(ctx); err != nil {
		m.Log.Warn("optimize", "err", err)
	}
	if res.AdminPassword != "" {
		fmt.Fprintf(m.Out, "\n  Administrator created. User name: %s  One-time password: %s\n"+
			"  It is shown only this once; you will be asked to change it at first login.\n\n",
			setup.AdminUsername, res.AdminPassword)
	}
	proxies, err := m.Config.Proxies()
	if err != nil {
		return err
	}
	dept, err := department(m.Config)
	if err != nil {
		return err
	}
	h, err := site.New(st, m.Log, web.Options{Department: dept, SecureCookies: m.Config.SecureCookies, Demo: setup.IsDemo(ctx, st),
		MapTiles: m.Config.MapTiles, MapAttribution: m.Config.MapAttribution,
		SMTP: m.Config.SMTPURL != "", TrustedProxies: proxies, MetricsToken: m.Config.MetricsToken,
		Contact: contact(m.Config), PublicURL: m.Config.PublicURL})
	if err != nil {
		return err
	}
	if m.listener, err = net.Listen("tcp", m.Config.Addr); err != nil {
		return err
	}
	m.server = &http.Server{
		Handler:           h,
		ReadHeaderTimeout: m.Config.HeaderTimeout,
		// Uploads are read whole before any transaction begins, so a slow
		// client holds its connection, never the database's writer.
		ReadTimeout:  m.Config.ReadTimeout,
		WriteTimeout: m.Config.ReadTimeout + 3*time.Minute,
		IdleTimeout:  2 * time.Minute,
		ErrorLog:     slog.NewLogLogger(m.Log.Handler(), slog.LevelWarn),
	}
	m.done = make(chan error, 1)
	go func() { m.done <- m.server.Serve(m.listener) }()
	if m.Config.SMTPURL != "" {
		host, _ := os.Hostname()
		sender := &mailer.Sender{DB: st.DB, URL: m.Config.SMTPURL, From: m.Config.MailFrom, Log: m.Log,
			Name: fmt.Sprintf("%s/%d", host, os.Getpid())}
		mailCtx, cancel := context.WithCancel(context.Background())
		m.stopMail, m.mailDone = cancel, make(chan struct{})
		go func() { sender.Run(mailCtx); close(m.mailDone) }()
	}
	maintCtx, stopMaint := context.WithCancel(context.Background())
	m.stopMaint = stopMaint
	go maintain(maintCtx, st, m.Log, leads)
	m.Log.Info("listening", "url", m.URL(), "dialect", st.Dialect.Name)
	return nil
}

// URL is the address the server listens on.
func (m *Main) URL() string {
	if m.listener == nil {
		return ""
	}
	addr := m.listener.Addr().(*net.TCPAddr)
	host := addr.IP.String()
	if addr.IP.IsUnspecified() {
		host = "localhost"
	}
	return fmt.Sprintf("http://%s", net.JoinHostPort(host, fmt.Sprint(addr.Port)))
}

// Close stops accepting requests, lets running ones finish (up to 20 s) and
// closes the database. Calling it again does nothing.
func (m *Main) Close() error {
	var err error
	if m.stopMaint != nil {
		m.stopMaint()
		m.stopMaint = nil
	}
	if m.stopMail != nil {
		m.stopMail()
		<-m.mailDone
		m.stopMail = nil
	}
	if m.server != nil {
		defer func() { m.server = nil }()
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		err = m.server.Shutdown(ctx)
		if e := <-m.done; e != nil && !errors.Is(e, http.ErrServerClosed) && err == nil {
			err = e
		}
	}
	if m.Store != nil {
		if e := m.Store.Close(); err == nil {
			err = e
		}
		m.Store = nil
	}
	return err
}

// maintain refreshes the database's planner statistics every hour, as
// tables grow (store.Optimize), and reminds the holders of licences ending
// soon (at start, then hourly: a reminder goes once); every minute it
// tells the news' subscribers of the articles whose scheduled time has
// come.
func maintain(ctx context.Context, st *store.Store, log *slog.Logger, leads []int) {
	hourly, minutely := time.NewTicker(time.Hour), time.NewTicker(time.Minute)
	defer hourly.Stop()
	defer minutely.Stop()
	remind := func() {
		cal, err := st.Schedules.Current(ctx)
		if err == nil {
			var n int
			if n, err = st.Commerce.SendReminders(ctx, calendar.DateOf(st.Now().In(congthuong.Location)), cal, leads); n > 0 {
				log.Info("licence reminders", "licences", n)
			}
		}
		if err != nil && ctx.Err() == nil {
			log.Warn("licence reminders", "err", err)
		}
	}
	remind()
	for {
		select {
		case <-ctx.Done():
			return
		case <-hourly.C:
			if err := st.Optimize(ctx); err != nil && ctx.Err() == nil {
				log.Warn("optimize", "err", err)
			}
			remind()
		case <-minutely.C:
			if _, err := st.News.NotifyDue(ctx); err != nil && ctx.Err() == nil {
				log.Warn("news subscribers", "err", err)
			}
		}
	}
}

func newLogger(c config.Config, w io.Writer) *slog.Logger {
	var level slog.Level
	level.UnmarshalText([]byte(c.LogLevel))
	opts := &slog.HandlerOptions{Level: level}
	if c.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	c, _, err := config.Load("serve", args, getenv, stderr)
	if err != nil {
		return err
	}
	log := newLogger(c, stderr)
	log.Info("starting", "version", version(), "config", fmt.Sprintf("%+v", c.Redacted()))
	m := &Main{Config: c, Log: log, Out: stdout}
	if err := m.Run(ctx); err != nil {
		m.Close()
		return err
	}
	select {
	case <-ctx.Done():
		log.Info("shutting down")
	case err := <-m.done:
		m.done <- err // Close reads it
		log.Error("server stopped", "err", err)
	}
	return m.Close()
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" {
				return s.Value
			}
		}
		return bi.Main.Version
	}
	return "unknown"
}

// contact is the department's contact for the footer; the demo shows a
// made-up one so that the footer looks as it will.
// department reads who the platform speaks for from the settings, and its
// logo from its file.
func department(c config.Config) (web.Department, error) {
	d := web.Department{Name: c.DepartmentName, NameEN: c.DepartmentNameEN, Province: c.Province}
	if d.Name == "" && c.Demo {
		d.Name, d.NameEN = "Sở Công Thương thành phố Hải Phòng (mẫu)", "Hai Phong Department of Industry and Trade (demo)"
	}
	if c.Logo == "" {
		return d, nil
	}
	f, err := os.Open(c.Logo)
	if err != nil {
		return d, fmt.Errorf("logo: %w", err)
	}
	defer f.Close()
	d.Logo, err = io.ReadAll(io.LimitReader(f, maxLogo+1))
	switch {
	case err != nil:
		return d, fmt.Errorf("logo: %w", err)
	case len(d.Logo) > maxLogo:
		return d, fmt.Errorf("logo: %s is larger than %d KB", c.Logo, maxLogo/1024)
	}
	switch t := http.DetectContentType(d.Logo); {
	case t == "image/png" || t == "image/jpeg":
		d.LogoType = t
	case strings.HasSuffix(strings.ToLower(c.Logo), ".svg"):
		d.LogoType = "image/svg+xml"
	default:
		return d, fmt.Errorf("logo: %s is not a PNG, JPEG or SVG image", c.Logo)
	}
	return d, nil
}

// maxLogo bounds the logo's file: it is kept in memory and sent with pages.
const maxLogo = 256 << 10

func contact(c config.Config) web.Contact {
	out := web.Contact{Address: c.ContactAddress, Phone: c.ContactPhone, Email: c.ContactEmail}
	if out == (web.Contact{}) && c.Demo {
		out = web.Contact{Address: "Số 1 đường Mẫu, Hải Phòng (mẫu)", Phone: "0225 000 0000", Email: "soct@example.vn"}
	}
	return out
}
