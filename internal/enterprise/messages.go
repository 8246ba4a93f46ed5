package enterprise

import (
	"embed"

	"congthuong/internal/i18n"
)

// locale is the enterprise catalogue: the messages of the enterprise package and of its SQL.
//
//go:embed locale/*.json
var locale embed.FS

var _ = i18n.Register("enterprise", i18n.Sub(locale, "locale"))
