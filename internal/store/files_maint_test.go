package store_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"congthuong"
	"congthuong/internal/procedure"
	"congthuong/internal/procedure/proceduredb"
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
		cal := storetest.DossierSetup(t, s)
		sys := storetest.As(congthuong.System())
		paper := []byte("%PDF-1.7\nthe application form")
		d := storetest.TobaccoDossier()
		if err := s.SubmitDossier(storetest.As(storetest.EnterpriseOwner), d, cal, proceduredb.Upload{FileName: "don.pdf", Content: bytes.NewReader(paper)}); err != nil {
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
		if err := s.Read.QueryRow(`SELECT COUNT(*) FROM audit_log WHERE action = 'prune' AND entity = 'files'`).Scan(&audited); err != nil || audited != 1 {
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

// TestRefusedUploadsLeaveNothing: papers sent with a step nobody may take,
// or to a dossier the sender cannot see, are refused before they are
// stored; papers of a step refused inside its transaction are removed; a
// paper another upload shares is kept.
func TestRefusedUploadsLeaveNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dir := t.TempDir()
		s.SetFilesDir(dir)
		cal := storetest.DossierSetup(t, s)
		d := storetest.TobaccoDossier()
		shared := []byte("%PDF-1.7\nthe application form")
		if err := s.SubmitDossier(storetest.As(storetest.EnterpriseOwner), d, cal, proceduredb.Upload{FileName: "don.pdf", Content: bytes.NewReader(shared)}); err != nil {
			t.Fatal(err)
		}
		stored := func() int {
			n := 0
			filepath.WalkDir(dir, func(_ string, e os.DirEntry, _ error) error {
				if e != nil && !e.IsDir() {
					n++
				}
				return nil
			})
			return n
		}
		paper := func(i int) proceduredb.Upload {
			return proceduredb.Upload{FileName: fmt.Sprintf("giay-%d.pdf", i), Content: bytes.NewReader(append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte{byte(i)}, 1<<20)...))}
		}
		supplement := proceduredb.DossierStep{Action: procedure.Supplement, Note: "bổ sung"}
		for name, try := range map[string]func() error{
			"no such dossier": func() error {
				_, err := s.StepDossier(storetest.As(storetest.EnterpriseOwner), "NOPE-000000-0000", supplement, cal, paper(1), paper(2))
				return err
			},
			"another's dossier": func() error {
				_, err := s.StepDossier(storetest.As(storetest.CatHai), d.Code, supplement, cal, paper(3))
				return err
			},
			"a supplement nobody asked for": func() error {
				_, err := s.StepDossier(storetest.As(storetest.EnterpriseOwner), d.Code, supplement, cal, paper(4))
				return err
			},
			"a step on an old version": func() error {
				_, err := s.StepDossier(storetest.As(storetest.EnterpriseOwner), d.Code, proceduredb.DossierStep{Action: procedure.Supplement, Note: "x", Version: 99}, cal, paper(5))
				return err
			},
			"a filing whose second paper is refused after its first was stored": func() error {
				return s.SubmitDossier(storetest.As(storetest.EnterpriseOwner), storetest.TobaccoDossier(), cal, paper(6),
					proceduredb.Upload{FileName: "virus.exe", Content: bytes.NewReader([]byte("MZ\x90\x00 not a paper"))})
			},
		} {
			if err := try(); err == nil {
				t.Errorf("%s: accepted", name)
			}
			if n := stored(); n != 1 {
				t.Errorf("%s: %d files stored, want the one named", name, n)
			}
		}
		// A refused filing that shares its paper with a stored one keeps it.
		bad := storetest.TobaccoDossier()
		bad.UnitCode = "NOPE"
		if err := s.SubmitDossier(storetest.As(storetest.EnterpriseOwner), bad, cal, proceduredb.Upload{FileName: "don.pdf", Content: bytes.NewReader(shared)}); err == nil {
			t.Fatal("a filing to no unit was accepted")
		}
		if rep, err := s.CheckFiles(storetest.As(congthuong.System()), true); err != nil || rep.Stored != 1 || rep.Named != 1 || len(rep.Missing) != 0 {
			t.Errorf("after the refusals: %+v, %v", rep, err)
		}
	})
}
