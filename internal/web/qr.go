package web

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/skip2/go-qrcode"
)

// QR draws content as a QR code in SVG, inline in the page: no image
// request, nothing the Content-Security-Policy must allow, sharp in print.
// label is the code's accessible name (what scanning it opens).
func QR(content, label string) (template.HTML, error) {
	q, err := qrcode.New(content, qrcode.Medium)
	if err != nil {
		return "", fmt.Errorf("web: QR code: %w", err)
	}
	bits := q.Bitmap() // with the quiet zone around it
	var path strings.Builder
	for y, row := range bits {
		for x, dark := range row {
			if dark {
				fmt.Fprintf(&path, "M%d %dh1v1h-1z", x, y)
			}
		}
	}
	n := len(bits)
	return template.HTML(fmt.Sprintf(`<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-label="%s" shape-rendering="crispEdges">`+
		`<rect width="%d" height="%d" fill="#fff"/><path d="%s" fill="#000"/></svg>`, n, n, template.HTMLEscapeString(label), n, n, path.String())), nil
}
