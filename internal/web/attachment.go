package web

import (
	"mime"
	"net/http"
)

// attachment names the file a response downloads as. The name is encoded
// by mime.FormatMediaType, never pasted in: a name built from a query
// parameter could otherwise close the quotes and add its own parameters.
func attachment(w http.ResponseWriter, name string) { disposition(w, "attachment", name) }

// disposition sets Content-Disposition to kind ("attachment" or "inline")
// with the file's name, in RFC 2231 form when it is not plain ASCII.
func disposition(w http.ResponseWriter, kind, name string) {
	v := mime.FormatMediaType(kind, map[string]string{"filename": name})
	if v == "" { // a name mime cannot encode at all: no name
		v = kind
	}
	w.Header().Set("Content-Disposition", v)
}
