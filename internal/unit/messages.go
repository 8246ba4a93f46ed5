package unit

import (
	"embed"

	"congthuong/internal/i18n"
)

// locale is the unit catalogue: the messages of the unit package and of its SQL.
//
//go:embed locale/*.json
var locale embed.FS

var _ = i18n.Register("unit", i18n.Sub(locale, "locale"))
