package procedure

import (
	"embed"

	"congthuong/internal/i18n"
)

// locale is the procedure catalogue: the messages of the procedure package and of its SQL.
//
//go:embed locale/*.json
var locale embed.FS

var _ = i18n.Register("procedure", i18n.Sub(locale, "locale"))
