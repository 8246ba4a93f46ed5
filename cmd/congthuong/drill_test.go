package main

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"congthuong"
	"congthuong/internal/storetest"
)

// TestBackupRestoreDrill runs the drill of docs/DEPLOY.md on PostgreSQL:
// pg_dump of a running platform's database and a copy of its files folder,
// pg_restore into an empty database, and a platform started on the copies,
// where the audit chain verifies, the counts match, the API token still
// works and a dossier's paper downloads byte for byte.
func TestBackupRestoreDrill(t *testing.T) {
	dbURL := storetest.EmptyPostgres(t)
	files := filepath.Join(t.TempDir(), "files")
	m := newMain(t.TempDir(), true, adminPassword, io.Discard)
	m.Config.DatabaseURL, m.Config.FilesDir = dbURL, files
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	token := adminToken(t, m.Store)
	status, filed := fileWithPaper(t, m.URL(), token, 50<<10)
	if status != http.StatusCreated {
		t.Fatalf("filing: %d %v", status, filed)
	}
	code := filed["code"].(string)
	paper := filed["files"].([]any)[0].(map[string]any)
	counts := func(db *sql.DB) string {
		var out []string
		for _, table := range []string{"dossiers", "stat_values", "parks", "park_tenants", "enterprises", "audit_log", "users"} {
			var n int
			if err := db.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprintf("%s=%d", table, n))
		}
		return strings.Join(out, " ")
	}
	before := counts(m.Store.Read.DB)

	// 1. The dump, taken while the platform runs, and the files.
	dump := filepath.Join(t.TempDir(), "congthuong.dump")
	if out, err := exec.Command(storetest.PostgresTool(t, "pg_dump"), "-Fc", "-f", dump, "-d", dbURL).CombinedOutput(); err != nil {
		t.Fatalf("pg_dump: %v: %s", err, out)
	}
	copied := filepath.Join(t.TempDir(), "files")
	if out, err := exec.Command("cp", "-a", files, copied).CombinedOutput(); err != nil {
		t.Fatalf("copy files: %v: %s", err, out)
	}
	// 2. Restored into an empty database.
	drillURL := storetest.EmptyPostgres(t)
	if out, err := exec.Command(storetest.PostgresTool(t, "pg_restore"), "--no-owner", "-d", drillURL, dump).CombinedOutput(); err != nil {
		t.Fatalf("pg_restore: %v: %s", err, out)
	}
	// 3. A platform on the copies, with the audit key kept beside them.
	drill := newMain(t.TempDir(), false, adminPassword, io.Discard)
	key, err := os.ReadFile(m.Config.AuditKeyPath())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(drill.Config.AuditKeyPath(), key, 0o600); err != nil {
		t.Fatal(err)
	}
	drill.Config.DatabaseURL, drill.Config.FilesDir = drillURL, copied
	if err := drill.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { drill.Close() })
	if after := counts(drill.Store.Read.DB); after != before {
		t.Errorf("restored: %s\nwant:     %s", after, before)
	}
	sys := congthuong.NewContext(context.Background(), congthuong.System())
	if n, broken, err := drill.Store.VerifyAudit(sys); err != nil || broken != nil || n == 0 {
		t.Errorf("audit chain of the restored database: %d entries, %v, %v", n, broken, err)
	}
	if code, _ := get(t, drill.URL()+"/readyz"); code != 200 {
		t.Errorf("/readyz: %d", code)
	}
	req, _ := http.NewRequest("GET", fmt.Sprintf("%s/api/v1/dossiers/%s/files/%v", drill.URL(), code, paper["id"]), nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	sum := sha256.Sum256(body)
	if res.StatusCode != 200 || hex.EncodeToString(sum[:]) != paper["sha256"] {
		t.Errorf("the paper from the restored platform: %d, %d bytes, sha256 %x, want %v", res.StatusCode, len(body), sum, paper["sha256"])
	}
}
