package enterprisedb

import (
	"strings"

	"congthuong/internal/db"
)

// searchDialect is what the enterprise search does differently on each
// database: each indexes enterprise_search with its own full-text engine,
// the one place where the schemas differ on purpose (docs/ARCHITECTURE.md).
type searchDialect struct {
	// plannerStats refreshes the planner's statistics after a bulk import,
	// so that searches keep their index plans; PostgreSQL's autovacuum
	// would get there too, later.
	plannerStats string
	// id names the enterprise id in enterprise_search: FTS5's rowid on
	// SQLite, a column on PostgreSQL.
	id string
	// insert writes enterprise_search rows from $1, a JSON array of
	// [id, words, document] triples (searchDocument).
	insert string
	// join joins enterprise_search to enterprises, the index driving: it
	// yields matches in id order and the scope is checked on each, so a
	// search stops at its limit instead of collecting every match first.
	join string
	// match is the condition that the row matches the full-text query ?,
	// built by query.
	match string
	// query writes a full-text query for rows having, for every word, a
	// word that begins with it. Words are letters and digits only.
	query func(words []string) string
}

var searchDialects = map[string]searchDialect{
	"sqlite": {
		plannerStats: "PRAGMA optimize",
		id:           "rowid",
		insert: `INSERT INTO enterprise_search (rowid, words)
			SELECT value ->> 0, value ->> 1 FROM json_each($1)`,
		// CROSS JOIN keeps the order as written.
		join:  "enterprise_search CROSS JOIN enterprises ON enterprises.id = enterprise_search.rowid",
		match: "enterprise_search MATCH ?",
		query: fts5Query,
	},
	"postgres": {
		plannerStats: "ANALYZE enterprises, enterprise_search",
		id:           "enterprise_id",
		insert: `INSERT INTO enterprise_search (enterprise_id, words, document)
			SELECT (value ->> 0)::bigint, value ->> 1, (value ->> 2)::tsvector FROM jsonb_array_elements($1::jsonb)`,
		join:  "enterprise_search JOIN enterprises ON enterprises.id = enterprise_search.enterprise_id",
		match: "enterprise_search.document @@ to_tsquery('simple', ?)",
		query: tsQuery,
	},
}

// search is the enterprise search's dialect for the database d speaks.
func search(d db.Dialect) searchDialect { return searchDialects[d.Name] }

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
// searchDocument is the search row's document for PostgreSQL, in
// tsvector's own notation: every beginning of every word (t th thu thuy),
// so that a search looks terms up exactly. Words are folded letters and
// digits only, which the notation takes unquoted, and which to_tsquery
// reads back as the same terms.
func searchDocument(words []string) string {
	var b strings.Builder
	for _, w := range words {
		for n := 1; n <= len(w); n++ {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w[:n])
		}
	}
	return b.String()
}

func tsQuery(words []string) string {
	return strings.Join(words, " & ")
}
