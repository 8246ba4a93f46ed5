package db

// The messages of this package are in the shared catalogue, which the
// i18n package registers.
import _ "congthuong/internal/i18n"
