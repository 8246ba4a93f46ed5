package web

import (
	"io"
	"net/http"
	"time"
)

// StoredFile is how a file of the data folder is sent.
type StoredFile struct {
	Name, Type, SHA256 string
	Inline             bool   // shown in the page (photos) rather than downloaded
	Cache              string // Cache-Control
	Modified           time.Time
}

// ServeFile sends a stored file with its type from its content, its name
// for the browser, and its hash as the ETag (range requests and
// revalidation come with http.ServeContent).
func ServeFile(w http.ResponseWriter, r *http.Request, f StoredFile, content io.ReadSeeker) {
	kind := "attachment"
	if f.Inline {
		kind = "inline"
	}
	h := w.Header()
	h.Set("Content-Type", f.Type)
	Disposition(w, kind, f.Name)
	h.Set("ETag", `"`+f.SHA256+`"`)
	if f.Cache != "" {
		h.Set("Cache-Control", f.Cache)
	}
	http.ServeContent(w, r, "", f.Modified, content)
}
