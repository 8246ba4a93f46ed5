package store_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"congthuong"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

// TestFilesCheckAndPrune: a check tells stored files from named ones and
// finds named files missing or changed; a prune removes old unnamed files
// and interrupted uploads, keeps young ones and every named one, and is
// audited.
func TestFilesCheckAndPrune(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dir := t.TempDir()
		s.SetFilesDir(dir)
		cal := dossierSetup(t, s)
		sys := as(congthuong.System())
		paper := []byte("%PDF-1.7\nthe application form")
		d := tobaccoDossier()
		if err := s.SubmitDossier(as(owner), d, cal, store.Upload{FileName: "don.pdf", Content: bytes.NewReader(paper)}); err != nil {
			t.Fatal(err)
		}
		place := func(content []byte, age time.Duration) string {
			sum := sha256.Sum256(content)
			name := hex.EncodeToString(sum[:])
			path := filepath.Join(dir, name[:2], name)
			os.MkdirAll(filepath.Dir(path), 0o750)
			if err := os.WriteFile(path, content, 0o640); err != nil {
				t.Fatal(err)
			}
			then := time.Now().Add(-age)
			os.Chtimes(path, then, then)
			return path
		}
		oldOrphan := place([]byte("papers of a refused filing"), 48*time.Hour)
		youngOrphan := place([]byte("papers of a filing in progress"), time.Minute)
		temp := filepath.Join(dir, ".upload-42")
		os.WriteFile(temp, []byte("half an upload"), 0o640)
		then := time.Now().Add(-48 * time.Hour)
		os.Chtimes(temp, then, then)

		rep, err := s.CheckFiles(sys, true)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Stored != 3 || rep.Named != 1 || rep.Unnamed != 2 || rep.Temporary != 1 || len(rep.Missing) != 0 || rep.Removed != 0 {
			t.Errorf("check: %+v", rep)
		}
		if _, err := s.PruneFiles(sys, 30*time.Minute); congthuong.ErrorCode(err) != congthuong.EINVALID {
			t.Errorf("a prune of files younger than an hour: %v", err)
		}
		if rep, err = s.PruneFiles(sys, 24*time.Hour); err != nil || rep.Removed != 2 {
			t.Fatalf("prune: %+v, %v", rep, err)
		}
		for path, want := range map[string]bool{oldOrphan: false, temp: false, youngOrphan: true} {
			if _, err := os.Stat(path); (err == nil) != want {
				t.Errorf("%s kept: %v, want %v", filepath.Base(path), err == nil, want)
			}
		}
		var audited int
		if err := s.DB().QueryRow(`SELECT COUNT(*) FROM audit_log WHERE action = 'prune' AND entity = 'files'`).Scan(&audited); err != nil || audited != 1 {
			t.Errorf("prune audited %d times, %v", audited, err)
		}

		sum := sha256.Sum256(paper)
		name := hex.EncodeToString(sum[:])
		stored := filepath.Join(dir, name[:2], name)
		if err := os.WriteFile(stored, []byte("%PDF-1.7\nsomething else"), 0o640); err != nil {
			t.Fatal(err)
		}
		if rep, _ := s.CheckFiles(sys, false); len(rep.Missing) != 0 {
			t.Errorf("a check without verify read the files: %+v", rep)
		}
		if rep, _ := s.CheckFiles(sys, true); !slices.Equal(rep.Missing, []string{name}) {
			t.Errorf("a changed file: %+v", rep)
		}
		os.Remove(stored)
		if rep, _ := s.CheckFiles(sys, false); !slices.Equal(rep.Missing, []string{name}) {
			t.Errorf("a missing file: %+v", rep)
		}
	})
}
