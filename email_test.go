package congthuong

import "testing"

func TestValidEmail(t *testing.T) {
	for s, want := range map[string]bool{
		"dn@example.vn": true, "lan.nguyen+hs@sct.haiphong.gov.vn": true,
		"dn@example.vn\r\nBcc: x@example.vn": false, "Lan <lan@example.vn>": false, "lan@localhost": false,
		"a@b.vn, c@d.vn": false, "not an address": false, "": false,
	} {
		if got := ValidEmail(s); got != want {
			t.Errorf("ValidEmail(%q) = %v", s, got)
		}
	}
}
