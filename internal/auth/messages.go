package auth

import (
	"embed"

	"congthuong/internal/i18n"
)

// locale is the auth catalogue: the messages of the auth package and of its SQL.
//
//go:embed locale/*.json
var locale embed.FS

var _ = i18n.Register("auth", i18n.Sub(locale, "locale"))
