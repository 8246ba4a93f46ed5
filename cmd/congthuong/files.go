package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

const filesUsage = "usage: congthuong files check [verify=true] | congthuong files prune [older_than=24h]"

// cmdFiles checks the uploaded files against the rows that name them, or
// removes the ones no row names (store/files_maint.go). It prints the
// report as JSON and fails when a named file is missing.
func cmdFiles(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	if len(args) == 0 || (args[0] != "check" && args[0] != "prune") {
		return errors.New(filesUsage)
	}
	ctx, st, rest, err := openPrepared(ctx, "files "+args[0], args[1:], stderr, getenv)
	if err != nil {
		return err
	}
	defer st.Close()
	verify, olderThan := false, 24*time.Hour
	for _, kv := range rest {
		k, v, _ := strings.Cut(kv, "=")
		switch {
		case k == "verify" && args[0] == "check":
			if verify, err = strconv.ParseBool(v); err != nil {
				return fmt.Errorf("verify=%q is not true or false", v)
			}
		case k == "older_than" && args[0] == "prune":
			if olderThan, err = time.ParseDuration(v); err != nil {
				return fmt.Errorf("older_than=%q is not a duration such as 24h", v)
			}
		default:
			return fmt.Errorf("%q: %s", kv, filesUsage)
		}
	}
	rep, err := st.CheckFiles(ctx, verify)
	if args[0] == "prune" {
		rep, err = st.PruneFiles(ctx, olderThan)
	}
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.Encode(rep)
	if len(rep.Missing) > 0 {
		return fmt.Errorf("%d files named by records are missing or damaged", len(rep.Missing))
	}
	return nil
}
