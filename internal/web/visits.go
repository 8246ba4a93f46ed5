package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"

	"congthuong/internal/calendar"
	"congthuong/internal/db"
)

// The public's visits, counted as a department's site shows them (today,
// yesterday, all) without a cookie or anything personal kept: a visitor
// is the hash of their address and browser under a random salt of the
// day, held in memory and forgotten with the day. Counts are written once a
// minute, so that reading pages does not queue behind the database's
// writer; a process that stops loses at most that minute.

const (
	// visitFlush is how often the counts are written.
	visitFlush = time.Minute
	// maxVisitPaths and maxVisitors bound the memory a day's counting
	// takes, whatever crawls the site.
	maxVisitPaths = 10_000
	maxVisitors   = 1_000_000
)

// bots are the browsers that say they are programs: not counted.
var bots = regexp.MustCompile(`(?i)bot|crawl|spider|slurp|headless|curl|wget|python|go-http|lighthouse|monitor`)

// visitCounter counts the day's visits in memory until it writes them.
type visitCounter struct {
	mu      sync.Mutex
	day     string
	salt    []byte
	seen    map[[32]byte]bool
	fresh   int64            // visitors not yet written
	views   map[string]int64 // page views not yet written
	flushed time.Time
	writing bool
	// Totals as last read: the footer's figures.
	today, yesterday, all int64
}

// countVisit counts a page a reader was shown.
func (s *Server) countVisit(r *http.Request, client string) {
	ua := r.UserAgent()
	if ua == "" || bots.MatchString(ua) {
		return
	}
	now := s.Now()
	day := calendar.DateOf(now).String()
	v := &s.visits
	v.mu.Lock()
	if v.day != day {
		if v.day != "" && (v.fresh > 0 || len(v.views) > 0) {
			s.writeVisits(v.day, v.fresh, v.views)
		}
		v.day, v.salt, v.seen, v.fresh, v.views = day, make([]byte, 32), map[[32]byte]bool{}, 0, map[string]int64{}
		rand.Read(v.salt)
	}
	h := sha256.Sum256([]byte(string(v.salt) + "\x00" + client + "\x00" + ua))
	if !v.seen[h] && len(v.seen) < maxVisitors {
		v.seen[h] = true
		v.fresh++
		v.today++
		v.all++
	}
	if _, ok := v.views[r.URL.Path]; ok || len(v.views) < maxVisitPaths {
		v.views[r.URL.Path]++
	}
	if now.Sub(v.flushed) >= visitFlush && !v.writing {
		s.writeVisits(day, v.fresh, v.views)
		v.fresh, v.views, v.flushed = 0, map[string]int64{}, now
	}
	v.mu.Unlock()
}

// writeVisits writes counts in the background and reads the totals back;
// it runs with v.mu held and takes what it writes.
func (s *Server) writeVisits(day string, fresh int64, views map[string]int64) {
	v := &s.visits
	v.writing = true
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := s.db.AddVisits(ctx, day, fresh, views); err != nil {
			s.log.Warn("visits not counted", "error", err)
		}
		today := calendar.DateOf(s.Now())
		t, y, all, err := s.db.VisitTotals(ctx, today.String(), today.AddDays(-1).String())
		v.mu.Lock()
		defer v.mu.Unlock()
		v.writing = false
		if err == nil {
			v.today, v.yesterday, v.all = max(t, v.today), y, max(all, v.all)
		}
		// What was counted while this write ran is written now if it is
		// due, rather than waiting for a reader who may not come.
		if now := s.Now(); now.Sub(v.flushed) >= visitFlush && (v.fresh > 0 || len(v.views) > 0) && v.day == calendar.DateOf(now).String() {
			s.writeVisits(v.day, v.fresh, v.views)
			v.fresh, v.views, v.flushed = 0, map[string]int64{}, now
		}
	}()
}

// VisitCounts are the footer's figures.
type VisitCounts struct{ Today, Yesterday, All int64 }

// visitCounts are the figures as last counted.
func (s *Server) visitCounts() VisitCounts {
	s.visits.mu.Lock()
	defer s.visits.mu.Unlock()
	return VisitCounts{s.visits.today, s.visits.yesterday, s.visits.all}
}

// isPage reports whether a response is a page a reader was shown.
func isPage(r *http.Request, status int, header http.Header) bool {
	return r.Method == http.MethodGet && status == http.StatusOK && strings.HasPrefix(header.Get("Content-Type"), "text/html") &&
		!strings.HasPrefix(r.URL.Path, "/static/") && !strings.HasPrefix(r.URL.Path, "/api/")
}

// visitsPage is the administrators' view of the visits: the last 30 days
// and the most viewed pages over them.
type visitsPage struct {
	Days  []db.VisitDay
	Pages []db.PageCount
}

func (s *Server) showVisits(w http.ResponseWriter, r *http.Request) error {
	from := calendar.DateOf(s.Now()).AddDays(-29).String()
	days, pages, err := s.db.Visits(r.Context(), from, 30)
	if err != nil {
		return err
	}
	Show(s, w, r, http.StatusOK, "visits", &View{Title: s.PrinterFor(r).T("visits.title"), Nav: "visits"}, visitsPage{days, pages})
	return nil
}
