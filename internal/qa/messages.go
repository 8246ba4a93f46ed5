package qa

import (
	"embed"

	"congthuong/internal/i18n"
)

// locale is the qa catalogue: the messages of the qa package and of its SQL.
//
//go:embed locale/*.json
var locale embed.FS

var _ = i18n.Register("qa", i18n.Sub(locale, "locale"))
