package main

import (
	"fmt"
	"io"
	"strconv"
	"time"
)

// row is one figure on one database as the table shows it.
type row struct {
	figure, db  string
	value, base float64
	ok, hasBase bool
	unit        string
	target      target
	note        string
}

// ratio is the figure over its baseline (a time: how many times the
// baseline's; a throughput: its share of the baseline's).
func (r row) ratio() (float64, bool) {
	if !r.ok || !r.hasBase || r.base == 0 {
		return 0, false
	}
	return r.value / r.base, true
}

// verdict says whether the figure meets its target: ✔, ✘, or "" when it
// has none or was not measured.
func (r row) verdict() string {
	if r.target.met == nil || !r.ok {
		return ""
	}
	ratio, _ := r.ratio()
	if r.target.met(r.value, ratio) {
		return "✔"
	}
	return "✘"
}

func number(v float64) string {
	switch {
	case v >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case v >= 10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

// printTable writes the figures as a Markdown table under the commit and
// the machine they were measured on.
func printTable(w io.Writer, rows []row, took time.Duration) {
	fmt.Fprintf(w, "Measured at commit %s on %s, %s, in %s (scripts/bench).\n\n", commit(), time.Now().Format("2006-01-02"), machine(), took.Round(time.Second))
	fmt.Fprintln(w, "| figure | database | value | baseline | ratio | target | |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	for _, r := range rows {
		value, base, ratio := "—", "—", "—"
		if r.ok {
			value = number(r.value) + " " + r.unit
		}
		if r.hasBase {
			base = number(r.base) + " " + r.unit
		}
		if x, ok := r.ratio(); ok {
			ratio = number(x)
		}
		verdict := r.verdict()
		if r.note != "" {
			verdict += " " + r.note
		}
		db := map[string]string{"sqlite": "SQLite", "postgres": "PostgreSQL"}[r.db]
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s |\n", r.figure, db, value, base, ratio, r.target.text, verdict)
	}
}
