package procedure

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// TestBlankForm: the blank form is a Word file Word opens (a zip with the
// parts a document needs, its XML well formed) that asks the procedure's
// questions.
func TestBlankForm(t *testing.T) {
	var p *Procedure
	for _, c := range Catalogue() {
		if c.Code == "CT-THUOCLA-BANLE" {
			p = &c
		}
	}
	b := BlankForm(p, p.Documents[0])
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range z.File {
		r, _ := f.Open()
		content, _ := io.ReadAll(r)
		parts[f.Name] = string(content)
	}
	doc, ok := parts["word/document.xml"]
	if !ok || parts["[Content_Types].xml"] == "" || parts["_rels/.rels"] == "" {
		t.Fatalf("parts: %v", len(parts))
	}
	d := xml.NewDecoder(strings.NewReader(doc))
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("document.xml: %v", err)
		}
	}
	for _, want := range []string{"ĐƠN ĐỀ NGHỊ CẤP GIẤY PHÉP", "Mã số thuế:", "Địa điểm kinh doanh:", "Ủy ban nhân dân xã, phường"} {
		if !strings.Contains(doc, want) {
			t.Errorf("the form lacks %q", want)
		}
	}
}
