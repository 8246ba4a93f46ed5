package commerce

import (
	"embed"

	"congthuong/internal/i18n"
)

// locale is the commerce catalogue: the messages of the commerce package
// and of its SQL.
//
//go:embed locale/*.json
var locale embed.FS

var _ = i18n.Register("commerce", i18n.Sub(locale, "locale"))
