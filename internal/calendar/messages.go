package calendar

import (
	"embed"

	"congthuong/internal/i18n"
)

// locale is the calendar catalogue: the messages of the calendar package and of its SQL.
//
//go:embed locale/*.json
var locale embed.FS

var _ = i18n.Register("calendar", i18n.Sub(locale, "locale"))
