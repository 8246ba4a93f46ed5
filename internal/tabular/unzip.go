package tabular

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"

	"congthuong"
)

// Limits on a workbook, so that a small file cannot unpack into gigabytes
// (a "zip bomb"). Worksheets (and their shared strings) are the only large
// parts of a real workbook, and excelize spills those larger than
// spillAbove to temporary files; every other part is held in memory.
const (
	// MaxWorkbookBytes bounds the packed file, and any import file: the
	// web server cuts an upload off at this size.
	MaxWorkbookBytes = 64 << 20
	// MaxUnpacked bounds the parts of a workbook together, unpacked.
	MaxUnpacked = 512 << 20
	// MaxInMemory bounds the parts held in memory together, unpacked.
	MaxInMemory = 64 << 20
	// spillAbove is the size above which a worksheet is read from a
	// temporary file rather than from memory.
	spillAbove = 16 << 20
)

// readWorkbook reads a packed workbook and checks the sizes its parts
// declare against the limits. The sizes are to be trusted: Go's zip reader,
// which excelize uses too, refuses a part that unpacks to more than it
// declares.
func readWorkbook(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxWorkbookBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxWorkbookBytes {
		return nil, fileProblem("file.workbook_larger_than_mib_split", MaxWorkbookBytes>>20)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("not a readable XLSX workbook: %w", err)
	}
	var total, inMemory uint64
	for _, f := range zr.File {
		size := f.UncompressedSize64
		total += size
		if !isWorksheet(f.Name) || size <= spillAbove {
			inMemory += size
		}
		switch {
		case total > MaxUnpacked:
			return nil, fileProblem("file.workbook_unpacks_more_than_mib_split", MaxUnpacked>>20)
		case inMemory > MaxInMemory:
			return nil, fileProblem("file.workbook_holds_more_than_mib_besides", MaxInMemory>>20)
		}
	}
	return data, nil
}

// isWorksheet reports whether a part of a workbook is a worksheet.
func isWorksheet(name string) bool {
	name = strings.ToLower(strings.ReplaceAll(name, "\\", "/"))
	return strings.HasPrefix(name, "xl/worksheets/sheet") || name == "xl/sharedstrings.xml"
}

// fileProblem is a validation error on the file as a whole: the message
// id with args.
func fileProblem(id string, args ...any) error {
	return &congthuong.Error{Code: congthuong.EINVALID, Message: "file.file_cannot_read",
		Fields: []congthuong.FieldError{{Field: "file", Message: id, Args: args}}}
}
