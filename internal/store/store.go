// Package store holds the SQL of the platform's capabilities, over the SQL
// core (internal/db), which it embeds: pools, transactions, the audit chain,
// migrations and files are the core's.
package store

import (
	"context"

	"congthuong/internal/auth/authdb"
	"congthuong/internal/calendar/calendardb"
	"congthuong/internal/commerce/commercedb"
	"congthuong/internal/db"
	"congthuong/internal/enterprise/enterprisedb"
	"congthuong/internal/legal/legaldb"
	"congthuong/internal/news/newsdb"
	"congthuong/internal/park/parkdb"
	"congthuong/internal/procedure/proceduredb"
	"congthuong/internal/qa/qadb"
	"congthuong/internal/stats/statsdb"
	"congthuong/internal/unit/unitdb"
)

// Store is the capabilities' SQL over one database.
type Store struct {
	*db.DB
	// Units are the administrative units' SQL, which every capability
	// reads.
	*unitdb.Units
	*authdb.Accounts
	*calendardb.Schedules
	*enterprisedb.Enterprises
	*statsdb.Stats
	*parkdb.Parks
	*proceduredb.Procedures
	// News is named, not embedded: its methods (Find, List, Create …)
	// would shadow one another's.
	News *newsdb.News
	// Legal is the legal documents library, named for the same reason.
	Legal *legaldb.Library
	// Questions are the questions to the department and their answers.
	Questions *qadb.Questions
	// Commerce is the commune-level trade registers: licences.
	Commerce *commercedb.Commerce
}

// Open connects to the database (see db.Open) and registers the repairs
// migrations may ask for.
func Open(ctx context.Context, url, dataDir string) (*Store, error) {
	d, err := db.Open(ctx, url, dataDir)
	if err != nil {
		return nil, err
	}
	d.OnRepair("statistics series", statsdb.RebuildSeriesWith)
	units := unitdb.New(d)
	stats := statsdb.New(d, units)
	d.OnRepair("park features", func(ctx context.Context, q db.Execer, _ db.Dialect) error { return parkdb.RebuildFeatures(ctx, q) })
	procedures := proceduredb.New(d, units)
	return &Store{DB: d, Units: units, Accounts: authdb.New(d), Schedules: calendardb.New(d), Enterprises: enterprisedb.New(d, units),
		Stats: stats, Parks: parkdb.New(d, units, stats), Procedures: procedures, News: newsdb.New(d), Legal: legaldb.New(d),
		Questions: qadb.New(d), Commerce: commercedb.New(d, units, procedures, stats)}, nil
}

// What callers of the store name from the core.
type (
	Page        = db.Page
	Mail        = db.Mail
	FileReport  = db.FileReport
	AuditFilter = db.AuditFilter
	AuditCheck  = db.AuditCheck
	// ImportResult counts what an import did.
	ImportResult = db.ImportResult
)

// Paging limits and the core's settings, as the store's callers name them.
const (
	DefaultLimit          = db.DefaultLimit
	MaxLimit              = db.MaxLimit
	SQLiteFile            = db.SQLiteFile
	DefaultImportReadTime = db.DefaultImportReadTime
)

// The core's functions the store's callers use.
var (
	Migrations    = db.Migrations
	RestoreSQLite = db.RestoreSQLite
	Unreachable   = db.Unreachable
	BadText       = db.BadText
)
