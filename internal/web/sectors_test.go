package web

import (
	"strings"
	"testing"

	"congthuong/internal/i18n"
)

// TestSectors: an industry shows by name in the reader's language with its
// code on hover; an unknown code shows as it is, escaped; the picker
// offers every division under its section.
func TestSectors(t *testing.T) {
	vi, en := &Printer{i18n.Default().Printer("vi")}, &Printer{i18n.Default().Printer("en")}
	if got := string(en.Sector("C2592")); got != `<span title="VSIC C2592">Manufacture of fabricated metal products, except machinery and equipment</span>` {
		t.Errorf("en: %s", got)
	}
	if got := string(vi.Sectors([]string{"C10", "<x>"})); !strings.Contains(got, ">Sản xuất, chế biến thực phẩm</span>") || !strings.Contains(got, "&lt;x&gt;") {
		t.Errorf("vi: %s", got)
	}
	choices := vi.SectorChoices()
	n := 0
	for _, c := range choices {
		n += len(c.Options)
	}
	if len(choices) != 21 || n != 88 || choices[2].Options[0].Code != "C10" {
		t.Errorf("%d sections, %d divisions, %+v", len(choices), n, choices[2].Options[0])
	}
}
