package procedure

import "congthuong"

// Who may act on a dossier, wherever the request comes from: a form, an API
// call, a command. The SQL checks the same rules on the dossier as it is
// under its transaction.

// FilerRole is the role in which a dossier is filed: the applicant's online,
// the receiving officer's when staff record a filing made in person or by
// post.
func FilerRole(staff bool) Role {
	if staff {
		return AsReceiver
	}
	return AsApplicant
}

// MayReceive reports whether a staff member works at the dossier's desk:
// its commune's officers for a commune procedure, the province's for the
// department's.
func MayReceive(a congthuong.Actor, p *Procedure, d *Dossier) bool {
	if a.System {
		return true
	}
	if p.Level == Commune {
		return a.UnitCode == d.UnitCode
	}
	return a.UnitCode == d.ProvinceCode || a.UnitCode == congthuong.CountryCode
}

// RolesOf lists what the actor is to a dossier, most specific first.
func RolesOf(a congthuong.Actor, p *Procedure, d *Dossier) []Role {
	if a.System {
		// The platform itself (demo data, commands) may take any step.
		return []Role{AsReceiver, AsHandler, AsLeader, AsApplicant}
	}
	var out []Role
	// The applicant: the enterprise whose tax code the dossier bears, or the
	// account (a citizen's) that filed it online.
	applicant := !a.Anonymous() && !a.IsStaff() && (a.Role == congthuong.RoleEnterprise && a.TaxCode != "" && a.TaxCode == d.Applicant.TaxCode ||
		d.Channel == Online && d.CreatedBy == a.Name())
	if applicant {
		out = append(out, AsApplicant)
	}
	if a.IsStaff() && MayReceive(a, p, d) {
		if a.Role == congthuong.RoleLeader || a.Role == congthuong.RoleAdmin {
			out = append(out, AsLeader)
		}
		if a.CanWrite() {
			if d.Handler != "" && d.Handler == a.Name() {
				out = append(out, AsHandler)
			}
			out = append(out, AsReceiver)
		}
	}
	return out
}
