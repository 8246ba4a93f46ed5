package web

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"net/http"
	"path"
	"slices"
	"strings"

	"congthuong"
	"congthuong/internal/tabular"
)

// Dataset is a public dataset of the open data catalogue, which a module
// offers (Module.Datasets): what it is, in the reader's language, and its
// rows, as the public may read them. Each dataset is downloadable as CSV,
// XLSX and JSON at /data/{ID}.{csv,xlsx,json}, or, when it is split in
// Parts (statistics by year), at /data/{ID}/{part}.{ext}.
type Dataset struct {
	ID                 string
	Title, Description string
	Keywords           []string
	// Theme is one of the EU data themes DCAT-AP uses (ECON, ENER, GOVE,
	// REGI …), for portals that harvest the catalogue.
	Theme string
	// Frequency is how often it is updated: one of the Freq constants.
	Frequency string
	// Page is where people browse it on the site.
	Page    string
	Columns []string
	Parts   []string
	// Rows emits the dataset's rows (of part, when it has Parts), each in
	// the order of Columns.
	Rows func(ctx context.Context, part string, emit func([]string) error) error
}

// Update frequencies of a dataset, as the EU's frequency vocabulary names
// them.
const (
	FreqMonthly    = "MONTHLY"
	FreqContinuous = "UPDATE_CONT"
	FreqIrregular  = "IRREG"
)

// OpenLicence is the licence of every dataset: attribution only.
const OpenLicence = "https://creativecommons.org/licenses/by/4.0/"

// dataFormats are the formats of every download, with their media types.
var dataFormats = []struct{ Ext, Type string }{
	{"csv", "text/csv"},
	{"xlsx", XLSXType},
	{"json", "application/json"},
}

// datasets gathers every module's datasets, as the public reads them.
func (s *Server) datasets(ctx context.Context, p *Printer) ([]Dataset, error) {
	ctx = congthuong.NewContext(ctx, congthuong.Actor{})
	var out []Dataset
	for _, m := range s.modules {
		if m.Datasets == nil {
			continue
		}
		list, err := m.Datasets(ctx, p)
		if err != nil {
			return nil, err
		}
		out = append(out, list...)
	}
	// Registries first, then the long run of statistics by year.
	slices.SortStableFunc(out, func(a, b Dataset) int {
		return cmp.Compare(min(len(a.Parts), 1), min(len(b.Parts), 1))
	})
	return out, nil
}

// dataPage is the open data catalogue.
type dataPage struct {
	Datasets []Dataset
	Formats  []string
	Licence  string
}

func (s *Server) showData(w http.ResponseWriter, r *http.Request) error {
	p := s.PrinterFor(r)
	list, err := s.datasets(r.Context(), p)
	if err != nil {
		return err
	}
	v := &View{Title: p.T("data.title"), Nav: "data", Meta: Meta{Description: p.T("data.description"), Canonical: "/data",
		Feeds: []Feed{{Title: p.T("data.catalogue"), Path: "/data/catalog.jsonld", Type: "application/ld+json"}}}}
	Show(s, w, r, http.StatusOK, "data", v, dataPage{Datasets: list, Formats: []string{"csv", "xlsx", "json"}, Licence: OpenLicence})
	return nil
}

// serveDataFile serves one dataset (or one part of it) in the format its
// name ends with.
func (s *Server) serveDataFile(w http.ResponseWriter, r *http.Request) error {
	file := r.PathValue("file")
	ext, base := strings.TrimPrefix(path.Ext(file), "."), strings.TrimSuffix(file, path.Ext(file))
	id, part := r.PathValue("id"), ""
	if id == "" {
		id = base
	} else {
		part = base
	}
	list, err := s.datasets(r.Context(), s.PrinterFor(r))
	if err != nil {
		return err
	}
	i := slices.IndexFunc(list, func(d Dataset) bool { return d.ID == id })
	if i < 0 || (part == "") != (len(list[i].Parts) == 0) || (part != "" && !slices.Contains(list[i].Parts, part)) {
		return congthuong.Errorf(congthuong.ENOTFOUND, "data.not_found")
	}
	d := list[i]
	name := d.ID
	if part != "" {
		name += "-" + part
	}
	ctx := congthuong.NewContext(r.Context(), congthuong.Actor{})
	rows := func(emit func([]string) error) error { return d.Rows(ctx, part, emit) }
	var buf bytes.Buffer
	switch ext {
	case "csv":
		err = tabular.WriteCSV(&buf, d.Columns, rows)
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	case "xlsx":
		err = tabular.WriteXLSX(&buf, "data", d.Columns, rows)
		w.Header().Set("Content-Type", XLSXType)
	case "json":
		err = writeJSONRows(&buf, d.Columns, rows)
		w.Header().Set("Content-Type", "application/json")
	default:
		return congthuong.Errorf(congthuong.ENOTFOUND, "data.not_found")
	}
	if err != nil {
		return err
	}
	Attachment(w, name+"."+ext)
	w.Header().Set("Cache-Control", "public, max-age=300")
	w.Write(buf.Bytes())
	return nil
}

// writeJSONRows writes rows as a JSON array of objects keyed by column.
func writeJSONRows(buf *bytes.Buffer, columns []string, rows func(emit func([]string) error) error) error {
	bw := bufio.NewWriter(buf)
	bw.WriteByte('[')
	n := 0
	err := rows(func(rec []string) error {
		if n > 0 {
			bw.WriteByte(',')
		}
		n++
		bw.WriteString("\n{")
		for i, c := range columns {
			if i > 0 {
				bw.WriteByte(',')
			}
			k, _ := json.Marshal(c)
			v := ""
			if i < len(rec) {
				v = rec[i]
			}
			val, _ := json.Marshal(v)
			bw.Write(k)
			bw.WriteByte(':')
			bw.Write(val)
		}
		bw.WriteByte('}')
		return nil
	})
	if err != nil {
		return err
	}
	bw.WriteString("\n]\n")
	return bw.Flush()
}
