package web

import (
	"net/http/httptest"
	"net/netip"
	"testing"
)

func TestClientAddr(t *testing.T) {
	trusted := []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("10.0.0.0/8")}
	for _, test := range []struct {
		name, remote, xff string
		trusted           bool
		want              string
	}{
		{"no proxies configured: the peer", "203.0.113.7:5000", "198.51.100.1", false, "203.0.113.7"},
		{"untrusted peer: its header is ignored", "203.0.113.7:5000", "198.51.100.1", true, "203.0.113.7"},
		{"behind nginx", "127.0.0.1:5000", "198.51.100.1", true, "198.51.100.1"},
		{"a forged first hop is skipped", "127.0.0.1:5000", "6.6.6.6, 198.51.100.1", true, "198.51.100.1"},
		{"two trusted proxies", "127.0.0.1:5000", "198.51.100.1, 10.1.2.3", true, "198.51.100.1"},
		{"no header", "127.0.0.1:5000", "", true, "127.0.0.1"},
		{"garbage after the client", "127.0.0.1:5000", "198.51.100.1, nonsense", true, "127.0.0.1"},
		{"IPv6", "[::1]:5000", "2001:db8::1", false, "::1"},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = test.remote
		if test.xff != "" {
			r.Header.Set("X-Forwarded-For", test.xff)
		}
		list := trusted
		if !test.trusted {
			list = nil
		}
		if got := clientAddr(r, list); got != test.want {
			t.Errorf("%s: %s, want %s", test.name, got, test.want)
		}
	}
}
