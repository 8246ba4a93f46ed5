package procedure

import (
	"fmt"
	"strings"
	"time"

	"congthuong"
	"congthuong/internal/unit"
)

// The format of the documents a dossier ends with, as Decree 30/2020/NĐ-CP
// on clerical work sets it (Appendix I; docs/PROCEDURES.md, "The result
// document"): the issuing authority's name under the one above it, the
// place and date line, and the signature block with the signer's power.

// Letterhead is an issuing authority as its documents name it.
type Letterhead struct {
	// Above is the authority directly above the issuer ("ỦY BAN NHÂN DÂN
	// THÀNH PHỐ HẢI PHÒNG" above a department), or the issuer's kind for a
	// People's Committee ("ỦY BAN NHÂN DÂN" above "PHƯỜNG THỦY NGUYÊN").
	Above string
	// Authority is the issuer's own name, upper-case.
	Authority string
	// Place is the locality of the date line ("Hải Phòng").
	Place string
	// Head is the title of the issuer's head ("GIÁM ĐỐC", "CHỦ TỊCH");
	// Collective marks a collegial body, whose head signs "TM." on its
	// behalf.
	Head       string
	Collective bool
}

// LetterheadOf is the letterhead of the unit that decides a procedure of
// level: the province's Department of Industry and Trade, or the commune's
// People's Committee.
func LetterheadOf(level string, u unit.Unit) Letterhead {
	if level == Commune {
		return Letterhead{Above: "ỦY BAN NHÂN DÂN", Authority: strings.ToUpper(u.FullName), Place: u.Name,
			Head: "CHỦ TỊCH", Collective: true}
	}
	return Letterhead{Above: "ỦY BAN NHÂN DÂN " + strings.ToUpper(u.FullName), Authority: "SỞ CÔNG THƯƠNG", Place: u.Name,
		Head: "GIÁM ĐỐC"}
}

// SignatureLines are the lines above the signer's name for a signer with
// title: the head's title when the head signs; "KT." and the head's title,
// then the deputy's own, when a deputy signs on the head's behalf; "TM." and
// the body first for a collegial body. An empty title is taken as the
// head's.
func (l Letterhead) SignatureLines(title string) []string {
	var out []string
	if l.Collective {
		out = append(out, "TM. ỦY BAN NHÂN DÂN")
	}
	deputy := strings.HasPrefix(strings.ToLower(strings.TrimSpace(title)), "phó")
	if deputy {
		out = append(out, "KT. "+l.Head, strings.ToUpper(title))
	} else {
		out = append(out, l.Head)
	}
	if l.Collective && deputy {
		out = out[1:] // a deputy chair signs "KT. CHỦ TỊCH", not on the body's behalf
	}
	return out
}

// DateLine is the place and date line: "Hải Phòng, ngày 07 tháng 12 năm
// 2026", with a leading zero for days below 10 and for January and
// February, in Vietnam's time.
func (l Letterhead) DateLine(t time.Time) string {
	t = t.In(congthuong.Location)
	month := fmt.Sprint(int(t.Month()))
	if t.Month() <= 2 {
		month = "0" + month
	}
	return fmt.Sprintf("%s, ngày %02d tháng %s năm %d", l.Place, t.Day(), month, t.Year())
}
