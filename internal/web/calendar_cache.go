package web

import (
	"context"
	"sync"
	"time"

	"congthuong/internal/calendar"
)

// calendarRecheck is how long a process uses its calendar before asking the
// database whether the overrides changed (perhaps through another process).
const calendarRecheck = 30 * time.Second

// calendarCache holds the built calendar and the overrides' version it was
// built from.
type calendarCache struct {
	mu      sync.Mutex
	opt     calendar.Options
	cal     *calendar.Calendar
	version string
	checked time.Time
}

// calendar returns the working-day calendar, rebuilt when the overrides
// changed. If the database cannot be asked, the last calendar serves.
func (s *Server) calendar(ctx context.Context) (*calendar.Calendar, error) {
	c := &s.cal
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cal != nil && time.Since(c.checked) < calendarRecheck {
		return c.cal, nil
	}
	v, err := s.store.CalendarVersion(ctx)
	if err != nil {
		if c.cal != nil {
			return c.cal, nil
		}
		return nil, err
	}
	if c.cal == nil || v != c.version {
		cal, err := s.store.Calendar(ctx, c.opt)
		if err != nil {
			return nil, err
		}
		c.cal, c.version = cal, v
	}
	c.checked = time.Now()
	return c.cal, nil
}

// CalendarChanged makes the next use rebuild the calendar at once after an
// override was saved here.
func (s *Server) CalendarChanged() {
	s.cal.mu.Lock()
	s.cal.checked = time.Time{}
	s.cal.mu.Unlock()
}
