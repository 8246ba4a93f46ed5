// Package commerce is trade at commune level: the register of licences
// (alcohol, tobacco, petroleum and LPG shops) born from approved dossiers
// or recorded from a commune's old lists, with their history, expiry
// reminders and the public lookup. The legal sources: docs/COMMERCE.md.
package commerce

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"strconv"
	"sync"

	"congthuong"
)

// licence_kinds.csv holds the kinds of licence as data: who issues them,
// how long they last, when renewal is asked, the procedure that issues
// them, the legal basis, and what of it is verified.
//
//go:embed licence_kinds.csv
var kindsTable []byte

// Issuers of a kind of licence since the two-level government of 1 July
// 2025.
const (
	IssuerCommune    = "commune"
	IssuerDepartment = "department"
)

// Kind is a kind of licence.
type Kind struct {
	Code   string `json:"code"`
	NameVI string `json:"name_vi"`
	NameEN string `json:"name_en"`
	// Issuer is who issues it: the commune of the premises or the
	// department.
	Issuer string `json:"issuer"`
	// ValidYears is how long a licence lasts; 0: without end.
	ValidYears int `json:"valid_years"`
	// RenewalDays is how many days before its end renewal is asked.
	RenewalDays int `json:"renewal_days"`
	// Procedure is the catalogue's procedure whose approved dossier
	// issues it; empty when none is online.
	Procedure  string `json:"procedure,omitempty"`
	LegalBasis string `json:"legal_basis"`
	// Verified says what of the row is checked in a primary source:
	// "all", "issuer+renewal" (the issuer and the renewal lead, not the
	// term), "issuer", or "none".
	Verified string `json:"verified"`
	Note     string `json:"note"`
}

// Name is the kind's name in lang.
func (k Kind) Name() congthuong.Name { return congthuong.Name{VI: k.NameVI, EN: k.NameEN} }

var loadKinds = sync.OnceValue(func() []Kind {
	rows, err := csv.NewReader(bytes.NewReader(kindsTable)).ReadAll()
	if err != nil {
		panic("commerce: licence_kinds.csv: " + err.Error())
	}
	var out []Kind
	for _, r := range rows[1:] {
		years, err1 := strconv.Atoi(r[4])
		days, err2 := strconv.Atoi(r[5])
		if err1 != nil || err2 != nil {
			panic("commerce: licence_kinds.csv: " + r[0])
		}
		out = append(out, Kind{Code: r[0], NameVI: r[1], NameEN: r[2], Issuer: r[3], ValidYears: years, RenewalDays: days,
			Procedure: r[6], LegalBasis: r[7], Verified: r[8], Note: r[9]})
	}
	return out
})

// Kinds lists the kinds of licence.
func Kinds() []Kind { return loadKinds() }

// FindKind finds a kind by its code.
func FindKind(code string) (Kind, bool) {
	for _, k := range loadKinds() {
		if k.Code == code {
			return k, true
		}
	}
	return Kind{}, false
}

// KindOfProcedure finds the kind an approved dossier of procedure issues.
func KindOfProcedure(procedure string) (Kind, bool) {
	for _, k := range loadKinds() {
		if k.Procedure != "" && k.Procedure == procedure {
			return k, true
		}
	}
	return Kind{}, false
}
