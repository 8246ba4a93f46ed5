// Package config reads the platform's settings from defaults, the
// environment (CONGTHUONG_*) and command-line flags, in that order of
// precedence. The result is passed down explicitly; there are no globals.
package config

import (
	"flag"
	"fmt"
	"io"
	"net/netip"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"congthuong/internal/calendar"
)

// Config is every setting the server needs.
type Config struct {
	Addr string
	// PublicURL is the address people reach the platform at, for the
	// links in e-mails (https://dichvucong.soct.example.gov.vn).
	PublicURL   string
	DataDir     string
	DatabaseURL string
	// AnalyticsURL names a streaming replica of DatabaseURL that the
	// analytics read from; empty: the primary.
	AnalyticsURL  string
	Demo          bool
	AdminPassword string
	LogLevel      string
	LogFormat     string
	// SecureCookies sets the Secure flag on session cookies. Browsers accept
	// Secure cookies on http://localhost, so it stays on unless the platform
	// is reached over plain HTTP on another host name.
	SecureCookies bool
	// OfficeHours are the agency's hours that working-hour terms count and
	// day terms close on, e.g. "07:30-11:30,13:30-17:00".
	OfficeHours string
	// StateSchedule counts deadlines on the Government's schedule for civil
	// servants (swapped days off, make-up Saturdays) as well as the law.
	StateSchedule bool
	// MapTiles is the tile source of the investor map, an https URL
	// template with {z}, {x} and {y} (and {s} for subdomains); empty draws
	// the sites on a plain background, offline. MapAttribution credits it.
	MapTiles       string
	MapAttribution string
	// SMTPURL (smtp://[user:password@]host:port) sends the applicants'
	// e-mails, from MailFrom; empty keeps them in the outbox, which
	// administrators read in the interface.
	SMTPURL  string
	MailFrom string
	// FeeBankBIN, FeeAccount and FeeAccountName are the bank account fees
	// are paid to by VietQR transfer; empty, fees are paid at the desk.
	FeeBankBIN, FeeAccount, FeeAccountName string
	// LicenceReminders are the working days before a licence's last day
	// its holder and desk are reminded, largest first ("30,10").
	LicenceReminders string
	// ContactAddress, ContactPhone and ContactEmail are the department's,
	// at the foot of every page.
	ContactAddress, ContactPhone, ContactEmail string
	// DepartmentName and DepartmentNameEN name the department in the
	// header and on the home page; Province is its province's code; Logo
	// is a PNG, JPEG or SVG file of its logo.
	DepartmentName, DepartmentNameEN, Province, Logo string
	// FilesDir holds uploaded files (shared storage when several processes
	// serve one PostgreSQL database); empty: files/ in the data folder.
	FilesDir string
	// HeaderTimeout bounds how long a client may take to send a request's
	// headers, ReadTimeout its whole request (uploads included): a slow or
	// stalled client is cut off instead of holding a connection.
	HeaderTimeout time.Duration
	ReadTimeout   time.Duration
	// TrustedProxies lists the reverse proxies (addresses or CIDR prefixes,
	// comma-separated) whose X-Forwarded-For header names the client: the
	// address logins are throttled by and logs show.
	TrustedProxies string
	// MetricsToken lets /metrics answer requests that bear it; without it
	// /metrics answers the local machine only.
	MetricsToken string
	// AuditKeyFile holds the key that seals the audit log; empty: audit.key
	// in the data folder. Anchors are kept beside it.
	AuditKeyFile string
}

// AuditKeyPath is where the audit key is read from (and made on first
// start), and AnchorsPath where the audit chain's anchors are kept: beside
// the key, outside the database.
func (c Config) AuditKeyPath() string {
	if c.AuditKeyFile != "" {
		return c.AuditKeyFile
	}
	return filepath.Join(c.DataDir, "audit.key")
}

// AnchorsPath is the file of the audit chain's anchors (audit.Anchor).
func (c Config) AnchorsPath() string {
	return filepath.Join(filepath.Dir(c.AuditKeyPath()), "audit-anchors.log")
}

// Default returns the settings used when nothing is configured.
func Default() Config {
	return Config{
		Addr:             ":8080",
		PublicURL:        "http://localhost:8080",
		LicenceReminders: "30,10",
		Province:         "31",
		DataDir:          "./congthuong-data",
		LogLevel:         "info",
		LogFormat:        "text",
		SecureCookies:    true,
		OfficeHours:      "07:30-11:30,13:30-17:00",
		StateSchedule:    true,
		HeaderTimeout:    10 * time.Second,
		ReadTimeout:      2 * time.Minute, // a 64 MiB import on a slow link
	}
}

// Setting describes one setting for the README table and -help.
type Setting struct {
	Flag, Env, Default, Usage string
}

// Load builds a Config from the environment (getenv) and the flags in args.
// It returns the remaining arguments.
func Load(name string, args []string, getenv func(string) string, out io.Writer) (Config, []string, error) {
	c := Default()
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(out)
	var errs []string
	str := func(p *string, flagName, env, usage string) {
		if v := getenv(env); v != "" {
			*p = v
		}
		fs.StringVar(p, flagName, *p, usage+" ("+env+")")
	}
	boolean := func(p *bool, flagName, env, usage string) {
		fromEnv(getenv, env, p, strconv.ParseBool, "true or false", &errs)
		fs.BoolVar(p, flagName, *p, usage+" ("+env+")")
	}
	str(&c.Addr, "addr", "CONGTHUONG_ADDR", "address to listen on")
	str(&c.PublicURL, "public-url", "CONGTHUONG_PUBLIC_URL", "the address people reach the platform at, for links in e-mails")
	str(&c.DataDir, "data", "CONGTHUONG_DATA", "data folder: SQLite database, attachments, backups")
	str(&c.DatabaseURL, "database-url", "CONGTHUONG_DATABASE_URL", "postgres:// URL; empty for the embedded SQLite database")
	str(&c.AnalyticsURL, "analytics-database-url", "CONGTHUONG_ANALYTICS_DATABASE_URL", "postgres:// URL of a read-only streaming replica the analytics read from; empty: the primary")
	boolean(&c.Demo, "demo", "CONGTHUONG_DEMO", "load demo data on first start")
	str(&c.LogLevel, "log-level", "CONGTHUONG_LOG_LEVEL", "debug, info, warn or error")
	str(&c.LogFormat, "log-format", "CONGTHUONG_LOG_FORMAT", "text or json")
	boolean(&c.SecureCookies, "secure-cookies", "CONGTHUONG_SECURE_COOKIES", "mark session cookies Secure")
	str(&c.OfficeHours, "office-hours", "CONGTHUONG_OFFICE_HOURS", "office hours of working days, for deadlines")
	str(&c.MapTiles, "map-tiles", "CONGTHUONG_MAP_TILES", "tile URL template of the investor map, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png; empty: no tiles, offline")
	str(&c.SMTPURL, "smtp-url", "CONGTHUONG_SMTP_URL", "smtp://[user:password@]host:port that sends e-mails; empty: they stay in the outbox")
	str(&c.MailFrom, "mail-from", "CONGTHUONG_MAIL_FROM", "the address e-mails come from")
	str(&c.ContactAddress, "contact-address", "CONGTHUONG_CONTACT_ADDRESS", "the department's address, at the foot of every page")
	str(&c.ContactPhone, "contact-phone", "CONGTHUONG_CONTACT_PHONE", "the department's phone or hotline, at the foot of every page")
	str(&c.ContactEmail, "contact-email", "CONGTHUONG_CONTACT_EMAIL", "the department's e-mail, at the foot of every page")
	str(&c.DepartmentName, "department-name", "CONGTHUONG_DEPARTMENT_NAME", "the department's name, in the header and on the home page; empty: the platform's")
	str(&c.DepartmentNameEN, "department-name-en", "CONGTHUONG_DEPARTMENT_NAME_EN", "the department's name in English")
	str(&c.Province, "province", "CONGTHUONG_PROVINCE", "the code of the department's province (two digits), where public pages begin")
	str(&c.Logo, "logo", "CONGTHUONG_LOGO", "a PNG, JPEG or SVG file of the department's logo, at most 256 KB")
	str(&c.FeeBankBIN, "fee-bank-bin", "CONGTHUONG_FEE_BANK_BIN", "NAPAS BIN (6 digits) of the bank fees are paid to")
	str(&c.FeeAccount, "fee-account", "CONGTHUONG_FEE_ACCOUNT", "account number fees are paid to, by VietQR transfer")
	str(&c.FeeAccountName, "fee-account-name", "CONGTHUONG_FEE_ACCOUNT_NAME", "holder of the account fees are paid to")
	str(&c.MapAttribution, "map-attribution", "CONGTHUONG_MAP_ATTRIBUTION", "credit shown for the map tiles")
	boolean(&c.StateSchedule, "state-schedule", "CONGTHUONG_STATE_SCHEDULE", "count deadlines on the civil servants' yearly schedule (swapped days, make-up Saturdays)")
	str(&c.LicenceReminders, "licence-reminders", "CONGTHUONG_LICENCE_REMINDERS", "working days before a licence ends that its holder and desk are reminded, largest first")
	str(&c.FilesDir, "files", "CONGTHUONG_FILES", "folder of uploaded files, shared by every process of one database; empty: files/ in the data folder")
	duration := func(p *time.Duration, flagName, env, usage string) {
		fromEnv(getenv, env, p, time.ParseDuration, "a duration such as 30s or 2m", &errs)
		fs.DurationVar(p, flagName, *p, usage+" ("+env+")")
	}
	duration(&c.HeaderTimeout, "header-timeout", "CONGTHUONG_HEADER_TIMEOUT", "time a client has to send a request's headers")
	duration(&c.ReadTimeout, "read-timeout", "CONGTHUONG_READ_TIMEOUT", "time a client has to send a whole request, uploads included")
	str(&c.AuditKeyFile, "audit-key-file", "CONGTHUONG_AUDIT_KEY_FILE", "file of the key that seals the audit log (made on first start); empty: audit.key in the data folder")
	str(&c.TrustedProxies, "trusted-proxies", "CONGTHUONG_TRUSTED_PROXIES", "reverse proxies (addresses or CIDR prefixes, comma-separated) whose X-Forwarded-For names the client; empty: none")
	c.AdminPassword = getenv("CONGTHUONG_ADMIN_PASSWORD")
	c.MetricsToken = getenv("CONGTHUONG_METRICS_TOKEN")
	if len(errs) > 0 {
		return c, nil, fmt.Errorf("config: %s", strings.Join(errs, "; "))
	}
	if err := fs.Parse(args); err != nil {
		return c, nil, err
	}
	return c, fs.Args(), c.Validate()
}

// fromEnv sets *p from the environment variable env when it is set; a value
// parse refuses is reported as not being want.
func fromEnv[T any](getenv func(string) string, env string, p *T, parse func(string) (T, error), want string, errs *[]string) {
	if v := getenv(env); v != "" {
		x, err := parse(v)
		if err != nil {
			*errs = append(*errs, fmt.Sprintf("%s=%q is not %s", env, v, want))
		}
		*p = x
	}
}

// Validate checks the settings that can be checked without starting.
func (c Config) Validate() error {
	var errs []string
	if c.Addr == "" {
		errs = append(errs, "addr is empty")
	}
	if u := c.PublicURL; !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		errs = append(errs, "public URL must start with https:// or http://")
	}
	if p := c.Province; len(p) != 2 || strings.Trim(p, "0123456789") != "" {
		errs = append(errs, "the province is a code of two digits, such as 31")
	}
	if b := c.FeeBankBIN; b != "" && (len(b) != 6 || strings.Trim(b, "0123456789") != "" || c.FeeAccount == "") {
		errs = append(errs, "the fee bank's BIN is six digits, with an account number")
	}
	if c.DatabaseURL == "" && c.DataDir == "" {
		errs = append(errs, "data folder is empty and no database URL is set")
	}
	if c.DatabaseURL != "" && !strings.HasPrefix(c.DatabaseURL, "postgres://") && !strings.HasPrefix(c.DatabaseURL, "postgresql://") {
		errs = append(errs, "database URL must start with postgres://")
	}
	if c.AnalyticsURL != "" && (c.DatabaseURL == "" || (!strings.HasPrefix(c.AnalyticsURL, "postgres://") && !strings.HasPrefix(c.AnalyticsURL, "postgresql://"))) {
		errs = append(errs, "the analytics database URL must start with postgres://, and needs a PostgreSQL database URL")
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, "log level must be debug, info, warn or error")
	}
	switch c.LogFormat {
	case "text", "json":
	default:
		errs = append(errs, "log format must be text or json")
	}
	if _, err := calendar.ParseOfficeHours(c.OfficeHours); err != nil {
		errs = append(errs, err.Error())
	}
	if t := c.MapTiles; t != "" && (!strings.HasPrefix(t, "https://") || !strings.Contains(t, "{z}") || !strings.Contains(t, "{x}") || !strings.Contains(t, "{y}")) {
		errs = append(errs, "map tiles must be an https:// URL template with {z}, {x} and {y}")
	}
	if c.SMTPURL != "" && (!strings.HasPrefix(c.SMTPURL, "smtp://") || c.MailFrom == "") {
		errs = append(errs, "the SMTP URL is smtp://[user:password@]host:port, with a mail-from address")
	}
	if c.HeaderTimeout <= 0 || c.ReadTimeout < c.HeaderTimeout {
		errs = append(errs, "the header timeout must be positive and the read timeout at least as long")
	}
	if _, err := c.Proxies(); err != nil {
		errs = append(errs, err.Error())
	}
	if c.MetricsToken != "" && len(c.MetricsToken) < 16 {
		errs = append(errs, "CONGTHUONG_METRICS_TOKEN must have at least 16 characters")
	}
	if c.AdminPassword != "" && len(c.AdminPassword) < 10 {
		errs = append(errs, "CONGTHUONG_ADMIN_PASSWORD must have at least 10 characters")
	}
	if len(errs) > 0 {
		return fmt.Errorf("config: %s", strings.Join(errs, "; "))
	}
	return nil
}

// Redacted returns the settings with secrets hidden, for logs.
func (c Config) Redacted() Config {
	if c.AdminPassword != "" {
		c.AdminPassword = "********"
	}
	if c.MetricsToken != "" {
		c.MetricsToken = "********"
	}
	if i := strings.Index(c.SMTPURL, "@"); i > 0 {
		c.SMTPURL = "smtp://********" + c.SMTPURL[i:]
	}
	c.DatabaseURL, c.AnalyticsURL = redactURL(c.DatabaseURL), redactURL(c.AnalyticsURL)
	return c
}

// redactURL hides the password of a postgres:// URL.
func redactURL(u string) string {
	if i := strings.Index(u, "@"); i > 0 {
		if j := strings.Index(u, "://"); j > 0 && j < i {
			userinfo := u[j+3 : i]
			if k := strings.IndexByte(userinfo, ':'); k >= 0 {
				return u[:j+3] + userinfo[:k] + ":********" + u[i:]
			}
		}
	}
	return u
}

// CalendarOptions returns the calendar settings; Validate has checked them.
func (c Config) CalendarOptions() calendar.Options {
	hours, err := calendar.ParseOfficeHours(c.OfficeHours)
	if err != nil {
		hours = calendar.DefaultOfficeHours
	}
	return calendar.Options{WithoutStateSchedule: !c.StateSchedule, OfficeHours: hours}
}

// Proxies returns the trusted proxies as prefixes.
func (c Config) Proxies() ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(c.TrustedProxies, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if p, err := netip.ParsePrefix(f); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(f)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q is neither an address nor a CIDR prefix", f)
		}
		out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
	}
	return out, nil
}
