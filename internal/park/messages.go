package park

import (
	"embed"

	"congthuong/internal/i18n"
)

// locale is the park catalogue: the messages of the park package and of its SQL.
//
//go:embed locale/*.json
var locale embed.FS

var _ = i18n.Register("park", i18n.Sub(locale, "locale"))
