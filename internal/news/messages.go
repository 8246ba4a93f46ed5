package news

import (
	"embed"

	"congthuong/internal/i18n"
)

// locale is the news catalogue: the messages of the news package and of its SQL.
//
//go:embed locale/*.json
var locale embed.FS

var _ = i18n.Register("news", i18n.Sub(locale, "locale"))
