package calendardb

import (
	"context"
	"sync"
	"time"

	"congthuong/internal/calendar"
)

// recheck is how long a process uses its calendar before asking the
// database whether the overrides changed (perhaps through another process).
const recheck = 30 * time.Second

// currentCalendar holds the built calendar and the overrides' version it
// was built from.
type currentCalendar struct {
	mu      sync.Mutex
	opt     calendar.Options
	cal     *calendar.Calendar
	version string
	checked time.Time
}

// Current returns the working-day calendar, rebuilt when the overrides
// changed: at once after a change through this process, within recheck
// after one through another. If the database cannot be asked, the last
// calendar serves.
func (s *Schedules) Current(ctx context.Context) (*calendar.Calendar, error) {
	c := &s.current
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cal != nil && time.Since(c.checked) < recheck {
		return c.cal, nil
	}
	v, err := s.CalendarVersion(ctx)
	if err != nil {
		if c.cal != nil {
			return c.cal, nil
		}
		return nil, err
	}
	if c.cal == nil || v != c.version {
		cal, err := s.Calendar(ctx, c.opt)
		if err != nil {
			return nil, err
		}
		c.cal, c.version = cal, v
	}
	c.checked = time.Now()
	return c.cal, nil
}

// changed makes the next use rebuild the calendar.
func (s *Schedules) changed() {
	s.current.mu.Lock()
	s.current.checked = time.Time{}
	s.current.mu.Unlock()
}
