package web

import (
	"cmp"
	"net/http"
	"slices"
	"time"

	"congthuong"
)

// HomePart is a module's part of the home page: the services it offers
// the public, its latest headlines and its key figures.
type HomePart struct {
	Services  []Service
	Headlines []Headline
	Figures   []KeyFigure
}

// Service is a way into what people come for: a title and a line in the
// reader's language, and where it goes. Order places it among every
// module's services.
type Service struct {
	Order           int
	ID, Title, Text string
	Link            string
}

// Headline is a published news item or announcement.
type Headline struct {
	Kind, Title, Summary, URL string
	// Lang is the language of the text when it is not the reader's.
	Lang      string
	Published time.Time
	Notice    bool // an announcement rather than news
}

// KeyFigure is a figure of the latest official statistics: its name, its
// value with its measure, the period and status it is of, and its growth
// over the same period a year before (Growth empty when unknown).
type KeyFigure struct {
	Order                        int
	Name, Value, Measure, Period string
	Growth, GrowthNote, Link     string
	Up, Down                     bool
}

// homePage is the home page's data: the reader's tasks, and every
// module's services, headlines and figures.
type homePage struct {
	Tasks     []Task
	Services  []Service
	Headlines []Headline
	Figures   []KeyFigure
}

// homeHeadlines bounds the headlines the home page shows.
const homeHeadlines = 6

func (s *Server) showHome(w http.ResponseWriter, r *http.Request) error {
	var page homePage
	signedIn := !congthuong.ActorFrom(r.Context()).Anonymous()
	for _, m := range s.modules {
		if m.Tasks != nil && signedIn {
			tasks, err := m.Tasks(r)
			if err != nil {
				return err
			}
			page.Tasks = append(page.Tasks, tasks...)
		}
		if m.Home != nil {
			part, err := m.Home(r)
			if err != nil {
				return err
			}
			page.Services = append(page.Services, part.Services...)
			page.Headlines = append(page.Headlines, part.Headlines...)
			page.Figures = append(page.Figures, part.Figures...)
		}
	}
	// What is late or awaits the reader comes first, whichever module it
	// is from.
	slices.SortStableFunc(page.Tasks, func(a, b Task) int {
		switch {
		case a.Urgent && !b.Urgent:
			return -1
		case b.Urgent && !a.Urgent:
			return 1
		}
		return 0
	})
	slices.SortStableFunc(page.Services, func(a, b Service) int { return cmp.Compare(a.Order, b.Order) })
	slices.SortStableFunc(page.Figures, func(a, b KeyFigure) int { return cmp.Compare(a.Order, b.Order) })
	slices.SortStableFunc(page.Headlines, func(a, b Headline) int { return b.Published.Compare(a.Published) })
	if len(page.Headlines) > homeHeadlines {
		page.Headlines = page.Headlines[:homeHeadlines]
	}
	p := s.PrinterFor(r)
	v := &View{Title: p.T("home.title"), Nav: "home",
		Meta: Meta{Description: p.T("home.description"), Canonical: "/"}}
	Show(s, w, r, http.StatusOK, "home", v, page)
	return nil
}

// serveLogo serves the department's logo, which pages may cache for a day.
func (s *Server) serveLogo(w http.ResponseWriter, r *http.Request) {
	d := s.opts.Department
	if len(d.Logo) == 0 {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", d.LogoType)
	w.Header().Set("Cache-Control", "public, max-age=86400")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Write(d.Logo)
}
