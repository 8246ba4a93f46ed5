package i18n_test

import (
	"testing"

	"congthuong"
	"congthuong/internal/i18n"
)

// TestLocalize writes the messages an answer carries, wherever they sit,
// in the reader's language.
func TestLocalize(t *testing.T) {
	type item struct {
		Name     string
		Problems []congthuong.FieldError
	}
	answer := map[string]any{"items": []item{{Name: "a", Problems: []congthuong.FieldError{{Field: "x", Message: "error.internal"}}}}}
	i18n.Default().Printer("vi").Localize(answer)
	got := answer["items"].([]item)[0].Problems[0]
	if got.Message != i18n.Default().Printer("vi").T("error.internal") || got.Args != nil {
		t.Errorf("a message in a slice of a map: %+v", got)
	}
	one := &congthuong.FieldError{Message: "file.empty"}
	i18n.Default().Printer("en").Localize(one)
	if one.Message != "the file is empty: it needs a header row and data rows" {
		t.Errorf("a message behind a pointer: %q", one.Message)
	}
}
