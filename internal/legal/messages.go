package legal

import (
	"embed"

	"congthuong/internal/i18n"
)

// locale is the legal catalogue: the messages of the legal package and of its SQL.
//
//go:embed locale/*.json
var locale embed.FS

var _ = i18n.Register("legal", i18n.Sub(locale, "locale"))
