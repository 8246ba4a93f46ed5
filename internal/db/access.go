package db

import "congthuong"

// The checks every module makes of who acts, before its own rules.

// RequireWriter refuses whom may not change records: the anonymous (401)
// and leaders and enterprise users (403).
func RequireWriter(actor congthuong.Actor) error {
	switch {
	case actor.System || actor.CanWrite():
		return nil
	case actor.Anonymous():
		return congthuong.Errorf(congthuong.EUNAUTHORIZED, "common.log_first")
	}
	return congthuong.Errorf(congthuong.EFORBIDDEN, "common.your_role_may_not_change_records")
}

// RequireAdmin refuses anyone but an administrator.
func RequireAdmin(actor congthuong.Actor) error {
	if actor.System || actor.IsAdmin() {
		return nil
	}
	if actor.Anonymous() {
		return congthuong.Errorf(congthuong.EUNAUTHORIZED, "common.log_first")
	}
	return congthuong.Errorf(congthuong.EFORBIDDEN, "db.only_administrators")
}
