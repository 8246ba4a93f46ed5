package db

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"time"

	"congthuong"
)

// Uploaded files are kept by the SHA-256 of their content in the data
// folder's files/ (shared storage when several processes serve one
// PostgreSQL database): the same file uploaded twice is stored once, and
// a row in the database names it by its hash. A file is written to a
// temporary name, synced and renamed into place before the row that names
// it is committed, so a crash leaves at worst an unnamed file, never a row
// without its file.

var hashPattern = regexp.MustCompile(`^[0-9a-f]{64}$`)

// storedFile is a file written to the store: its hash, size and first
// bytes (to tell its type); created and mtime say whether this upload
// wrote it and when, for discardFile.
type StoredFile struct {
	Sum     string // hex SHA-256, the file's name in the store
	Size    int64
	Head    []byte // the first bytes, to tell the type
	created bool
	mtime   time.Time
}

// MaxStoredFile bounds every file a module keeps (a dossier's paper, a
// site's photo or document, a procedure's blank form): one limit, so that a
// request's size can be bounded before its parts are read.
const MaxStoredFile = 20 << 20

// PutFile writes r's content (at most MaxStoredFile bytes) and returns its
// hash.
func (s *DB) PutFile(r io.Reader) (StoredFile, error) {
	const max = MaxStoredFile
	var out StoredFile
	if s.files == "" {
		return out, errors.New("db: no data folder for files")
	}
	if err := os.MkdirAll(s.files, 0o750); err != nil {
		return out, fmt.Errorf("db: files: %w", err)
	}
	tmp, err := os.CreateTemp(s.files, ".upload-*")
	if err != nil {
		return out, storageError(fmt.Errorf("db: files: %w", err))
	}
	defer os.Remove(tmp.Name()) // nothing once renamed
	h := sha256.New()
	head := &headWriter{max: 512}
	n, err := io.Copy(io.MultiWriter(tmp, h, head), io.LimitReader(r, max+1))
	if err == nil && n > max {
		err = congthuong.FieldErr(congthuong.EINVALID, "file", "db.file_larger_than_mib", max>>20)
	}
	if err == nil && n == 0 {
		err = congthuong.FieldErr(congthuong.EINVALID, "file", "db.file_empty")
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return out, storageError(err)
	}
	out = StoredFile{Sum: hex.EncodeToString(h.Sum(nil)), Size: n, Head: head.buf}
	final := s.filePath(out.Sum)
	if _, err := os.Stat(final); err == nil {
		// The same content is already stored. Touched, so that neither a
		// prune (files_maint.go) nor a refused upload of the same content
		// (discardFile) takes it before this upload's row names it; if it
		// went in the meantime, this upload puts it back.
		now := time.Now()
		if os.Chtimes(final, now, now) == nil {
			return out, nil
		}
	}
	if err := os.MkdirAll(filepath.Dir(final), 0o750); err != nil {
		return out, fmt.Errorf("db: files: %w", err)
	}
	if err := os.Rename(tmp.Name(), final); err != nil {
		return out, storageError(fmt.Errorf("db: files: %w", err))
	}
	if d, err := os.Open(filepath.Dir(final)); err == nil {
		d.Sync() // the rename itself survives a crash
		d.Close()
	}
	out.created = true
	if st, err := os.Stat(final); err == nil {
		out.mtime = st.ModTime()
	}
	return out, nil
}

// DiscardFiles removes the files an upload wrote for a request that was
// then refused, so that refused requests cannot fill the disk. A file
// another upload of the same content touched since (putFile) is kept: that
// upload's row will name it. Moving the file aside first makes the check
// safe against such an upload: it either touched the file before the move
// (and the file is put back) or finds it gone and writes its own.
func (s *DB) DiscardFiles(files []StoredFile) {
	for _, f := range files {
		if !f.created {
			continue
		}
		final := s.filePath(f.Sum)
		aside := final + ".discard"
		if os.Rename(final, aside) != nil {
			continue
		}
		if st, err := os.Stat(aside); err == nil && st.ModTime().Equal(f.mtime) {
			os.Remove(aside)
			continue
		}
		os.Rename(aside, final)
	}
}

// SetFilesDir keeps uploaded files in dir instead of the data folder's
// files/: shared storage, when several processes serve one database.
func (s *DB) SetFilesDir(dir string) { s.files = dir }

func (s *DB) filePath(sum string) string { return filepath.Join(s.files, sum[:2], sum) }

// OpenFile opens a stored file by its hash.
func (s *DB) OpenFile(sum string) (*os.File, error) {
	if !hashPattern.MatchString(sum) || s.files == "" {
		return nil, congthuong.Errorf(congthuong.ENOTFOUND, "common.no_such_file")
	}
	f, err := os.Open(s.filePath(sum))
	if errors.Is(err, os.ErrNotExist) {
		return nil, congthuong.Errorf(congthuong.ENOTFOUND, "db.file_missing_from_data_folder", sum[:12])
	}
	return f, err
}

// storageError tells a full disk (or an exhausted quota) from other
// failures: the user is told nothing was saved and to try later; the
// temporary file has been removed.
func storageError(err error) error {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) {
		return congthuong.FieldErr(congthuong.EFULL, "file", "db.server_has_no_room_left_store_files")
	}
	return err
}

// headWriter keeps the first bytes written to it.
type headWriter struct {
	buf []byte
	max int
}

func (w *headWriter) Write(p []byte) (int, error) {
	if room := w.max - len(w.buf); room > 0 {
		w.buf = append(w.buf, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

// officeExtensions are the zip-based documents accepted as documents.
var officeExtensions = map[string]string{
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}

// FileType is the type a file's first bytes show, if allowed: a zip is
// one of the Office documents by its name's extension, when documents are.
func FileType(head []byte, fileName string, allowed []string) (string, error) {
	ctype := http.DetectContentType(head)
	if i := strings.IndexByte(ctype, ';'); i > 0 {
		ctype = ctype[:i]
	}
	ok := false
	for _, t := range allowed {
		ok = ok || t == ctype
	}
	if ctype == "application/zip" {
		office, known := officeExtensions[strings.ToLower(filepath.Ext(fileName))]
		ok, ctype = ok && known, office
	}
	if !ok {
		names := make([]string, 0, len(allowed))
		for _, t := range allowed {
			names = append(names, typeNames[t])
		}
		return "", congthuong.Errorf(congthuong.EINVALID, "db.file_type", strings.Join(names, ", "))
	}
	return ctype, nil
}

// typeNames name the media types as users know them.
var typeNames = map[string]string{"application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WebP",
	"image/gif": "GIF", "application/zip": "Word, Excel, PowerPoint, ZIP"}
