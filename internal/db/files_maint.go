package db

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"congthuong"
	"congthuong/internal/audit"
)

// The files folder can hold files no row names: a filing refused after its
// papers were stored (a full disk on the third paper, a crash before the
// commit). They harm nothing but take space; PruneFiles removes them once
// they are old enough that no transaction can still be about to name them.
// CheckFiles is the other direction: rows whose file is missing or changed,
// which only a lost or damaged folder causes (after a restore, say).

// fileTables are the tables whose rows name stored files by SHA-256.
var fileTables = []string{"dossier_files", "dossier_draft_files", "park_files", "procedure_templates", "news_files", "legal_files"}

// FileReport says what a check or a prune found.
type FileReport struct {
	Stored      int      `json:"stored"`  // files in the folder
	Named       int      `json:"named"`   // distinct files rows name
	Unnamed     int      `json:"unnamed"` // stored, named by no row
	UnnamedSize int64    `json:"unnamed_bytes"`
	Removed     int      `json:"removed"`   // by a prune
	Missing     []string `json:"missing"`   // named, not stored, or not what its name says
	Temporary   int      `json:"temporary"` // uploads interrupted before their rename
}

// namedFiles returns the hashes every row names.
func (s *DB) namedFiles(ctx context.Context) (map[[32]byte]bool, error) {
	named := map[[32]byte]bool{}
	for _, table := range fileTables {
		rows, err := s.Read.QueryContext(ctx, `SELECT DISTINCT sha256 FROM `+table)
		if err != nil {
			return nil, fmt.Errorf("db: files named by %s: %w", table, err)
		}
		for rows.Next() {
			var sum string
			if err := rows.Scan(&sum); err != nil {
				rows.Close()
				return nil, err
			}
			var key [32]byte
			if b, err := hex.DecodeString(sum); err == nil && len(b) == 32 {
				copy(key[:], b)
				named[key] = true
			}
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return nil, err
		}
	}
	return named, nil
}

// CheckFiles compares the files folder with the rows that name its files;
// with verify, it also hashes every named file (reading the whole folder).
func (s *DB) CheckFiles(ctx context.Context, verify bool) (FileReport, error) {
	return s.sweepFiles(ctx, verify, 0, false)
}

// PruneFiles removes the files no row names, and interrupted uploads, last
// written more than olderThan ago (at least an hour: a filing stores its
// papers before the transaction that names them commits).
func (s *DB) PruneFiles(ctx context.Context, olderThan time.Duration) (FileReport, error) {
	if olderThan < time.Hour {
		return FileReport{}, congthuong.FieldErr(congthuong.EINVALID, "older_than", "db.files_younger_than_hour_never_pruned")
	}
	rep, err := s.sweepFiles(ctx, false, olderThan, true)
	if err != nil || rep.Removed == 0 {
		return rep, err
	}
	err = s.WithTx(ctx, func(tx *Tx) error {
		return tx.Audit(ctx, audit.Prune, "files", fmt.Sprintf("%d files", rep.Removed), "", nil, rep)
	})
	return rep, err
}

func (s *DB) sweepFiles(ctx context.Context, verify bool, olderThan time.Duration, remove bool) (FileReport, error) {
	rep := FileReport{Missing: []string{}}
	if s.files == "" {
		return rep, fmt.Errorf("db: no files folder")
	}
	named, err := s.namedFiles(ctx)
	if err != nil {
		return rep, err
	}
	rep.Named = len(named)
	cutoff := time.Now().Add(-olderThan)
	found := map[[32]byte]bool{}
	err = filepath.WalkDir(s.files, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && path == s.files {
				return fs.SkipDir // nothing stored yet
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		old := remove && info.ModTime().Before(cutoff)
		name := d.Name()
		if strings.HasPrefix(name, ".upload-") {
			rep.Temporary++
			if old {
				if err := os.Remove(path); err == nil {
					rep.Removed++
				}
			}
			return nil
		}
		var key [32]byte
		b, err := hex.DecodeString(name)
		if err != nil || len(b) != 32 || !hashPattern.MatchString(name) {
			return nil // not ours
		}
		copy(key[:], b)
		rep.Stored++
		found[key] = true
		if named[key] {
			if verify {
				f, err := s.OpenFile(name)
				if err != nil {
					return err
				}
				got, err := hashOf(f)
				f.Close()
				if err != nil {
					return err
				}
				if got != name {
					rep.Missing = append(rep.Missing, name)
				}
			}
			return nil
		}
		rep.Unnamed++
		rep.UnnamedSize += info.Size()
		if old {
			if err := os.Remove(path); err == nil {
				rep.Removed++
			}
		}
		return nil
	})
	if err != nil {
		return rep, fmt.Errorf("db: files: %w", err)
	}
	for key := range named {
		if !found[key] {
			rep.Missing = append(rep.Missing, hex.EncodeToString(key[:]))
		}
	}
	slices.Sort(rep.Missing)
	return rep, nil
}

// hashOf returns the SHA-256 of r's content, in hex.
func hashOf(r io.Reader) (string, error) {
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// FilesFree returns the bytes free for uploads on the files folder's disk,
// for monitoring; -1 when it cannot be told.
func (s *DB) FilesFree() int64 {
	dir := s.files
	for dir != "" {
		var st syscall.Statfs_t
		if err := syscall.Statfs(dir, &st); err == nil {
			return int64(st.Bavail) * st.Bsize
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent // the folder is made at the first upload
	}
	return -1
}
