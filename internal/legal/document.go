// Package legal is the library of legal documents the department applies
// and publishes (Decree 42/2022/NĐ-CP: number and symbol, type, issuer,
// dates, abstract, file): what each is, whether it is in force today, and
// which documents it replaces or is replaced by.
package legal

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/unit"
)

// Types of document, in the order of the legal hierarchy (Law 64/2025/QH15
// on legal documents names them; official letters and plans are the
// administrative documents a department also publishes).
var Types = []string{"law", "resolution", "ordinance", "decree", "decision", "circular", "directive", "plan", "official_letter", "other"}

// Fields are the sectors a document concerns, for the library's filter.
var Fields = []string{"industry", "trade", "energy", "market", "administration", "other"}

// Scopes of a replacement: the whole document, or a part of it (an
// amendment).
const (
	Whole = "whole"
	Part  = "part"
)

// Statuses of a document on a day, computed from its dates and from the
// documents that replace it, never stored: a status cannot go stale.
const (
	Pending        = "pending" // issued, not yet in force
	InForce        = "in_force"
	PartlyReplaced = "partly_replaced"
	Replaced       = "replaced"
	Expired        = "expired"
)

// Statuses lists the statuses in display order.
var Statuses = []string{InForce, PartlyReplaced, Replaced, Expired, Pending}

// Relation is a replacement: the number of the other document, the scope,
// and, when the library holds it, its address, title and effective day.
type Relation struct {
	Number      string         `json:"number"`
	Scope       string         `json:"scope"`
	Slug        string         `json:"slug,omitempty"`
	TitleVI     string         `json:"title_vi,omitempty"`
	EffectiveOn *calendar.Date `json:"effective_on,omitempty"`
}

// Document is one legal or administrative document.
type Document struct {
	ID          int64          `json:"id"`
	Slug        string         `json:"slug"`
	Number      string         `json:"number"`
	Type        string         `json:"type"`
	Issuer      string         `json:"issuer"`
	Signer      string         `json:"signer,omitempty"`
	Field       string         `json:"field"`
	TitleVI     string         `json:"title_vi"`
	TitleEN     string         `json:"title_en,omitempty"`
	AbstractVI  string         `json:"abstract_vi,omitempty"`
	AbstractEN  string         `json:"abstract_en,omitempty"`
	IssuedOn    calendar.Date  `json:"issued_on"`
	EffectiveOn *calendar.Date `json:"effective_on,omitempty"`
	ExpiresOn   *calendar.Date `json:"expires_on,omitempty"`
	// Replaces are the documents this one replaces, wholly or in part;
	// ReplacedBy those that replace it (read from theirs).
	Replaces   []Relation `json:"replaces"`
	ReplacedBy []Relation `json:"replaced_by"`
	// Status is the status today, filled when read.
	Status string `json:"status"`
	Demo   bool   `json:"demo,omitempty"`
	// Published says the public sees it; staff prepare a document first.
	Published  bool      `json:"published"`
	Version    int       `json:"version"`
	ModifiedBy string    `json:"modified_by,omitempty"`
	ModifiedAt time.Time `json:"modified_at"`
}

// Title is the document's title in lang, Vietnamese when it has no English.
func (d *Document) Title(lang string) string {
	if lang == "en" && d.TitleEN != "" {
		return d.TitleEN
	}
	return d.TitleVI
}

// Abstract is the abstract in lang, Vietnamese when it has no English.
func (d *Document) Abstract(lang string) string {
	if lang == "en" && d.AbstractEN != "" {
		return d.AbstractEN
	}
	return d.AbstractVI
}

// StatusOn is the document's status on day: expired after its expiry,
// replaced (wholly or in part) once a replacing document is in force, not
// yet in force before its effective day, in force otherwise.
func (d *Document) StatusOn(day calendar.Date) string {
	if d.ExpiresOn != nil && day.JDN() >= d.ExpiresOn.JDN() {
		return Expired
	}
	partly := false
	for _, r := range d.ReplacedBy {
		if r.EffectiveOn == nil || day.JDN() < r.EffectiveOn.JDN() {
			continue
		}
		if r.Scope == Whole {
			return Replaced
		}
		partly = true
	}
	if d.EffectiveOn != nil && day.JDN() < d.EffectiveOn.JDN() {
		return Pending
	}
	if partly {
		return PartlyReplaced
	}
	return InForce
}

// numberShape is a document's number and symbol: digits, a year, and the
// issuer's symbol ("139/2025/NĐ-CP", "766/QĐ-TTg", "64/2025/QH15").
var numberShape = regexp.MustCompile(`^\d{1,5}(/\d{4})?/[\p{L}\d]+([-.][\p{L}\d]+)*$`)

// NumberPattern finds document numbers inside a sentence, such as a
// procedure's legal basis ("Nghị định 139/2025/NĐ-CP ngày 12/6/2025").
var NumberPattern = regexp.MustCompile(`\d{1,5}(?:/\d{4})?/\p{Lu}[\p{L}\d]*(?:-[\p{L}\d]+)*`)

// NormalizeNumber writes a number as documents do, without spaces
// ("139 / 2025/NĐ-CP" → "139/2025/NĐ-CP"). The case stays as typed: symbols
// mix them ("766/QĐ-TTg"); numbers are told apart by their address (Slug),
// which ignores case and diacritics.
func NormalizeNumber(s string) string { return strings.Join(strings.Fields(s), "") }

// Slug is a document's address made from its number: "139-2025-nd-cp".
func Slug(number string) string {
	var b strings.Builder
	for _, r := range unit.Fold(number) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

// Limits of a document's text, in characters.
const (
	MaxTitle    = 500
	MaxAbstract = 4000
	MaxName     = 200
)

// Normalize trims what was typed.
func (d *Document) Normalize() {
	d.Number = NormalizeNumber(d.Number)
	for _, s := range []*string{&d.Issuer, &d.Signer, &d.TitleVI, &d.TitleEN} {
		*s = strings.Join(strings.Fields(*s), " ")
	}
	d.AbstractVI, d.AbstractEN = strings.TrimSpace(d.AbstractVI), strings.TrimSpace(d.AbstractEN)
	var rels []Relation
	for _, r := range d.Replaces {
		if r.Number = NormalizeNumber(r.Number); r.Number != "" {
			rels = append(rels, Relation{Number: r.Number, Scope: r.Scope})
		}
	}
	d.Replaces = rels
}

// Validate checks a document before it is saved.
func (d *Document) Validate() error {
	var v congthuong.Validation
	if !numberShape.MatchString(d.Number) {
		v.Add("number", "legal.number_shape")
	}
	if !slices.Contains(Types, d.Type) {
		v.Add("type", "legal.choose_type")
	}
	if !slices.Contains(Fields, d.Field) {
		v.Add("field", "legal.choose_field")
	}
	for field, s := range map[string]string{"issuer": d.Issuer, "title_vi": d.TitleVI} {
		if s == "" {
			v.Add(field, "legal.required")
		}
	}
	for field, s := range map[string]string{"issuer": d.Issuer, "signer": d.Signer} {
		if utf8.RuneCountInString(s) > MaxName {
			v.Add(field, "legal.longer_than", MaxName)
		}
	}
	for field, s := range map[string]string{"title_vi": d.TitleVI, "title_en": d.TitleEN} {
		if utf8.RuneCountInString(s) > MaxTitle {
			v.Add(field, "legal.longer_than", MaxTitle)
		}
	}
	for field, s := range map[string]string{"abstract_vi": d.AbstractVI, "abstract_en": d.AbstractEN} {
		if utf8.RuneCountInString(s) > MaxAbstract {
			v.Add(field, "legal.longer_than", MaxAbstract)
		}
	}
	if d.IssuedOn.Year < 1945 {
		v.Add("issued_on", "legal.issued_required")
	}
	if d.EffectiveOn != nil && d.EffectiveOn.JDN() < d.IssuedOn.JDN() {
		v.Add("effective_on", "legal.effective_before_issued")
	}
	if d.ExpiresOn != nil && d.EffectiveOn != nil && d.ExpiresOn.JDN() <= d.EffectiveOn.JDN() {
		v.Add("expires_on", "legal.expires_before_effective")
	}
	for _, r := range d.Replaces {
		switch {
		case !numberShape.MatchString(r.Number):
			v.Add("replaces", "legal.replaced_number_shape", r.Number)
		case r.Number == d.Number:
			v.Add("replaces", "legal.replaces_itself")
		case r.Scope != Whole && r.Scope != Part:
			v.Add("replaces", "legal.choose_scope")
		}
	}
	return v.Err("legal.invalid_document")
}

// MayWrite reports whether the actor keeps the library: the department's
// officers and administrators.
func MayWrite(a congthuong.Actor) bool { return a.IsDepartment() }
