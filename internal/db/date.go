package db

import (
	"database/sql/driver"
	"fmt"
	"time"
)

// dayCol scans a DATE (PostgreSQL, returned as time.Time) or a TEXT day
// (SQLite) into "YYYY-MM-DD", and NULL into "".
type DayCol struct{ S *string }

func (d DayCol) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*d.S = ""
	case time.Time:
		*d.S = x.Format(time.DateOnly)
	case string:
		*d.S = x
	case []byte:
		*d.S = string(x)
	default:
		return fmt.Errorf("db: cannot scan %T into a day", v)
	}
	if len(*d.S) > 10 {
		*d.S = (*d.S)[:10]
	}
	return nil
}

// DayArg passes "" as NULL and a day as text, which both databases compare
// with their own day columns.
func DayArg(s string) driver.Value {
	if s == "" {
		return nil
	}
	return s
}
