package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"congthuong"
	"congthuong/internal/auth"
	"congthuong/internal/config"
	"congthuong/internal/enterprise"
	"congthuong/internal/park"
	"congthuong/internal/setup"
	"congthuong/internal/stats"
	"congthuong/internal/store"
)

// openPrepared opens and prepares the configured database for a command,
// acting as the system.
func openPrepared(ctx context.Context, name string, args []string, stderr io.Writer, getenv func(string) string) (context.Context, *store.Store, []string, error) {
	ctx, st, _, rest, err := openConfigured(ctx, name, args, stderr, getenv)
	return ctx, st, rest, err
}

// openConfigured is openPrepared that also returns the configuration.
func openConfigured(ctx context.Context, name string, args []string, stderr io.Writer, getenv func(string) string) (context.Context, *store.Store, config.Config, []string, error) {
	c, rest, err := config.Load(name, args, getenv, stderr)
	if err != nil {
		return nil, nil, c, nil, err
	}
	st, err := store.Open(ctx, c.DatabaseURL, c.DataDir)
	if err != nil {
		return nil, nil, c, nil, err
	}
	if c.FilesDir != "" {
		st.SetFilesDir(c.FilesDir)
	}
	if _, err := setup.Prepare(ctx, st, newLogger(config.Config{LogLevel: "warn", LogFormat: "text"}, stderr),
		setup.Options{AdminPassword: c.AdminPassword, AuditKey: func(ctx context.Context) error {
			_, err := useAuditKey(ctx, st, c)
			return err
		}}); err != nil {
		st.Close()
		return nil, nil, c, nil, err
	}
	return congthuong.NewContext(ctx, congthuong.System()), st, c, rest, nil
}

func cmdMigrate(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	c, _, err := config.Load("migrate", args, getenv, stderr)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, c.DatabaseURL, c.DataDir)
	if err != nil {
		return err
	}
	defer st.Close()
	applied, err := st.Migrate(ctx)
	if err != nil {
		return err
	}
	if len(applied) == 0 {
		fmt.Fprintln(stdout, "database is up to date")
	}
	for _, name := range applied {
		fmt.Fprintln(stdout, "applied", name)
	}
	return nil
}

func cmdUser(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	if len(args) == 0 {
		return errors.New("user: say add or reset-password")
	}
	sub := args[0]
	ctx, st, rest, err := openPrepared(ctx, "user "+sub, args[1:], stderr, getenv)
	if err != nil {
		return err
	}
	defer st.Close()
	password, err := auth.NewPassword()
	if err != nil {
		return err
	}
	switch sub {
	case "add":
		if len(rest) < 3 {
			return errors.New("usage: congthuong user add NAME ROLE UNIT [TAX_CODE]  (ROLE: admin, leader, officer, commune, enterprise)")
		}
		u := &auth.User{Username: rest[0], DisplayName: rest[0], Role: congthuong.Role(rest[1]), UnitCode: rest[2],
			Active: true, MustChangePassword: true}
		if len(rest) > 3 {
			u.TaxCode = rest[3]
		}
		if err := st.CreateUser(ctx, u, password); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "user %s created; one-time password: %s\n", u.Username, password)
	case "reset-password":
		if len(rest) != 1 {
			return errors.New("usage: congthuong user reset-password NAME")
		}
		u, err := st.FindUserByUsername(ctx, rest[0])
		if err != nil {
			return err
		}
		if err := st.ResetPassword(ctx, u.ID, password, true); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "new one-time password for %s: %s\n", u.Username, password)
	default:
		return fmt.Errorf("user: unknown subcommand %q", sub)
	}
	return nil
}

func cmdAudit(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	if len(args) == 0 || args[0] != "verify" {
		return errors.New("usage: congthuong audit verify")
	}
	ctx, st, c, _, err := openConfigured(ctx, "audit verify", args[1:], stderr, getenv)
	if err != nil {
		return err
	}
	defer st.Close()
	check, err := anchorAudit(ctx, st, c, st.AuditKey(), "verify")
	if err != nil {
		return err
	}
	if b := check.Broken; b != nil {
		return fmt.Errorf("audit log broken at entry %d of %d checked: %s", b.ID, check.Entries, b.Reason)
	}
	fmt.Fprintf(stdout, "audit log intact: %d entries; head %d %s recorded in %s\n", check.Entries, check.Head.ID, check.Head.Hash, c.AnchorsPath())
	return nil
}

func cmdImport(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	const usage = "usage: congthuong import enterprises|values|parks|tenants FILE"
	if len(args) == 0 || !slices.Contains([]string{"enterprises", "values", "parks", "tenants"}, args[0]) {
		return errors.New(usage)
	}
	ctx, st, rest, err := openPrepared(ctx, "import "+args[0], args[1:], stderr, getenv)
	if err != nil {
		return err
	}
	defer st.Close()
	if len(rest) != 1 {
		return errors.New(usage)
	}
	f, err := os.Open(rest[0])
	if err != nil {
		return err
	}
	defer f.Close()
	if args[0] == "values" {
		res, err := st.ImportValues(ctx, stats.ReadValueImport(f), false)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%d rows: %d created, %d revised, %d unchanged\n", res.Rows, res.Created, res.Updated, res.Unchanged)
		for _, w := range res.Warnings {
			fmt.Fprintf(stdout, "warning: row %d, %s: %s\n", w.Row, w.Field, w.Message)
		}
		return nil
	}
	var res store.ImportResult
	switch args[0] {
	case "parks":
		body, err := io.ReadAll(f)
		if err != nil {
			return err
		}
		res, err = st.ImportParks(ctx, park.ReadSiteFile(body), false)
		if err != nil {
			return err
		}
	case "tenants":
		if res, err = st.ImportTenants(ctx, park.ReadTenants(f), false); err != nil {
			return err
		}
	default:
		if res, err = st.ImportEnterpriseFile(ctx, enterprise.ReadImport(f), false); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "%d rows: %d created, %d updated, %d unchanged\n", res.Rows, res.Created, res.Updated, res.Unchanged)
	return nil
}

func cmdBackup(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	ctx, st, c, rest, err := openConfigured(ctx, "backup", args, stderr, getenv)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		st.Close()
		return errors.New("usage: congthuong backup FILE")
	}
	defer st.Close()
	// The backup's audit head is anchored, so that a log later cut back
	// below it shows; a broken chain is reported, and the backup still made.
	check, err := anchorAudit(ctx, st, c, st.AuditKey(), "backup")
	if err != nil {
		return err
	}
	if err := st.Backup(ctx, rest[0]); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "backup written to", rest[0])
	if b := check.Broken; b != nil {
		return fmt.Errorf("audit log broken at entry %d of %d checked: %s", b.ID, check.Entries, b.Reason)
	}
	return nil
}

func cmdRestore(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	c, rest, err := config.Load("restore", args, getenv, stderr)
	if err != nil {
		return err
	}
	if len(rest) != 1 || c.DatabaseURL != "" {
		return errors.New("usage: congthuong restore FILE  (SQLite only; stop the server first; PostgreSQL uses pg_restore)")
	}
	kept, err := store.RestoreSQLite(ctx, rest[0], c.DataDir)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "restored from", rest[0])
	if kept != "" {
		fmt.Fprintln(stdout, "the replaced database was kept as", kept)
	}
	return nil
}
