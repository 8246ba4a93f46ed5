// Package news is the department's news and announcements: articles in
// Vietnamese with an optional English translation of the same item, their
// categories and topics, who may write and publish them, and how an
// editor's Markdown becomes safe HTML.
package news

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"congthuong"
)

// Kinds of item: news tell, announcements ask or inform (a call for
// applications, a schedule, a notice to enterprises).
const (
	KindNews         = "news"
	KindAnnouncement = "announcement"
)

// Kinds lists the kinds in display order.
var Kinds = []string{KindNews, KindAnnouncement}

// Categories are the sections of the portal's news, which readers
// subscribe to and feeds are made of.
var Categories = []string{"department", "industry", "trade", "energy", "promotion", "policy"}

// Statuses of an article. A published article whose PublishAt is still to
// come is scheduled: only staff see it until then.
const (
	Draft     = "draft"
	Review    = "review"
	Published = "published"
	Withdrawn = "withdrawn"
)

// Limits of an article's text, in characters.
const (
	MaxTitle   = 250
	MaxSummary = 400
	MaxBody    = 100_000
	MaxTopics  = 8
	MaxTopic   = 40
	MaxNotice  = 1000
	MaxAlt     = 250
)

// Text is one language's version of an article: title, summary (the lead
// and the meta description) and body in Markdown.
type Text struct {
	Title   string `json:"title"`
	Summary string `json:"summary"`
	Body    string `json:"body"`
}

// Empty reports whether nothing of the version was written.
func (t Text) Empty() bool { return t.Title == "" && t.Summary == "" && t.Body == "" }

// Article is one news item or announcement, in Vietnamese and optionally
// in English: one record, two languages.
type Article struct {
	ID       int64    `json:"id"`
	Slug     string   `json:"slug"`
	Kind     string   `json:"kind"`
	Category string   `json:"category"`
	Topics   []string `json:"topics"`
	Status   string   `json:"status"`
	VI       Text     `json:"vi"`
	EN       Text     `json:"en"`
	// HTMLVI and HTMLEN are the bodies made safe (Render), kept with the
	// article so that reading it renders nothing.
	HTMLVI string `json:"-"`
	HTMLEN string `json:"-"`
	// ImageAltVI and ImageAltEN describe the lead image, when it has one.
	ImageAltVI string `json:"image_alt_vi,omitempty"`
	ImageAltEN string `json:"image_alt_en,omitempty"`
	// PublishAt is when the article appears (or appeared) to the public.
	PublishAt        *time.Time `json:"publish_at,omitempty"`
	FirstPublishedAt *time.Time `json:"first_published_at,omitempty"`
	// UpdatedAt is the last major change after publication.
	UpdatedAt   *time.Time `json:"updated_at,omitempty"`
	WithdrawnAt *time.Time `json:"withdrawn_at,omitempty"`
	// NoticeVI and NoticeEN say why a withdrawn article was withdrawn.
	NoticeVI    string `json:"notice_vi,omitempty"`
	NoticeEN    string `json:"notice_en,omitempty"`
	RatingSum   int64  `json:"-"`
	RatingCount int64  `json:"rating_count"`
	Version     int    `json:"version"`
	// Who wrote and published it: staff only.
	CreatedAt   time.Time `json:"created_at"`
	CreatedBy   string    `json:"created_by,omitempty"`
	ModifiedAt  time.Time `json:"modified_at"`
	ModifiedBy  string    `json:"modified_by,omitempty"`
	PublishedBy string    `json:"published_by,omitempty"`
}

// Rating is the readers' mean rating, 0 when nobody rated.
func (a *Article) Rating() float64 {
	if a.RatingCount == 0 {
		return 0
	}
	return float64(a.RatingSum) / float64(a.RatingCount)
}

// Public reports whether the public sees the article at now: published and
// due, or withdrawn (its notice stays where the article was).
func (a *Article) Public(now time.Time) bool {
	switch a.Status {
	case Published:
		return a.PublishAt != nil && !a.PublishAt.After(now)
	case Withdrawn:
		return a.FirstPublishedAt != nil
	}
	return false
}

// Scheduled reports whether the article is published for a time still to
// come.
func (a *Article) Scheduled(now time.Time) bool {
	return a.Status == Published && a.PublishAt != nil && a.PublishAt.After(now)
}

// Has reports whether the article has a version in lang ("vi" always).
func (a *Article) Has(lang string) bool { return lang != "en" || a.EN.Title != "" }

// In is the article's text in lang, Vietnamese when it has no English.
func (a *Article) In(lang string) Text {
	if lang == "en" && a.EN.Title != "" {
		return a.EN
	}
	return a.VI
}

// HTMLIn is the article's safe body in lang, Vietnamese when it has no
// English.
func (a *Article) HTMLIn(lang string) string {
	if lang == "en" && a.EN.Title != "" {
		return a.HTMLEN
	}
	return a.HTMLVI
}

// Normalize trims what an editor typed: single spaces in titles and
// summaries, one list of distinct topics.
func (a *Article) Normalize() {
	for _, t := range []*Text{&a.VI, &a.EN} {
		t.Title = strings.Join(strings.Fields(t.Title), " ")
		t.Summary = strings.Join(strings.Fields(t.Summary), " ")
		t.Body = strings.TrimSpace(strings.ReplaceAll(t.Body, "\r\n", "\n"))
	}
	a.ImageAltVI = strings.Join(strings.Fields(a.ImageAltVI), " ")
	a.ImageAltEN = strings.Join(strings.Fields(a.ImageAltEN), " ")
	var topics []string
	for _, t := range a.Topics {
		for _, part := range strings.Split(t, ",") {
			if part = strings.Join(strings.Fields(part), " "); part != "" && !slices.Contains(topics, part) {
				topics = append(topics, part)
			}
		}
	}
	a.Topics = topics
}

// Validate checks what an editor may save: a kind and category of the
// lists, a Vietnamese title, summary and body within their limits, and an
// English version that is either absent or has its title and body.
func (a *Article) Validate() error {
	var v congthuong.Validation
	if !slices.Contains(Kinds, a.Kind) {
		v.Add("kind", "news.choose_kind")
	}
	if !slices.Contains(Categories, a.Category) {
		v.Add("category", "news.choose_category")
	}
	checkText(&v, "vi", a.VI, true)
	checkText(&v, "en", a.EN, !a.EN.Empty())
	if len(a.Topics) > MaxTopics {
		v.Add("topics", "news.at_most_topics", MaxTopics)
	}
	for _, t := range a.Topics {
		if utf8.RuneCountInString(t) > MaxTopic {
			v.Add("topics", "news.topic_too_long", t, MaxTopic)
			break
		}
	}
	for field, alt := range map[string]string{"image_alt_vi": a.ImageAltVI, "image_alt_en": a.ImageAltEN} {
		if utf8.RuneCountInString(alt) > MaxAlt {
			v.Add(field, "news.longer_than", MaxAlt)
		}
	}
	return v.Err("news.invalid_article")
}

// checkText checks one language's version; required says that its title,
// summary (Vietnamese only) and body must be there.
func checkText(v *congthuong.Validation, lang string, t Text, required bool) {
	if !required {
		return
	}
	limits := []struct {
		field string
		text  string
		max   int
		need  bool
	}{
		{"title_" + lang, t.Title, MaxTitle, true},
		{"summary_" + lang, t.Summary, MaxSummary, lang == "vi"},
		{"body_" + lang, t.Body, MaxBody, true},
	}
	for _, l := range limits {
		switch {
		case l.need && l.text == "":
			v.Add(l.field, "news.required_"+lang)
		case utf8.RuneCountInString(l.text) > l.max:
			v.Add(l.field, "news.longer_than", l.max)
		}
	}
}
