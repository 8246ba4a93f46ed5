package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"congthuong/internal/stats"
)

const indicatorUsage = `usage:
  congthuong indicator list
  congthuong indicator add code=CODE name_vi=… name_en=… measure=… kind=flow|stock|index|formula
      [formula=…] [aggregation=sum|weighted|none] [weight=CODE] [decimals=N] [higher_is_better=true]
      [versus_last_year=true] [non_negative=true] [group=…]
The fields are those of PUT /api/v1/stats/indicators/{code}`

// cmdIndicator lists or adds statistical indicators.
func cmdIndicator(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	if len(args) == 0 || (args[0] != "list" && args[0] != "add") {
		return errors.New(indicatorUsage)
	}
	ctx, st, rest, err := openPrepared(ctx, "indicator "+args[0], args[1:], stderr, getenv)
	if err != nil {
		return err
	}
	defer st.Close()
	if args[0] == "list" {
		list, err := st.Indicators(ctx)
		if err != nil {
			return err
		}
		for _, ind := range list {
			fmt.Fprintf(stdout, "%-22s %-8s %-12s %s\n", ind.Code, ind.Kind, ind.Measure, ind.NameVI)
		}
		return nil
	}
	fields := map[string]any{}
	for _, kv := range rest {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return errors.New("indicator: " + kv + " is not name=value\n" + indicatorUsage)
		}
		switch k {
		case "decimals":
			n, err := strconv.Atoi(v)
			if err != nil {
				return fmt.Errorf("indicator: decimals=%s is not a whole number", v)
			}
			fields[k] = n
		case "higher_is_better", "versus_last_year", "non_negative":
			b, err := strconv.ParseBool(v)
			if err != nil {
				return fmt.Errorf("indicator: %s=%s is not true or false", k, v)
			}
			fields[k] = b
		default:
			fields[k] = v
		}
	}
	doc, _ := json.Marshal(fields)
	var ind stats.Indicator
	dec := json.NewDecoder(strings.NewReader(string(doc)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ind); err != nil {
		return fmt.Errorf("indicator: %v\n%s", err, indicatorUsage)
	}
	if err := st.SaveIndicator(ctx, ind); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "indicator %s saved\n", strings.ToUpper(ind.Code))
	return nil
}
