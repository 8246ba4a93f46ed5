package statsdb

import (
	"encoding/json"
	"fmt"
	"strings"

	"congthuong"
)

// A report's warnings are kept with it, as the message IDs and arguments
// that write them in each reader's language.
type storedWarning struct {
	Indicator string `json:"indicator"`
	Message   string `json:"message"`
	Args      []any  `json:"args,omitempty"`
}

func encodeWarnings(list []congthuong.FieldError) (string, error) {
	if len(list) == 0 {
		return "", nil
	}
	out := make([]storedWarning, len(list))
	for i, w := range list {
		out[i] = storedWarning{w.Field, w.Message, w.Args}
	}
	b, err := json.Marshal(out)
	if err != nil {
		return "", fmt.Errorf("statsdb: warnings: %w", err)
	}
	return string(b), nil
}

// decodeWarnings reads what encodeWarnings wrote. Warnings kept as
// English lines ("CODE: text"), before messages had IDs, say only that
// the indicator was warned about: entering the report again checks it anew.
func decodeWarnings(s string) []congthuong.FieldError {
	if s == "" {
		return nil
	}
	var stored []storedWarning
	if strings.HasPrefix(s, "[") && json.Unmarshal([]byte(s), &stored) == nil {
		out := make([]congthuong.FieldError, len(stored))
		for i, w := range stored {
			out[i] = congthuong.FieldError{Field: w.Indicator, Message: w.Message, Args: w.Args}
		}
		return out
	}
	var out []congthuong.FieldError
	for _, line := range strings.Split(s, "\n") {
		code, _, _ := strings.Cut(line, ": ")
		out = append(out, congthuong.FieldError{Field: code, Message: "stats.check_earlier"})
	}
	return out
}
