package store

import "strings"

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
	// plannerStats refreshes the planner's statistics after a bulk write, so that
	// searches keep their index plans; PostgreSQL's autovacuum would get
	// there too, later.
	plannerStats string
	// anonymousParams makes multi-row inserts use ? rather than $N: the
	// SQLite driver looks each numbered parameter's name up in a list as long
	// as the statement, which made binding a bulk insert quadratic.
	anonymousParams bool
	// searchID names the enterprise id in enterprise_search: FTS5's rowid
	// on SQLite, a column on PostgreSQL.
	searchID string
	// searchInsert writes enterprise_search rows from $1, a JSON array of
	// [id, words] pairs.
	searchInsert string
	// copyRows writes bulk rows with the driver's COPY rather than INSERT.
	copyRows bool
	// searchJoin joins enterprise_search to enterprises, the index driving:
	// it yields matches in id order and the scope is checked on each, so a
	// search stops at its limit instead of collecting every match first.
	searchJoin string
	// searchMatch is the condition that the row matches the full-text query
	// ?, built by searchQuery.
	searchMatch string
	// searchQuery writes a full-text query for rows having, for every word,
	// a word that begins with it. Words are letters and digits only.
	searchQuery func(words []string) string
}

var (
	sqlite = dialect{
		name:            "sqlite",
		anonymousParams: true,
		plannerStats:    "PRAGMA optimize",
		searchID:        "rowid",
		searchInsert: `INSERT INTO enterprise_search (rowid, words)
			SELECT value ->> 0, value ->> 1 FROM json_each($1)`,
		// CROSS JOIN keeps the order as written.
		searchJoin:  "enterprise_search CROSS JOIN enterprises ON enterprises.id = enterprise_search.rowid",
		searchMatch: "enterprise_search MATCH ?",
		searchQuery: fts5Query,
	}
	postgres = dialect{
		name:           "postgres",
		lockMigrations: "SELECT pg_advisory_xact_lock(7301)",
		lockAudit:      "SELECT pg_advisory_xact_lock(7302)",
		plannerStats:   "ANALYZE enterprises, enterprise_search",
		searchID:       "enterprise_id",
		searchInsert: `INSERT INTO enterprise_search (enterprise_id, words)
			SELECT (value ->> 0)::bigint, value ->> 1 FROM jsonb_array_elements($1::jsonb)`,
		searchJoin:  "enterprise_search JOIN enterprises ON enterprises.id = enterprise_search.enterprise_id",
		searchMatch: "enterprise_search.document @@ to_tsquery('simple', ?)",
		searchQuery: tsQuery,
		copyRows:    true,
	}
)

// fts5Query writes `"thep"* AND "vu"*`.
func fts5Query(words []string) string {
	terms := make([]string, len(words))
	for i, w := range words {
		terms[i] = `"` + w + `"*`
	}
	return strings.Join(terms, " AND ")
}

// tsQuery writes `thep & vu`: the document holds every beginning of every
// word (see the migration), so exact terms match beginnings.
func tsQuery(words []string) string {
	return strings.Join(words, " & ")
}
