package procedure

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"strings"
)

// BlankForm writes the blank form of a procedure's document as a Word
// (DOCX) file the applicant fills in: the national motto, the document's
// title, to whom it goes, the applicant's and the procedure's questions
// each with room for the answer, and the signature. It stands in until the
// department uploads the official form, which then replaces it.
func BlankForm(p *Procedure, doc Document) []byte {
	to := "Sở Công Thương"
	if p.Level == Commune {
		to = "Ủy ban nhân dân xã, phường"
	}
	paras := []para{
		{text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, center: true},
		{text: "Độc lập - Tự do - Hạnh phúc", bold: true, center: true},
		{text: ""},
		{text: strings.ToUpper(doc.NameVI), bold: true, center: true},
		{text: "(" + p.NameVI + ")", center: true},
		{text: ""},
		{text: "Kính gửi: " + to + " ……………………………………"},
		{text: ""},
		{text: "Tên tổ chức, cá nhân đề nghị: ……………………………………………………"},
		{text: "Địa chỉ: ……………………………………………………………………………"},
		{text: "Điện thoại: ………………………… Thư điện tử: ……………………………"},
	}
	for _, f := range p.Fields {
		paras = append(paras, para{text: f.LabelVI + ": ……………………………………………………"})
	}
	paras = append(paras, para{text: ""},
		para{text: "Căn cứ " + strings.Join(p.LegalBasis, "; ") + ", đề nghị cơ quan xem xét, giải quyết."},
		para{text: "Chúng tôi cam đoan những nội dung trên là đúng sự thật và chịu trách nhiệm trước pháp luật."},
		para{text: ""},
		para{text: "……………, ngày …… tháng …… năm ……", right: true},
		para{text: "NGƯỜI ĐẠI DIỆN THEO PHÁP LUẬT", bold: true, right: true},
		para{text: "(Ký, ghi rõ họ tên và đóng dấu, nếu có)", right: true})
	var body bytes.Buffer
	for _, p := range paras {
		body.WriteString(p.xml())
	}
	var out bytes.Buffer
	z := zip.NewWriter(&out)
	for _, f := range []struct{ name, content string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
			body.String() + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr></w:body></w:document>`},
	} {
		fw, _ := z.Create(f.name) // writing to memory cannot fail
		fw.Write([]byte(f.content))
	}
	z.Close()
	return out.Bytes()
}

// para is one paragraph of a blank form, in Times New Roman 13 pt.
type para struct {
	text                string
	bold, center, right bool
}

func (p para) xml() string {
	var b strings.Builder
	b.WriteString(`<w:p><w:pPr>`)
	switch {
	case p.center:
		b.WriteString(`<w:jc w:val="center"/>`)
	case p.right:
		b.WriteString(`<w:jc w:val="right"/>`)
	}
	b.WriteString(`</w:pPr><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>`)
	if p.bold {
		b.WriteString(`<w:b/>`)
	}
	b.WriteString(`<w:sz w:val="26"/></w:rPr><w:t xml:space="preserve">`)
	xml.EscapeText(&b, []byte(p.text))
	b.WriteString(`</w:t></w:r></w:p>`)
	return b.String()
}
