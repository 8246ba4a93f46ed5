package parkdb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/db"
	"congthuong/internal/park"
)

const leadColumns = `l.id, p.code, p.name_vi, l.name, l.organisation, l.email, l.phone, l.land_ha, l.sector, l.message, l.lang,
	l.status, l.owner, l.note, l.version, l.created_at, l.updated_at`

func scanLead(sc db.Scanner) (*park.Lead, error) {
	var l park.Lead
	var land sql.NullFloat64
	if err := sc.Scan(&l.ID, &l.SiteCode, &l.SiteName, &l.Name, &l.Organisation, &l.Email, &l.Phone, &land, &l.Sector, &l.Message,
		&l.Lang, &l.Status, &l.Owner, &l.Note, &l.Version, &l.CreatedAt, &l.UpdatedAt); err != nil {
		return nil, err
	}
	if land.Valid {
		l.LandHa = &land.Float64
	}
	l.CreatedAt, l.UpdatedAt = l.CreatedAt.UTC(), l.UpdatedAt.UTC()
	return &l, nil
}

// leadScope limits leads to those of sites the actor looks after: every
// site for the whole country's staff, else the sites of their unit or
// province; nothing for anyone else.
func leadScope(a congthuong.Actor, w *db.Where) {
	switch {
	case a.System || a.UnitCode == congthuong.CountryCode && park.MayHandleLeads(a):
	case park.MayHandleLeads(a) && a.UnitCode != "":
		w.Add("(p.unit_code = ? OR p.province_code = ?)", a.UnitCode, a.UnitCode)
	default:
		w.Add("1 = 0")
	}
}

// RegisterInterest records an investor's interest in a published site and
// queues their acknowledgement, in one transaction. Anyone may send one.
func (s *Parks) RegisterInterest(ctx context.Context, code string, in *park.Lead, lang string) (*park.Lead, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	public := congthuong.NewContext(ctx, congthuong.Actor{})
	site, err := findPark(public, s.Read, code)
	if err != nil {
		return nil, err
	}
	l := *in
	if lang != "en" {
		lang = "vi"
	}
	l.SiteCode, l.SiteName, l.Lang, l.Status, l.Owner, l.Note, l.Version = site.Code, site.NameVI, lang, park.LeadNew, "", "", 1
	if lang == "en" && site.NameEN != "" {
		l.SiteName = site.NameEN
	}
	var land any
	if l.LandHa != nil {
		land = *l.LandHa
	}
	err = s.WithTx(ctx, func(tx *db.Tx) error {
		l.CreatedAt, l.UpdatedAt = tx.Now, tx.Now
		if err := tx.QueryRowContext(ctx, `INSERT INTO park_leads (park_id, name, organisation, email, phone, land_ha, sector, message,
			lang, status, owner, note, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, '', '', 1, $11, $11)
			RETURNING id`, site.ID, l.Name, l.Organisation, l.Email, l.Phone, land, l.Sector, l.Message, l.Lang, l.Status, tx.Now).Scan(&l.ID); err != nil {
			return fmt.Errorf("parkdb: register interest: %w", err)
		}
		subject, body := park.LeadReceivedMail(&l)
		if err := tx.EnqueueMail(ctx, l.Email, subject, body, "lead-"+strconv.FormatInt(l.ID, 10)); err != nil {
			return err
		}
		// The log names the site, not the investor's contact.
		return tx.Audit(ctx, audit.Create, "park_lead", strconv.FormatInt(l.ID, 10), site.UnitCode, nil,
			map[string]string{"site": site.Code})
	})
	if err != nil {
		return nil, err
	}
	return &l, nil
}

// LeadFilter selects leads.
type LeadFilter struct {
	Status, Site, Owner string
	Page                db.Page
}

// Leads lists the leads of the sites the actor looks after, newest first,
// and how many match.
func (s *Parks) Leads(ctx context.Context, f LeadFilter) ([]*park.Lead, int, error) {
	w := &db.Where{}
	leadScope(congthuong.ActorFrom(ctx), w)
	if f.Status != "" {
		w.Add("l.status = ?", f.Status)
	}
	if f.Site != "" {
		w.Add("p.code = ?", f.Site)
	}
	if f.Owner != "" {
		w.Add("l.owner = ?", f.Owner)
	}
	order, err := f.Page.OrderBy(map[string]string{"created": "l.created_at", "status": "l.status"}, "l.created_at DESC", "l.id DESC")
	if err != nil {
		return nil, 0, err
	}
	items, total, err := db.List(ctx, s.DB, "leads", db.Listing{Columns: leadColumns, From: "park_leads l JOIN parks p ON p.id = l.park_id",
		Where: w, Order: order, Page: f.Page}, scanLead)
	if err != nil {
		return nil, 0, fmt.Errorf("parkdb: leads: %w", err)
	}
	return items, total, nil
}

// LeadCounts counts the leads the actor looks after by status.
func (s *Parks) LeadCounts(ctx context.Context) (map[string]int, error) {
	w := &db.Where{}
	leadScope(congthuong.ActorFrom(ctx), w)
	rows, err := s.Read.QueryContext(ctx, `SELECT l.status, COUNT(*) FROM park_leads l JOIN parks p ON p.id = l.park_id`+w.SQL()+
		` GROUP BY l.status`, w.Args...)
	if err != nil {
		return nil, fmt.Errorf("parkdb: lead counts: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var status string
		var n int
		if err := rows.Scan(&status, &n); err != nil {
			return nil, err
		}
		out[status] = n
	}
	return out, rows.Err()
}

// FindLead reads a lead the actor looks after.
func (s *Parks) FindLead(ctx context.Context, id int64) (*park.Lead, error) {
	return findLead(ctx, s.Read, id)
}

func findLead(ctx context.Context, q db.Queryer, id int64) (*park.Lead, error) {
	w := &db.Where{}
	leadScope(congthuong.ActorFrom(ctx), w)
	w.Add("l.id = ?", id)
	l, err := scanLead(q.QueryRowContext(ctx, `SELECT `+leadColumns+` FROM park_leads l JOIN parks p ON p.id = l.park_id`+w.SQL(), w.Args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congthuong.Errorf(congthuong.ENOTFOUND, "park.no_lead", id)
	}
	return l, err
}

// LeadStep is the department's follow-up of a lead: its status, who owns
// it and an internal note; Version is the lead's as it was read.
type LeadStep struct {
	Version     int
	Status      string
	Owner, Note string
}

// FollowUp records a step of a lead the actor looks after, refusing one
// made on a version another has changed since.
func (s *Parks) FollowUp(ctx context.Context, id int64, step LeadStep) (*park.Lead, error) {
	if !park.ValidLeadStatus(step.Status) {
		return nil, congthuong.FieldErr(congthuong.EINVALID, "status", "park.lead_status_invalid")
	}
	if utf8.RuneCountInString(step.Note) > park.MaxLeadNote {
		return nil, congthuong.FieldErr(congthuong.EINVALID, "note", "park.lead_too_long", park.MaxLeadNote)
	}
	var out *park.Lead
	err := s.WithTx(ctx, func(tx *db.Tx) error {
		before, err := findLead(ctx, tx, id)
		if err != nil {
			return err
		}
		if before.Version != step.Version {
			return congthuong.FieldErr(congthuong.ECONFLICT, "version", "park.lead_changed")
		}
		after := *before
		after.Status, after.Owner, after.Note, after.Version, after.UpdatedAt = step.Status, step.Owner, step.Note, before.Version+1, tx.Now
		after.Normalize()
		if _, err := tx.ExecContext(ctx, `UPDATE park_leads SET status = $1, owner = $2, note = $3, version = $4, updated_at = $5
			WHERE id = $6 AND version = $7`, after.Status, after.Owner, after.Note, after.Version, tx.Now, id, before.Version); err != nil {
			return fmt.Errorf("parkdb: follow up lead: %w", err)
		}
		out = &after
		return tx.Audit(ctx, audit.Update, "park_lead", strconv.FormatInt(id, 10), "",
			map[string]string{"status": before.Status, "owner": before.Owner},
			map[string]string{"status": after.Status, "owner": after.Owner})
	})
	return out, err
}
