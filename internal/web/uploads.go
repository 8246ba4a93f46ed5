package web

import (
	"congthuong/internal/db"
	"congthuong/internal/tabular"
)

// Each kind of upload has one limit on the request that carries it, derived
// from the limit the store keeps for its files, so that a request is cut
// off (http.MaxBytesReader) once it is larger than its files may be.
const (
	// FormRoom is room for a form's other fields.
	FormRoom = 1 << 20
	// MaxOneFileRequest carries one stored file: a site's photo or
	// document, a procedure's blank form.
	MaxOneFileRequest = db.MaxStoredFile + FormRoom
	// MaxImportRequest carries an import's CSV or XLSX file.
	MaxImportRequest = tabular.MaxWorkbookBytes + FormRoom
	// MultipartMemory is how much of a multipart form is held in memory;
	// larger parts spill to temporary files.
	MultipartMemory = 32 << 20
	// FileMiB and importMiB are the limits as users read them.
	FileMiB   = db.MaxStoredFile >> 20
	ImportMiB = tabular.MaxWorkbookBytes >> 20
)
