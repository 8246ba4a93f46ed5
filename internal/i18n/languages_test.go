package i18n

import (
	"testing"
	"testing/fstest"
)

// TestThirdLanguage: a language is added by its catalogue files alone;
// what it does not translate yet is written in English, and an ID it
// invents is refused.
func TestThirdLanguage(t *testing.T) {
	saved, savedTags := Languages, tags
	defer func() { Languages, tags = saved, savedTags }()
	dir := fstest.MapFS{
		"vi.json": {Data: []byte(`{"lang.name": "Tiếng Việt", "x.hello": "Xin chào %s"}`)},
		"en.json": {Data: []byte(`{"lang.name": "English", "x.hello": "Hello %s"}`)},
		"ko.json": {Data: []byte(`{"lang.name": "한국어"}`)},
	}
	Languages = languagesIn(dir)
	tags = tagsOf(Languages)
	if len(Languages) != 3 || Languages[0] != "vi" || Languages[1] != "en" || Languages[2] != "ko" {
		t.Fatalf("languages %v", Languages)
	}
	other := fstest.MapFS{"vi.json": {Data: []byte(`{"y.bye": "Tạm biệt"}`)}, "en.json": {Data: []byte(`{"y.bye": "Goodbye"}`)}}
	c, err := build([]source{{"x", dir}, {"y", other}})
	if err != nil {
		t.Fatal(err)
	}
	ko := c.Printer("ko")
	if got := ko.T("lang.name"); got != "한국어" {
		t.Errorf("the language's own name: %q", got)
	}
	if got := ko.T("x.hello", "An"); got != "Hello An" {
		t.Errorf("an untranslated message: %q, want English", got)
	}
	if got := ko.T("y.bye"); got != "Goodbye" {
		t.Errorf("a catalogue without the language: %q, want English", got)
	}
	dir["ko.json"] = &fstest.MapFile{Data: []byte(`{"x.invented": "?"}`)}
	if _, err := build([]source{{"x", dir}}); err == nil {
		t.Error("an ID only the third language gives is accepted")
	}
}
