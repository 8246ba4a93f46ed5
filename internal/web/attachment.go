package web

import (
	"mime"
	"net/http"
)

// Attachment names the file a response downloads as. The name is encoded
// by mime.FormatMediaType, never pasted in: a name built from a query
// parameter could otherwise close the quotes and add its own parameters.
func Attachment(w http.ResponseWriter, name string) { Disposition(w, "attachment", name) }

// Disposition sets Content-Disposition to kind ("attachment" or "inline")
// with the file's name, in RFC 2231 form when it is not plain ASCII.
func Disposition(w http.ResponseWriter, kind, name string) {
	v := mime.FormatMediaType(kind, map[string]string{"filename": name})
	if v == "" { // a name mime cannot encode at all: no name
		v = kind
	}
	w.Header().Set("Content-Disposition", v)
}
