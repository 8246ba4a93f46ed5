package procedure

import (
	"crypto/rand"
	"crypto/subtle"
	"fmt"
	"regexp"
	"strings"
	"time"

	"congthuong"
	"congthuong/internal/calendar"
)

// Channels a dossier comes by (DVCQG KenhThucHien).
const (
	InPerson = 1
	Online   = 2
	Post     = 3
)

// Applicant is who files a dossier: an enterprise (tax code) or a citizen.
type Applicant struct {
	Name    string `json:"name"`
	TaxCode string `json:"tax_code,omitempty"`
	Phone   string `json:"phone"`
	Email   string `json:"email,omitempty"`
	Address string `json:"address,omitempty"`
}

// Dossier is one filing of a procedure.
type Dossier struct {
	ID            int64  `json:"id"`
	Code          string `json:"code"`
	ProcedureCode string `json:"procedure_code"`
	ProcedureName string `json:"procedure_name,omitempty"`
	// UnitCode is the unit that handles it: the province for the
	// department's procedures, the commune for the communes'.
	UnitCode     string            `json:"unit_code"`
	ProvinceCode string            `json:"province_code"`
	Channel      int               `json:"channel"`
	Applicant    Applicant         `json:"applicant"`
	Form         map[string]string `json:"form,omitempty"`
	State
	Handler     string           `json:"handler,omitempty"`
	SubmittedAt time.Time        `json:"submitted_at"`
	ReceivedAt  *time.Time       `json:"received_at,omitempty"`
	DueAt       *time.Time       `json:"due_at,omitempty"`
	Pauses      []calendar.Pause `json:"pauses,omitempty"`
	FinishedAt  *time.Time       `json:"finished_at,omitempty"`
	// ResultNumber is the approved result document's number
	// (0007/2026/SCT31), verifiable by anyone.
	ResultNumber string     `json:"result_number,omitempty"`
	ResultAt     *time.Time `json:"result_at,omitempty"`
	// Files are the papers attached.
	Files []File `json:"files,omitempty"`
	// ApologyDue is the new date an apology slip (form 04) gave.
	ApologyDue *time.Time `json:"apology_due,omitempty"`
	// TrackingKey is the secret printed on the receipt that, with the
	// code, lets anyone who holds it follow the dossier (TrackingKeyOK).
	TrackingKey string `json:"tracking_key,omitempty"`
	// FeeAmount is the fee asked for, in đồng; FeePaidAt when it was paid.
	FeeAmount int64      `json:"fee_amount,omitempty"`
	FeePaidAt *time.Time `json:"fee_paid_at,omitempty"`
	// CreatedBy is the account that filed it: its applicant, when not an
	// officer at the desk.
	CreatedBy string `json:"created_by,omitempty"`
	Demo      bool   `json:"demo,omitempty"`
	Version   int    `json:"version"`
}

// File is a paper attached to a dossier, stored by the SHA-256 of its
// content.
type File struct {
	ID          int64  `json:"id"`
	Document    string `json:"document,omitempty"`
	FileName    string `json:"file_name"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	SHA256      string `json:"sha256"`
}

// Overdue reports whether the dossier is past its due time at now and not
// finished: derived, never stored.
func (d *Dossier) Overdue(now time.Time) bool {
	return d.DueAt != nil && d.FinishedAt == nil && !d.Status.Final() && d.Status != Processed && now.After(*d.DueAt)
}

var phoneDigits = regexp.MustCompile(`\D`)

// NormalizePhone keeps a phone number's digits, with 0 for +84.
func NormalizePhone(s string) string {
	d := phoneDigits.ReplaceAllString(s, "")
	if strings.HasPrefix(d, "84") && len(d) >= 11 {
		d = "0" + d[2:]
	}
	return d
}

// MaxFee bounds a fee asked for: a thousand million đồng.
const MaxFee = 1_000_000_000

// Validate checks what the applicant gives, against the procedure's form.
func (d *Dossier) Validate(p *Procedure) error {
	var v congthuong.Validation
	d.Applicant.Name = strings.Join(strings.Fields(d.Applicant.Name), " ")
	d.Applicant.Phone = NormalizePhone(d.Applicant.Phone)
	if d.Applicant.Name == "" {
		v.Add("applicant.name", "procedure.applicant_s_name_required")
	}
	if n := len(d.Applicant.Phone); n < 9 || n > 12 {
		v.Add("applicant.phone", "procedure.phone_number_reach_applicant_required")
	}
	d.Applicant.Email = strings.TrimSpace(d.Applicant.Email)
	if e := d.Applicant.Email; e != "" && !congthuong.ValidEmail(e) {
		v.Add("applicant.email", "procedure.write_e_mail_address_such_as_ten_example")
	}
	if d.Channel != InPerson && d.Channel != Online && d.Channel != Post {
		v.Add("channel", "procedure.channel_1_person_2_online_3_post")
	}
	for _, f := range p.Fields {
		val := strings.TrimSpace(d.Form[f.Name])
		switch {
		case val == "" && f.Required:
			v.Add("form."+f.Name, "procedure.required")
		case val != "" && f.Type == "date":
			if _, err := time.Parse(time.DateOnly, val); err != nil {
				v.Add("form."+f.Name, "common.write_date_as_yyyy_mm_dd")
			}
		}
	}
	for k := range d.Form {
		known := false
		for _, f := range p.Fields {
			known = known || f.Name == k
		}
		if !known {
			v.Add("form."+k, "procedure.procedure_s_form_has_no_such_field")
		}
	}
	return v.Err("procedure.dossier_has_invalid_fields")
}

// DossierCode is a dossier's code: {agency}-{yyMMdd}-{4-digit sequence of
// the day} (e.g. SCT31-251215-0007).
func DossierCode(agency string, day calendar.Date, seq int) string {
	return fmt.Sprintf("%s-%02d%02d%02d-%04d", agency, day.Year%100, day.Month, day.Day, seq)
}

// AgencyCode is the agency part of the codes of a unit's dossiers: SCT and
// the province code for the department, X and the commune code for a
// commune, until the units' electronic identifiers (QCVN 102:2016/BTTTT)
// are configured.
func AgencyCode(level, unitCode string) string {
	if level == Commune {
		return "X" + unitCode
	}
	return "SCT" + unitCode
}

// Due returns when a dossier received at received is due: the term's
// working days (or hours) counted on the calendar from the receipt, with
// the cut-off, moved by the working days its pauses took.
func Due(cal *calendar.Calendar, p *Procedure, received time.Time, pauses []calendar.Pause) (time.Time, error) {
	cutoff := calendar.NoCutoff
	if p.CutOff != "" {
		c, err := calendar.ParseClock(p.CutOff)
		if err != nil {
			return time.Time{}, err
		}
		cutoff = c
	}
	if p.Term.WorkingHours > 0 {
		due, _, err := cal.AddWorkingHours(received, int(p.Term.WorkingHours*60), cutoff)
		if err != nil || len(pauses) == 0 {
			return due, err
		}
		day, err := cal.Extend(calendar.DateOf(due), pauses)
		if err != nil {
			return time.Time{}, err
		}
		clock := due.In(congthuong.Location)
		return day.At(clock.Hour()*60 + clock.Minute()), nil
	}
	dueDay, _, err := cal.DueDate(received, p.Term.WorkingDays, cutoff)
	if err != nil {
		return time.Time{}, err
	}
	if dueDay, err = cal.Extend(dueDay, pauses); err != nil {
		return time.Time{}, err
	}
	return dueDay.At(int(cal.OfficeHours().Close())), nil
}

// trackingAlphabet leaves out the letters and digits read alike (0 and O, 1
// and I and L), so that a key copied from paper is copied right.
const trackingAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

// NewTrackingKey returns a random tracking key of 8 characters (about 40
// bits), written XXXX-XXXX.
func NewTrackingKey() (string, error) {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	out := make([]byte, 0, 9)
	for i, x := range b {
		if i == 4 {
			out = append(out, '-')
		}
		// 256 is not a multiple of 31: the first 8 letters come up a little
		// more often, which costs a fraction of a bit.
		out = append(out, trackingAlphabet[int(x)%len(trackingAlphabet)])
	}
	return string(out), nil
}

// TrackingKeyOK reports whether what someone typed is the dossier's
// tracking key, whatever its case, spaces and dashes, in constant time.
func (d *Dossier) TrackingKeyOK(typed string) bool {
	norm := func(s string) []byte {
		var out []byte
		for _, r := range strings.ToUpper(s) {
			if r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' {
				out = append(out, byte(r))
			}
		}
		return out
	}
	want := norm(d.TrackingKey)
	return len(want) > 0 && subtle.ConstantTimeCompare(norm(typed), want) == 1
}
