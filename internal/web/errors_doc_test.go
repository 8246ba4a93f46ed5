package web

import (
	"encoding/json"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"congthuong"
)

// TestErrorCodesDocumented checks that every error code the API answers
// with is in the OpenAPI error schema and in docs/API.md's table, with its
// status.
func TestErrorCodesDocumented(t *testing.T) {
	raw, err := os.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Components struct {
			Schemas map[string]json.RawMessage `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	var enum []string
	for _, schema := range doc.Components.Schemas {
		var s struct {
			Properties struct {
				Error struct {
					Properties struct {
						Code struct {
							Enum []string `json:"enum"`
						} `json:"code"`
					} `json:"properties"`
				} `json:"error"`
			} `json:"properties"`
		}
		if json.Unmarshal(schema, &s) == nil && len(s.Properties.Error.Properties.Code.Enum) > 0 {
			enum = s.Properties.Error.Properties.Code.Enum
		}
	}
	if len(enum) == 0 {
		t.Fatal("no error code enum in openapi.json")
	}
	apiDoc, err := os.ReadFile("../../docs/API.md")
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]int{congthuong.EINTERNAL: 500}
	for code, status := range statusOf {
		codes[code] = status
	}
	for code, status := range codes {
		if !slices.Contains(enum, code) {
			t.Errorf("%s is not in openapi.json's error codes", code)
		}
		if !strings.Contains(string(apiDoc), "| `"+code+"` | "+strconv.Itoa(status)) {
			t.Errorf("docs/API.md does not give %s with status %d", code, status)
		}
	}
}
