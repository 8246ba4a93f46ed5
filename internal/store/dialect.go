package store

// dialect holds the few statements that differ between SQLite and
// PostgreSQL. Everything else is shared SQL with $N placeholders.
type dialect struct {
	name string
	// lockMigrations serialises migrations between processes sharing one
	// database; empty where a single writer makes it unnecessary.
	lockMigrations string
	// lockAudit serialises appends to the audit hash chain for the length of
	// the transaction. SQLite's single writer serialises them already.
	lockAudit string
	// analyze refreshes the planner's statistics after a bulk write, so that
	// searches keep their index plans; PostgreSQL's autovacuum would get
	// there too, later.
	analyze string
	// wordProbe tests that enterprise ew has a word in [?, ?). SQLite runs
	// EXISTS as a probe per candidate; PostgreSQL would turn EXISTS into a
	// hash semi-join over every entry of the word, so it gets a scalar
	// subquery with LIMIT, which it evaluates per candidate.
	wordProbe string
}

var (
	sqlite = dialect{
		name:      "sqlite",
		analyze:   "PRAGMA optimize",
		wordProbe: "EXISTS (SELECT 1 FROM enterprise_words x WHERE x.enterprise_id = ew.enterprise_id AND x.word >= ? AND x.word < ?)",
	}
	postgres = dialect{
		name:           "postgres",
		lockMigrations: "SELECT pg_advisory_xact_lock(7301)",
		lockAudit:      "SELECT pg_advisory_xact_lock(7302)",
		analyze:        "ANALYZE enterprises, enterprise_words",
		wordProbe: "(SELECT 1 FROM enterprise_words x WHERE x.enterprise_id = ew.enterprise_id " +
			"AND x.word >= ? AND x.word < ? LIMIT 1) IS NOT NULL",
	}
)
