package commercedb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"congthuong"
	"congthuong/internal/commerce"
	"congthuong/internal/db"
	"congthuong/internal/unit"
)

// LicenceFromDossier drafts the licence an approved dossier issues: its
// kind from the procedure, its number from the result, its holder and
// premises from the filing, its day from the result's. Nothing is stored;
// the officer checks and completes it (the premises' point, the
// conditions) before recording it.
func (s *Commerce) LicenceFromDossier(ctx context.Context, code string) (*commerce.Licence, error) {
	d, _, err := s.dossiers.FindDossier(ctx, strings.ToUpper(strings.TrimSpace(code)))
	if err != nil {
		return nil, err
	}
	kind, ok := commerce.KindOfProcedure(d.ProcedureCode)
	if !ok {
		return nil, congthuong.FieldErr(congthuong.EINVALID, "dossier_code", "commerce.dossier_not_licence", d.Code)
	}
	if d.Outcome != "approved" || d.ResultNumber == "" {
		return nil, congthuong.FieldErr(congthuong.EINVALID, "dossier_code", "commerce.dossier_not_approved", d.Code)
	}
	l := &commerce.Licence{Kind: kind.Code, Number: d.ResultNumber, HolderName: d.Applicant.Name, HolderID: d.Applicant.TaxCode,
		HolderEmail: d.Applicant.Email, HolderPhone: d.Applicant.Phone, Address: d.Form["business_address"], DossierCode: d.Code}
	if l.Address == "" {
		l.Address = d.Applicant.Address
	}
	if kind.Issuer == commerce.IssuerCommune {
		l.UnitCode = d.UnitCode
	}
	if d.ResultAt != nil {
		l.IssuedOn = unit.Today(*d.ResultAt)
	}
	l.Normalize()
	return l, nil
}

// checkDossier checks a licence's dossier: approved, of a procedure that
// issues the licence's kind, for the same holder and commune, and seen by
// the actor.
func (s *Commerce) checkDossier(ctx context.Context, l *commerce.Licence, v *congthuong.Validation) error {
	draft, err := s.LicenceFromDossier(ctx, l.DossierCode)
	switch {
	case congthuong.ErrorCode(err) == congthuong.ENOTFOUND:
		v.Add("dossier_code", "commerce.no_dossier", l.DossierCode)
	case len(congthuong.ErrorFields(err)) > 0:
		for _, f := range congthuong.ErrorFields(err) {
			v.Add(f.Field, f.Message, f.Args...)
		}
	case err != nil:
		return err
	case draft.Kind != l.Kind:
		v.Add("kind", "commerce.dossier_other_kind", l.DossierCode)
	case draft.HolderID != "" && draft.HolderID != l.HolderID:
		v.Add("holder_id", "commerce.dossier_other_holder", l.DossierCode)
	case draft.UnitCode != "" && draft.UnitCode != l.UnitCode:
		v.Add("unit_code", "commerce.dossier_other_place", l.DossierCode)
	}
	return nil
}

// LicenceOfDossier finds the licence recorded from a dossier, in the
// actor's scope: 0 when there is none.
func (s *Commerce) LicenceOfDossier(ctx context.Context, code string) (int64, error) {
	w := &db.Where{}
	w.Add("dossier_code = ?", strings.ToUpper(strings.TrimSpace(code)))
	w.Scope(congthuong.ActorFrom(ctx), "unit_code", "province_code")
	var id int64
	err := s.Read.QueryRowContext(ctx, `SELECT id FROM licences`+w.SQL(), w.Args...).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("commercedb: licence of dossier: %w", err)
	}
	return id, nil
}
