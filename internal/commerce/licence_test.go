package commerce

import (
	"testing"

	"congthuong"
	"congthuong/internal/calendar"
)

func goodLicence() *Licence {
	return &Licence{Kind: "tobacco_retail", Number: "12/GP-UBND", HolderName: "Hộ kinh doanh Nguyễn Văn An",
		HolderID: "031095001234", Address: "Số 5 đường Đà Nẵng", UnitCode: "11560", IssuerCode: "11560", IssuedOn: "2026-03-15"}
}

// TestKinds: the kinds are read from their table, each with a legal
// basis and what of it is verified; tobacco retail is the commune's, for
// five years, renewal asked 30 days before.
func TestKinds(t *testing.T) {
	if len(Kinds()) != 7 {
		t.Fatalf("%d kinds", len(Kinds()))
	}
	for _, k := range Kinds() {
		if k.NameVI == "" || k.NameEN == "" || k.LegalBasis == "" || k.Note == "" || (k.Issuer != IssuerCommune && k.Issuer != IssuerDepartment) {
			t.Errorf("incomplete kind %+v", k)
		}
	}
	k, ok := KindOfProcedure("CT-THUOCLA-BANLE")
	if !ok || k.Code != "tobacco_retail" || k.Issuer != IssuerCommune || k.ValidYears != 5 || k.RenewalDays != 30 || k.Verified != "all" {
		t.Errorf("tobacco retail: %+v", k)
	}
	if _, ok := KindOfProcedure(""); ok {
		t.Error("a kind without procedure found for none")
	}
}

// TestLicenceValidate: a good licence passes and gets its end from its
// kind's term; each wrong field is named.
func TestLicenceValidate(t *testing.T) {
	l := goodLicence()
	l.Normalize()
	if err := l.Validate("2026-12-07"); err != nil || l.ValidUntil != "2031-03-14" || l.Status != Active {
		t.Fatalf("%v %+v", err, l)
	}
	lon, lat := 20.8, 106.6
	for field, spoil := range map[string]func(*Licence){
		"kind":         func(l *Licence) { l.Kind = "beer" },
		"number":       func(l *Licence) { l.Number = "" },
		"holder_name":  func(l *Licence) { l.HolderName = "" },
		"holder_id":    func(l *Licence) { l.HolderID = "0100233480" },
		"holder_email": func(l *Licence) { l.HolderEmail = "an at example" },
		"address":      func(l *Licence) { l.Address = "" },
		"unit_code":    func(l *Licence) { l.UnitCode = "" },
		"lat":          func(l *Licence) { l.Lon, l.Lat = &lon, &lat },
		"issued_on":    func(l *Licence) { l.IssuedOn = "2027-01-01" },
		"valid_until":  func(l *Licence) { l.ValidUntil = "2032-01-01" },
		"dossier_code": func(l *Licence) { l.DossierCode = "x" },
		"status":       func(l *Licence) { l.Status = "expired" },
	} {
		l := goodLicence()
		spoil(l)
		l.Normalize()
		f := congthuong.ErrorFields(l.Validate("2026-12-07"))
		if len(f) != 1 || f[0].Field != field {
			t.Errorf("%s: %v", field, f)
		}
	}
}

// TestStatusAndDecisions: a licence is expired after its last day; the
// decisions offered follow its status; a suspension needs its reason, a
// renewal a later end (by default a new term from its day); a revoked
// licence takes no decision.
func TestStatusAndDecisions(t *testing.T) {
	l := goodLicence()
	l.Normalize()
	if l.StatusOn("2031-03-14") != Active || l.StatusOn("2031-03-15") != Expired {
		t.Errorf("expiry: %s %s", l.StatusOn("2031-03-14"), l.StatusOn("2031-03-15"))
	}
	e := &Event{Action: Suspend, On: "2026-06-01", Decision: "5/QĐ-UBND"}
	if f := congthuong.ErrorFields(Decide(l, e, "2026-12-07")); len(f) != 1 || f[0].Field != "note" {
		t.Errorf("a suspension without reason: %v", f)
	}
	e.Note = "Bán cho người dưới 18 tuổi"
	if err := Decide(l, e, "2026-12-07"); err != nil || l.StatusOn("2026-12-07") != Suspended {
		t.Fatalf("suspend: %v %s", err, l.Status)
	}
	if err := Decide(l, &Event{Action: Renewed, On: "2026-12-01", Decision: "6/QĐ"}, "2026-12-07"); congthuong.ErrorCode(err) != congthuong.ECONFLICT {
		t.Errorf("renewing a suspended licence: %v", err)
	}
	if err := Decide(l, &Event{Action: Reinstate, On: "2026-07-01", Decision: "7/QĐ"}, "2026-12-07"); err != nil || l.Status != Active {
		t.Fatalf("reinstate: %v", err)
	}
	renewal := &Event{Action: Renewed, On: "2031-02-20", Decision: "8/GP-UBND"}
	if err := Decide(l, renewal, "2031-02-20"); err != nil || l.ValidUntil != "2036-02-19" {
		t.Errorf("renew: %v %s", err, l.ValidUntil)
	}
	if f := congthuong.ErrorFields(Decide(l, &Event{Action: Renewed, On: "2031-02-21", Decision: "9", ValidUntil: "2030-01-01"}, "2031-02-21")); len(f) != 1 || f[0].Field != "valid_until" {
		t.Errorf("a renewal ending earlier: %v", f)
	}
	if err := Decide(l, &Event{Action: Revoke, On: "2031-03-01", Decision: "10/QĐ", Note: "Vi phạm"}, "2031-03-01"); err != nil || len(Decisions(l, "2031-03-01")) != 0 {
		t.Errorf("revoke: %v %v", err, Decisions(l, "2031-03-01"))
	}
}

// TestEndOfTerm: a term ends the day before its anniversary, also across
// a leap day.
func TestEndOfTerm(t *testing.T) {
	for from, want := range map[string]string{"2026-03-15": "2031-03-14", "2024-02-29": "2029-02-28", "2026-01-01": "2030-12-31"} {
		d, _ := calendar.ParseDate(from)
		if got := EndOfTerm(d, 5).String(); got != want {
			t.Errorf("%s: %s, want %s", from, got, want)
		}
	}
}

// TestPublicHolderID: the public reads a tax code, never a citizen's
// number.
func TestPublicHolderID(t *testing.T) {
	if (&Licence{HolderID: "031095001234"}).PublicHolderID() != "" || (&Licence{HolderID: "0100233488"}).PublicHolderID() != "0100233488" {
		t.Error("holder identifiers")
	}
}
