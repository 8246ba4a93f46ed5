package store

import (
	"database/sql/driver"
	"fmt"
	"time"
)

// dayCol scans a DATE (PostgreSQL, returned as time.Time) or a TEXT day
// (SQLite) into "YYYY-MM-DD", and NULL into "".
type dayCol struct{ s *string }

func (d dayCol) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*d.s = ""
	case time.Time:
		*d.s = x.Format(time.DateOnly)
	case string:
		*d.s = x
	case []byte:
		*d.s = string(x)
	default:
		return fmt.Errorf("store: cannot scan %T into a day", v)
	}
	if len(*d.s) > 10 {
		*d.s = (*d.s)[:10]
	}
	return nil
}

// dayArg passes "" as NULL and a day as text, which both databases compare
// with their own day columns.
func dayArg(s string) driver.Value {
	if s == "" {
		return nil
	}
	return s
}
