package web

import (
	"strings"
	"testing"
)

// TestQR: the code is an inline SVG whose modules are the encoder's, with
// the label escaped.
func TestQR(t *testing.T) {
	svg, err := QR("https://dvc.example.vn/verify?number=0001/2026/SCT31", `a "label" <x>`)
	if err != nil {
		t.Fatal(err)
	}
	s := string(svg)
	if !strings.HasPrefix(s, `<svg class="qr"`) || !strings.Contains(s, `aria-label="a &#34;label&#34; &lt;x&gt;"`) || strings.Count(s, "h1v1h-1z") < 100 {
		t.Errorf("svg: %.200s", s)
	}
	if _, err := QR(strings.Repeat("x", 5000), ""); err == nil {
		t.Error("content longer than a QR code holds is not refused")
	}
}
