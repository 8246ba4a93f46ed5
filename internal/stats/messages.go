package stats

import (
	"embed"

	"congthuong/internal/i18n"
)

// locale is the stats catalogue: the messages of the stats package and of its SQL.
//
//go:embed locale/*.json
var locale embed.FS

var _ = i18n.Register("stats", i18n.Sub(locale, "locale"))
