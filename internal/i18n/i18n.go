// Package i18n holds the platform's messages in Vietnamese and English, by
// ID, and writes numbers and dates in the reader's language.
//
// Every package with words for users keeps them in its own catalogue, a
// folder holding vi.json and en.json: objects from message IDs to text in
// golang.org/x/text/message's printf form ("%s", "%d" …), or, for a text
// that depends on a count (the first argument), to its plural forms
// ({"one": …, "other": …}). A package registers its catalogue in a
// package-level variable (Register); the catalogues are read together on
// first use (Load), which refuses an ID given twice or missing from a
// language.
//
// golang.org/x/text/message is the catalogue and plural machinery, and
// golang.org/x/text/number writes numbers as CLDR says each language
// does: it is kept by the Go team, was already a dependency, and formats
// the numbers inside messages too, which go-i18n, the usual alternative,
// leaves to the caller.
package i18n

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"

	"congthuong"
)

// Languages the platform speaks: Vietnamese (the default) and English,
// then any language whose catalogue of shared messages (locale/xx.json
// here) is shipped. A third language is added without code: an xx.json
// beside vi.json and en.json in the catalogues, starting with this
// package's (which names the language, "lang.name"); what a catalogue
// does not translate yet is written in English.
var Languages = languagesIn(Sub(shared, "locale"))

// tags are the languages' CLDR tags.
var tags = tagsOf(Languages)

// languagesIn lists the languages of a catalogue folder: vi and en first,
// then the others in order of their codes.
func languagesIn(fsys fs.FS) []string {
	out := []string{"vi", "en"}
	names, _ := fs.Glob(fsys, "*.json")
	for _, n := range names {
		if lang := strings.TrimSuffix(n, ".json"); !slices.Contains(out, lang) {
			out = append(out, lang)
		}
	}
	return out
}

func tagsOf(langs []string) map[string]language.Tag {
	out := map[string]language.Tag{}
	for _, l := range langs {
		out[l] = language.Make(l)
	}
	return out
}

// source is one package's catalogue.
type source struct {
	name string
	fsys fs.FS
}

var (
	mu      sync.Mutex
	sources []source
	loaded  *Catalogue
	loadErr error
)

// Register adds the catalogue in fsys (vi.json and en.json), named name in
// errors. It returns true, so that a package can register in a variable:
//
//	var _ = i18n.Register("park", locale)
func Register(name string, fsys fs.FS) bool {
	mu.Lock()
	defer mu.Unlock()
	if loaded != nil || loadErr != nil {
		panic("i18n: " + name + " registered after the catalogues were read")
	}
	sources = append(sources, source{name, fsys})
	return true
}

// Catalogue is every registered message in every language.
type Catalogue struct {
	builder *catalog.Builder
	// texts is each language's messages as the files give them: a string,
	// or a map of plural forms.
	texts map[string]map[string]any
	// owner names the catalogue that gives each ID.
	owner map[string]string
}

// Load reads the registered catalogues, once. It fails if a file is
// missing or broken, if two catalogues give the same ID, or if an ID is in
// one language and not the other.
func Load() (*Catalogue, error) {
	mu.Lock()
	defer mu.Unlock()
	if loaded == nil && loadErr == nil {
		loaded, loadErr = build(sources)
	}
	return loaded, loadErr
}

// Default is the loaded catalogue; it panics if Load fails, which the
// server checks before it starts (and every test that renders a page).
func Default() *Catalogue {
	c, err := Load()
	if err != nil {
		panic(err)
	}
	return c
}

func build(list []source) (*Catalogue, error) {
	c := &Catalogue{builder: catalog.NewBuilder(), texts: map[string]map[string]any{}, owner: map[string]string{}}
	for _, lang := range Languages {
		c.texts[lang] = map[string]any{}
	}
	for _, src := range list {
		ids := map[string][]string{}
		for i, lang := range Languages {
			b, err := fs.ReadFile(src.fsys, lang+".json")
			if err != nil && i >= 2 && errors.Is(err, fs.ErrNotExist) {
				continue // a language added later: English until translated
			}
			if err != nil {
				return nil, fmt.Errorf("i18n: catalogue %s: %w", src.name, err)
			}
			var entries map[string]any
			if err := json.Unmarshal(b, &entries); err != nil {
				return nil, fmt.Errorf("i18n: catalogue %s, %s: %w", src.name, lang, err)
			}
			for id, v := range entries {
				if other, dup := c.owner[id]; dup && other != src.name {
					return nil, fmt.Errorf("i18n: %s gives %q, which %s gives", src.name, id, other)
				}
				if err := c.set(lang, id, v); err != nil {
					return nil, fmt.Errorf("i18n: catalogue %s, %s: %w", src.name, lang, err)
				}
				ids[lang] = append(ids[lang], id)
			}
		}
		for _, id := range ids[Languages[0]] {
			c.owner[id] = src.name
		}
		// Vietnamese and English give the same IDs; a further language
		// gives some of them, and the others are written in English.
		a, b := slices.Sorted(slices.Values(ids[Languages[0]])), slices.Sorted(slices.Values(ids[Languages[1]]))
		if !slices.Equal(a, b) {
			return nil, fmt.Errorf("i18n: catalogue %s: %s and %s give different IDs: %v", src.name, Languages[0], Languages[1], difference(a, b))
		}
		for _, lang := range Languages[2:] {
			have := ids[lang]
			for _, id := range ids[Languages[1]] {
				if slices.Contains(have, id) {
					continue
				}
				if err := c.set(lang, id, c.texts[Languages[1]][id]); err != nil {
					return nil, err
				}
			}
			for _, id := range have {
				if !slices.Contains(a, id) {
					return nil, fmt.Errorf("i18n: catalogue %s, %s: %q is not a message of the catalogue", src.name, lang, id)
				}
			}
		}
	}
	return c, nil
}

// set adds one message: a string, or plural forms of the first argument.
func (c *Catalogue) set(lang, id string, v any) error {
	tag := tags[lang]
	switch v := v.(type) {
	case string:
		c.texts[lang][id] = v
		return c.builder.SetString(tag, id, v)
	case map[string]any:
		var cases []any
		for _, form := range []string{"zero", "one", "two", "few", "many", "other"} {
			if s, ok := v[form].(string); ok {
				cases = append(cases, form, s)
			}
		}
		if _, ok := v["other"].(string); !ok || len(cases) != 2*len(v) {
			return fmt.Errorf("%q: plural forms are zero, one, two, few, many and other (required), each a string", id)
		}
		c.texts[lang][id] = v
		return c.builder.Set(tag, id, plural.Selectf(1, "%d", cases...))
	}
	return fmt.Errorf("%q: a message is a string or an object of plural forms", id)
}

// difference lists what is in one sorted list and not the other.
func difference(a, b []string) []string {
	var out []string
	for _, s := range a {
		if _, found := slices.BinarySearch(b, s); !found {
			out = append(out, s)
		}
	}
	for _, s := range b {
		if _, found := slices.BinarySearch(a, s); !found {
			out = append(out, s)
		}
	}
	return out
}

// Has reports whether the catalogue has the message id.
func (c *Catalogue) Has(id string) bool { _, ok := c.texts[Languages[0]][id]; return ok }

// Owner names the catalogue that gives id.
func (c *Catalogue) Owner(id string) string { return c.owner[id] }

// IDs lists every message ID, sorted.
func (c *Catalogue) IDs() []string {
	out := make([]string, 0, len(c.texts[Languages[0]]))
	for id := range c.texts[Languages[0]] {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// Texts lists a language's messages as written, each plural form apart,
// for the tests that look for one language's words in the other's pages.
func (c *Catalogue) Texts(lang string) map[string][]string {
	out := map[string][]string{}
	for id, v := range c.texts[lang] {
		switch v := v.(type) {
		case string:
			out[id] = []string{v}
		case map[string]any:
			for _, form := range v {
				out[id] = append(out[id], form.(string))
			}
		}
	}
	return out
}

// Printer writes in lang (the default language if lang is not spoken).
func (c *Catalogue) Printer(lang string) *Printer {
	if _, ok := tags[lang]; !ok {
		lang = Languages[0]
	}
	return &Printer{lang: lang, c: c, p: message.NewPrinter(tags[lang], message.Catalog(c.builder))}
}

// English renders messages for logs and commands.
func init() {
	congthuong.Render = func(id string, args ...any) string { return Default().Printer("en").T(id, args...) }
}

// Sub is fs.Sub of a catalogue's folder in an embedded file system; it
// panics if the folder is not there, which only a broken build can do.
func Sub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err)
	}
	return sub
}

// shared is the messages every package may use: errors in general, files,
// imports, queries.
//
//go:embed locale/*.json
var shared embed.FS

var _ = Register("shared", Sub(shared, "locale"))

// verb matches a printf verb, where a message's arguments go.
var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// Phrases lists the runs of at least minWords words that lang's messages
// hold and no other language's do: what a page in another language must
// not show.
func (c *Catalogue) Phrases(lang string, minWords int) []string {
	var others []string
	for _, l := range Languages {
		if l != lang {
			for _, texts := range c.Texts(l) {
				others = append(others, texts...)
			}
		}
	}
	seen := map[string]bool{}
	var out []string
	for _, texts := range c.Texts(lang) {
		for _, text := range texts {
			for _, part := range verb.Split(text, -1) {
				part = strings.Trim(part, " .,:;!?()“”\"'—–-/")
				if len(strings.Fields(part)) < minWords || seen[part] {
					continue
				}
				seen[part] = true
				shared := false
				for _, o := range others {
					shared = shared || strings.Contains(o, part)
				}
				if !shared {
					out = append(out, part)
				}
			}
		}
	}
	sort.Strings(out)
	return out
}
