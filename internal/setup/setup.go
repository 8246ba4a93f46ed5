// Package setup prepares a database for use: migrations, the reference
// units, the first administrator and, when asked, the demo data. It runs on
// every start and does only what is missing, so a second start reuses
// everything.
package setup

import (
	"context"
	"fmt"
	"log/slog"

	"congthuong"
	"congthuong/data"
	"congthuong/internal/auth"
	"congthuong/internal/calendar"
	"congthuong/internal/procedure"
	"congthuong/internal/stats"
	"congthuong/internal/store"
	"congthuong/internal/unit"
)

// Options say what a first start should create.
type Options struct {
	Demo bool
	// AdminPassword is the first administrator's password; empty makes a
	// one-time password that must be changed at first login.
	AdminPassword string
	// AuditKey, when set, runs once the schema is up to date and before
	// anything is audited: it gives the store the key that seals the log.
	AuditKey func(context.Context) error
}

// Result says what was created, so that the caller can show the one-time
// password once.
type Result struct {
	Migrations    []string
	UnitsLoaded   bool
	AdminCreated  bool
	AdminPassword string // set only when generated
	DemoLoaded    bool
	// OverridesLoaded counts the shipped calendar overrides loaded at the
	// first start (later starts load none, so that deletions stay).
	OverridesLoaded int
	// IndicatorsLoaded counts the usual indicators loaded at the first start.
	IndicatorsLoaded int
	// ProceduresLoaded counts the catalogue's procedures added.
	ProceduresLoaded int
}

// AdminUsername is the first administrator's user name.
const AdminUsername = "admin"

const (
	demoSetting       = "demo_loaded"
	overridesSetting  = "calendar_overrides_loaded"
	indicatorsSetting = "indicators_loaded"
	// indicatorsVersion names the shipped indicator set: 2 added the
	// parks' and clusters' figures of the half-yearly reports, 3 the trade
	// registers' counts (markets, stores, licences, promotions).
	indicatorsVersion = "3"
	proceduresSetting = "procedures_loaded"
	proceduresVersion = "1"
)

// Prepare brings the database up to date.
func Prepare(ctx context.Context, st *store.Store, log *slog.Logger, opts Options) (*Result, error) {
	// Replicas starting together prepare the database one after the other:
	// the first does the work, the others find it done.
	var res *Result
	err := st.Exclusive(ctx, func() error {
		var err error
		res, err = prepare(ctx, st, log, opts)
		return err
	})
	return res, err
}

func prepare(ctx context.Context, st *store.Store, log *slog.Logger, opts Options) (*Result, error) {
	ctx = congthuong.NewContext(ctx, congthuong.System())
	res := &Result{}
	var err error
	if res.Migrations, err = st.Migrate(ctx); err != nil {
		return nil, err
	}
	// The dossiers' monthly counts, written or made right.
	if err := st.RecountDossiersAtStart(ctx); err != nil {
		return nil, err
	}
	if opts.AuditKey != nil {
		if err := opts.AuditKey(ctx); err != nil {
			return nil, err
		}
	}
	ref, err := unit.Load(data.AdminUnits)
	if err != nil {
		return nil, err
	}
	if res.UnitsLoaded, err = st.LoadUnits(ctx, ref); err != nil {
		return nil, err
	}
	n, err := st.CountUsers(ctx)
	if err != nil {
		return nil, err
	}
	if n == 0 {
		password, generated := opts.AdminPassword, false
		if password == "" {
			if password, err = auth.NewPassword(); err != nil {
				return nil, err
			}
			generated = true
		}
		admin := &auth.User{Username: AdminUsername, DisplayName: "Quản trị hệ thống", Role: congthuong.RoleAdmin,
			UnitCode: congthuong.CountryCode, Active: true, MustChangePassword: generated}
		if err := st.CreateUser(ctx, admin, password); err != nil {
			return nil, fmt.Errorf("setup: administrator: %w", err)
		}
		res.AdminCreated = true
		if generated {
			res.AdminPassword = password
		}
	}
	if done, err := st.Setting(ctx, overridesSetting); err != nil {
		return nil, err
	} else if done == "" {
		if res.OverridesLoaded, err = st.SeedCalendarOverrides(ctx, calendar.ShippedOverrides()); err != nil {
			return nil, err
		}
		if err := st.SetSetting(ctx, overridesSetting, "1"); err != nil {
			return nil, err
		}
	}
	if done, err := st.Setting(ctx, indicatorsSetting); err != nil {
		return nil, err
	} else if done != indicatorsVersion {
		// Only codes not yet stored are added, and indicators are never
		// deleted: a larger shipped set reaches existing installations
		// without touching what administrators changed.
		if res.IndicatorsLoaded, err = st.SeedIndicators(ctx, stats.DefaultIndicators()); err != nil {
			return nil, err
		}
		if err := st.SetSetting(ctx, indicatorsSetting, indicatorsVersion); err != nil {
			return nil, err
		}
	}
	if done, err := st.Setting(ctx, proceduresSetting); err != nil {
		return nil, err
	} else if done != proceduresVersion {
		// As for indicators: only codes not yet in the catalogue are added.
		if res.ProceduresLoaded, err = st.SeedProcedures(ctx, procedure.Catalogue()); err != nil {
			return nil, err
		}
		if err := st.SetSetting(ctx, proceduresSetting, proceduresVersion); err != nil {
			return nil, err
		}
	}
	if opts.Demo {
		done, err := st.Setting(ctx, demoSetting)
		if err != nil {
			return nil, err
		}
		if done == "" {
			if err := loadDemo(ctx, st, ref, opts.AdminPassword); err != nil {
				return nil, fmt.Errorf("setup: demo data: %w", err)
			}
			if err := st.SetSetting(ctx, demoSetting, "1"); err != nil {
				return nil, err
			}
			res.DemoLoaded = true
		}
	}
	log.Info("database ready", "dialect", st.Dialect.Name, "migrations_applied", len(res.Migrations),
		"units_loaded", res.UnitsLoaded, "calendar_overrides_loaded", res.OverridesLoaded, "admin_created", res.AdminCreated, "demo_loaded", res.DemoLoaded)
	return res, nil
}

// IsDemo reports whether demo data was ever loaded, so that the interface
// can say so.
func IsDemo(ctx context.Context, st *store.Store) bool {
	v, err := st.Setting(ctx, demoSetting)
	return err == nil && v != ""
}
