package park

import (
	"encoding/json"
	"testing"
)

func TestParseHectares(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Area
		ok   bool
	}{
		{"742.5", 7_425_000, true},
		{"742,5", 7_425_000, true},
		{" 11208 ", 112_080_000, true},
		{"11.208", 112_080, true}, // one separator is the decimal mark
		{"1.234,5", 12_345_000, true},
		{"1,234.5", 12_345_000, true},
		{"0.0001", 1, true},
		{"3837.5", 38_375_000, true},
		{"1 000", 10_000_000, true},
		{"0.00001", 0, false},
		{"", 0, false},
		{"-5", 0, false},
		{"12ha", 0, false},
		{"1.2.3", 0, false},
		{"1,2,3", 0, false},
		{"2000000", 0, false},
		{".5", 0, false},
	} {
		got, err := ParseHectares(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("ParseHectares(%q) = %d, %v; want %d, ok %v", c.in, got, err, c.want, c.ok)
		}
	}
}

func TestAreaRoundTrip(t *testing.T) {
	for _, s := range []string{"742.5", "11208", "0.0001", "3837.5", "0", "75"} {
		a, err := ParseHectares(s)
		if err != nil || a.Hectares() != s {
			t.Errorf("%s → %d → %s (%v)", s, a, a.Hectares(), err)
		}
	}
	// Sums stay exact where floats drift: 0.1 + 0.2 ha.
	a, _ := ParseHectares("0.1")
	b, _ := ParseHectares("0.2")
	if (a + b).Hectares() != "0.3" {
		t.Errorf("0.1 + 0.2 = %s", (a + b).Hectares())
	}
	var x struct {
		A Area `json:"a"`
	}
	if err := json.Unmarshal([]byte(`{"a": 742.5}`), &x); err != nil || x.A != 7_425_000 {
		t.Fatalf("%d %v", x.A, err)
	}
	out, _ := json.Marshal(x)
	if string(out) != `{"a":742.5}` {
		t.Errorf("%s", out)
	}
	if err := json.Unmarshal([]byte(`{"a": "abc"}`), &x); err == nil {
		t.Error("a word read as an area")
	}
}
