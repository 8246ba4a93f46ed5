package park

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"congthuong"
)

// Lead is an investor's interest in a site: who they are, how to reach
// them and what they need, as the department handles it (a status and an
// owner on its side).
type Lead struct {
	ID           int64     `json:"id"`
	SiteCode     string    `json:"site_code"`
	SiteName     string    `json:"site_name,omitempty"`
	Name         string    `json:"name"`
	Organisation string    `json:"organisation,omitempty"`
	Email        string    `json:"email"`
	Phone        string    `json:"phone,omitempty"`
	LandHa       *float64  `json:"land_ha,omitempty"`
	Sector       string    `json:"sector,omitempty"`
	Message      string    `json:"message,omitempty"`
	Lang         string    `json:"lang"`
	Status       string    `json:"status"`
	Owner        string    `json:"owner,omitempty"`
	Note         string    `json:"note,omitempty"`
	Version      int       `json:"version"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

// Lead statuses, in the order a lead moves through them.
const (
	LeadNew       = "new"
	LeadContacted = "contacted"
	LeadVisiting  = "visiting"
	LeadWon       = "won"
	LeadLost      = "lost"
)

// LeadStatuses lists the statuses in order.
var LeadStatuses = []string{LeadNew, LeadContacted, LeadVisiting, LeadWon, LeadLost}

// Bounds of what an investor writes.
const (
	MaxLeadName    = 200
	MaxLeadMessage = 2000
	MaxLeadNote    = 2000
)

// Normalize trims what was typed.
func (l *Lead) Normalize() {
	for _, p := range []*string{&l.Name, &l.Organisation, &l.Email, &l.Phone, &l.Sector, &l.Message, &l.Note} {
		*p = strings.TrimSpace(*p)
	}
	l.Email = strings.ToLower(l.Email)
}

// Validate checks what an investor sent, naming each field that is wrong.
func (l *Lead) Validate() error {
	var v congthuong.Validation
	switch n := utf8.RuneCountInString(l.Name); {
	case n == 0:
		v.Add("name", "park.lead_name_required")
	case n > MaxLeadName:
		v.Add("name", "park.lead_too_long", MaxLeadName)
	}
	if utf8.RuneCountInString(l.Organisation) > MaxLeadName {
		v.Add("organisation", "park.lead_too_long", MaxLeadName)
	}
	if !congthuong.ValidEmail(l.Email) {
		v.Add("email", "park.lead_email_invalid")
	}
	if len(l.Phone) > 20 {
		v.Add("phone", "park.lead_phone_invalid")
	}
	if l.LandHa != nil && (*l.LandHa <= 0 || *l.LandHa > 10_000) {
		v.Add("land_ha", "park.lead_land_invalid")
	}
	if utf8.RuneCountInString(l.Sector) > MaxLeadName {
		v.Add("sector", "park.lead_too_long", MaxLeadName)
	}
	if utf8.RuneCountInString(l.Message) > MaxLeadMessage {
		v.Add("message", "park.lead_too_long", MaxLeadMessage)
	}
	return v.Err("park.lead_invalid")
}

// ValidLeadStatus says whether s is a lead status.
func ValidLeadStatus(s string) bool { return slices.Contains(LeadStatuses, s) }

// MayHandleLeads reports whether the actor follows up investors' leads:
// the department's and communes' staff who may write.
func MayHandleLeads(a congthuong.Actor) bool {
	return a.System || a.IsStaff() && a.CanWrite()
}
