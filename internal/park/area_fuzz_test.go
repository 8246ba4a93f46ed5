package park

import "testing"

// FuzzParseHectares: whatever is read writes back to itself.
func FuzzParseHectares(f *testing.F) {
	for _, s := range []string{"742.5", "742,5", "1.234,5", "0.0001", "1e3", "-1", "  75 ", "9999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseHectares(s)
		if err != nil {
			return
		}
		if a < 0 || a > maxArea {
			t.Errorf("%q read as %d m²", s, a)
		}
		back, err := ParseHectares(a.Hectares())
		if err != nil || back != a {
			t.Errorf("%q → %s → %d, %v", s, a.Hectares(), back, err)
		}
	})
}
