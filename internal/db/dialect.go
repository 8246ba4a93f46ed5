package db

// dialect holds the few statements that differ between SQLite and
// PostgreSQL. Everything else is shared SQL with $N placeholders.
type Dialect struct {
	// Name is "sqlite" or "postgres".
	Name string
	// lockMigrations serialises migrations between processes sharing one
	// database; empty where a single writer makes it unnecessary.
	lockMigrations string
	// lockAudit serialises appends to the audit hash chain for the length of
	// the transaction. SQLite's single writer serialises them already.
	lockAudit string
	// anonymousParams makes multi-row inserts use ? rather than $N: the
	// SQLite driver looks each numbered parameter's name up in a list as long
	// as the statement, which made binding a bulk insert quadratic.
	anonymousParams bool
	// UseCopy writes bulk rows with the driver's COPY rather than INSERT.
	UseCopy bool
}

var (
	sqlite = Dialect{
		Name:            "sqlite",
		anonymousParams: true,
	}
	postgres = Dialect{
		Name:           "postgres",
		lockMigrations: "SELECT pg_advisory_xact_lock(7301)",
		lockAudit:      "SELECT pg_advisory_xact_lock(7302)",
		UseCopy:        true,
	}
)

// Time is the column col, a time, as a condition compares it with a bound
// time when no index range is wanted: on SQLite its stored text, because
// the column's declared type gives it numeric affinity and SQLite would
// otherwise try to read the text as a number on every row it filters (a
// third of the cost of counting a desk's overdue dossiers).
func (d Dialect) Time(col string) string {
	if d.Name == sqlite.Name {
		return "+" + col
	}
	return col
}
