package web

import (
	"encoding/json"
	"net/http"
	"slices"

	"congthuong/internal/i18n"
)

// The catalogue as DCAT-AP JSON-LD, which national data portals harvest:
// one dcat:Catalog of dcat:Datasets, each with its distributions, titles
// and descriptions in both languages.

// langText is a string in a language, as JSON-LD writes it.
type langText struct {
	Value string `json:"@value"`
	Lang  string `json:"@language"`
}

// ref is a link to a resource.
type ref struct {
	ID string `json:"@id"`
}

type dcatCatalog struct {
	Context     map[string]string `json:"@context"`
	ID          string            `json:"@id"`
	Type        string            `json:"@type"`
	Title       []langText        `json:"dct:title"`
	Description []langText        `json:"dct:description"`
	Publisher   dcatAgent         `json:"dct:publisher"`
	Homepage    ref               `json:"foaf:homepage"`
	License     ref               `json:"dct:license"`
	Language    []ref             `json:"dct:language"`
	Datasets    []dcatDataset     `json:"dcat:dataset"`
}

type dcatAgent struct {
	Type string `json:"@type"`
	Name string `json:"foaf:name"`
}

type dcatDataset struct {
	ID            string             `json:"@id"`
	Type          string             `json:"@type"`
	Identifier    string             `json:"dct:identifier"`
	Title         []langText         `json:"dct:title"`
	Description   []langText         `json:"dct:description"`
	Keywords      []langText         `json:"dcat:keyword,omitempty"`
	Theme         ref                `json:"dcat:theme"`
	Periodicity   ref                `json:"dct:accrualPeriodicity"`
	LandingPage   ref                `json:"dcat:landingPage"`
	Publisher     dcatAgent          `json:"dct:publisher"`
	Distributions []dcatDistribution `json:"dcat:distribution"`
}

type dcatDistribution struct {
	Type        string     `json:"@type"`
	Title       []langText `json:"dct:title"`
	DownloadURL ref        `json:"dcat:downloadURL"`
	AccessURL   ref        `json:"dcat:accessURL"`
	MediaType   ref        `json:"dcat:mediaType"`
	Format      ref        `json:"dct:format"`
	License     ref        `json:"dct:license"`
}

// EU vocabularies DCAT-AP asks for.
const (
	euFrequency = "http://publications.europa.eu/resource/authority/frequency/"
	euTheme     = "http://publications.europa.eu/resource/authority/data-theme/"
	euFileType  = "http://publications.europa.eu/resource/authority/file-type/"
	euLanguage  = "http://publications.europa.eu/resource/authority/language/"
	ianaMedia   = "https://www.iana.org/assignments/media-types/"
)

func (s *Server) serveDCAT(w http.ResponseWriter, r *http.Request) error {
	vi, en := &Printer{Printer: i18n.Default().Printer("vi")}, &Printer{Printer: i18n.Default().Printer("en")}
	listVI, err := s.datasets(r.Context(), vi)
	if err != nil {
		return err
	}
	listEN, err := s.datasets(r.Context(), en)
	if err != nil {
		return err
	}
	both := func(a, b string) []langText { return []langText{{a, "vi"}, {b, "en"}} }
	publisher := dcatAgent{Type: "foaf:Organization", Name: s.opts.Department.Name}
	if publisher.Name == "" {
		publisher.Name = vi.T("app.name")
	}
	c := dcatCatalog{
		Context: map[string]string{"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
			"foaf": "http://xmlns.com/foaf/0.1/"},
		ID: s.AbsURL("/data/catalog.jsonld"), Type: "dcat:Catalog",
		Title:       both(vi.T("data.title"), en.T("data.title")),
		Description: both(vi.T("data.description"), en.T("data.description")),
		Publisher:   publisher, Homepage: ref{s.AbsURL("/data")}, License: ref{OpenLicence},
		Language: []ref{{euLanguage + "VIE"}, {euLanguage + "ENG"}},
		Datasets: []dcatDataset{},
	}
	for _, d := range listVI {
		i := slices.IndexFunc(listEN, func(e Dataset) bool { return e.ID == d.ID })
		e := d
		if i >= 0 {
			e = listEN[i]
		}
		ds := dcatDataset{ID: s.AbsURL("/data#" + d.ID), Type: "dcat:Dataset", Identifier: d.ID,
			Title: both(d.Title, e.Title), Description: both(d.Description, e.Description),
			Theme: ref{euTheme + d.Theme}, Periodicity: ref{euFrequency + d.Frequency}, LandingPage: ref{s.AbsURL(d.Page)},
			Publisher: publisher, Distributions: []dcatDistribution{}}
		for _, k := range d.Keywords {
			ds.Keywords = append(ds.Keywords, langText{k, "vi"})
		}
		for _, k := range e.Keywords {
			ds.Keywords = append(ds.Keywords, langText{k, "en"})
		}
		parts := d.Parts
		if len(parts) == 0 {
			parts = []string{""}
		}
		for _, part := range parts {
			for _, f := range dataFormats {
				u := s.AbsURL(DataURL(d.ID, part, f.Ext))
				title := both(d.Title, e.Title)
				if part != "" {
					title = both(d.Title+" — "+part, e.Title+" — "+part)
				}
				ds.Distributions = append(ds.Distributions, dcatDistribution{Type: "dcat:Distribution", Title: title,
					DownloadURL: ref{u}, AccessURL: ref{u}, MediaType: ref{ianaMedia + f.Type},
					Format: ref{euFileType + fileType(f.Ext)}, License: ref{OpenLicence}})
			}
		}
		c.Datasets = append(c.Datasets, ds)
	}
	w.Header().Set("Content-Type", "application/ld+json")
	w.Header().Set("Cache-Control", "public, max-age=300")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	return enc.Encode(c)
}

// DataURL is where a dataset (or a part of it) is downloaded in a format.
func DataURL(id, part, ext string) string {
	if part == "" {
		return "/data/" + id + "." + ext
	}
	return "/data/" + id + "/" + part + "." + ext
}

// fileType is the EU file-type code of an extension.
func fileType(ext string) string {
	switch ext {
	case "xlsx":
		return "XLSX"
	case "json":
		return "JSON"
	}
	return "CSV"
}
