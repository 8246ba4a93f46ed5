package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"congthuong"
	"congthuong/internal/store"
)

// adminToken is an API token of the first administrator.
func adminToken(t *testing.T, st *store.Store) string {
	t.Helper()
	admin, err := st.FindUserByUsername(context.Background(), "admin")
	if err != nil {
		t.Fatal(err)
	}
	actor := congthuong.Actor{UserID: admin.ID, Username: admin.Username, Role: admin.Role, UnitCode: admin.UnitCode}
	token, _, err := st.CreateAPIToken(congthuong.NewContext(context.Background(), actor), "fault test", nil)
	if err != nil {
		t.Fatal(err)
	}
	return token
}

const testFiling = `{"procedure_code":"CT-KM-MAYRUI","unit_code":"31","channel":1,"applicant":{"name":"Công ty Mẫu","phone":"0912345678"},
	"form":{"tax_code":"0100233488","start_date":"2026-12-01","end_date":"2026-12-31"}}`

// fileWithPaper files testFiling with one PDF of size bytes, as a
// multipart form; it returns the status and the decoded answer.
func fileWithPaper(t *testing.T, url, token string, size int) (int, map[string]any) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("dossier", testFiling)
	fw, err := mw.CreateFormFile("file", "de-nghi.pdf")
	if err != nil {
		t.Fatal(err)
	}
	paper := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte(fmt.Sprintf("%d ", size)), size/4)...)
	fw.Write(paper[:size])
	mw.Close()
	req, err := http.NewRequest("POST", url+"/api/v1/dossiers", &body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	json.NewDecoder(res.Body).Decode(&out)
	return res.StatusCode, out
}

// TestDiskFullAttachment stores attachments on a 1 MiB file system: a
// paper that does not fit gets a clear 507 naming the file, and leaves no
// dossier, no audit entry and no partial file behind; the next paper that
// fits is stored as if nothing had happened.
func TestDiskFullAttachment(t *testing.T) {
	files := filepath.Join(t.TempDir(), "files")
	if err := os.MkdirAll(files, 0o750); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", files).CombinedOutput(); err != nil {
		// Mounting needs root (CAP_SYS_ADMIN); nothing else stands in
		// for a real full disk. CI runs as root and must run it.
		if os.Getenv("CI") == "true" {
			t.Fatalf("cannot mount a 1 MiB tmpfs to fill (%v: %s): CI must run this test as root", err, out)
		}
		t.Skipf("cannot mount a 1 MiB tmpfs to fill (%v: %s); the test fails instead in CI", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", files).Run() })

	m := newMain(t.TempDir(), false, adminPassword, io.Discard)
	m.Config.FilesDir = files
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	token := adminToken(t, m.Store)
	count := func() (dossiers, audit int) {
		db := m.Store.Read
		if err := db.QueryRow(`SELECT COUNT(*) FROM dossiers`).Scan(&dossiers); err != nil {
			t.Fatal(err)
		}
		if err := db.QueryRow(`SELECT COUNT(*) FROM audit_log`).Scan(&audit); err != nil {
			t.Fatal(err)
		}
		return
	}

	if status, out := fileWithPaper(t, m.URL(), token, 300<<10); status != http.StatusCreated {
		t.Fatalf("a paper that fits: %d %v", status, out)
	}
	dossiers, audit := count()
	status, out := fileWithPaper(t, m.URL(), token, 900<<10)
	if status != http.StatusInsufficientStorage {
		t.Fatalf("a paper that does not fit: %d %v, want 507", status, out)
	}
	e, _ := out["error"].(map[string]any)
	if e["code"] != congthuong.EFULL || !strings.Contains(fmt.Sprint(e["fields"]), "file") || !strings.Contains(fmt.Sprint(e["message"]), "nothing was saved") {
		t.Errorf("error: %v", out)
	}
	if d, a := count(); d != dossiers || a != audit {
		t.Errorf("after the refusal: %d dossiers and %d audit entries, want %d and %d", d, a, dossiers, audit)
	}
	entries, _ := filepath.Glob(filepath.Join(files, ".upload-*"))
	if len(entries) != 0 {
		t.Errorf("partial files left behind: %v", entries)
	}
	var fs syscall.Statfs_t
	if err := syscall.Statfs(files, &fs); err != nil {
		t.Fatal(err)
	}
	if free := int64(fs.Bavail) * fs.Bsize; free < 600<<10 {
		t.Errorf("only %d bytes free after the refusal: the partial file still holds space", free)
	}
	if status, out := fileWithPaper(t, m.URL(), token, 200<<10); status != http.StatusCreated {
		t.Fatalf("after the refusal, a paper that fits: %d %v", status, out)
	}
}

// TestSlowClients checks the server's timeouts: a client that sends its
// headers a byte at a time is cut off, and an import uploaded slowly holds
// its own connection, never the database's writer: filings go through while
// it crawls, and it is cut off at the read timeout with nothing written.
func TestSlowClients(t *testing.T) {
	m := newMain(t.TempDir(), false, adminPassword, io.Discard)
	m.Config.HeaderTimeout, m.Config.ReadTimeout = 500*time.Millisecond, 3*time.Second
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	token := adminToken(t, m.Store)
	addr := strings.TrimPrefix(m.URL(), "http://")

	t.Run("headers", func(t *testing.T) {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		start := time.Now()
		fmt.Fprint(conn, "GET /healthz HTTP/1.1\r\nHost: test\r\n")
		cut := false
		for i := 0; i < 50 && !cut; i++ {
			time.Sleep(100 * time.Millisecond)
			_, err := fmt.Fprintf(conn, "X-Slow-%d: y\r\n", i)
			cut = err != nil
			if !cut {
				conn.SetReadDeadline(time.Now().Add(time.Millisecond))
				_, err := conn.Read(make([]byte, 1))
				var ne net.Error
				cut = err != nil && !(errors.As(err, &ne) && ne.Timeout())
			}
		}
		if !cut {
			t.Fatalf("a client sending headers for %s was not cut off (header timeout 500 ms)", time.Since(start).Round(time.Millisecond))
		}
	})

	t.Run("upload", func(t *testing.T) {
		var values int
		db := m.Store.Read
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		csv := "indicator,unit,period,value\n" + strings.Repeat("RETAIL_SALES,31,2024-01,1000\n", 3000)
		fmt.Fprintf(conn, "POST /api/v1/stats/values/import HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer %s\r\n"+
			"Content-Type: text/csv\r\nContent-Length: %d\r\n\r\n%s", token, len(csv), csv[:1000])
		uploadStart := time.Now()
		// While the upload stalls, every filing goes through.
		for i := 0; i < 10; i++ {
			req, _ := http.NewRequest("POST", m.URL()+"/api/v1/dossiers", strings.NewReader(testFiling))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+token)
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusCreated {
				t.Fatalf("filing %d during the slow upload: %d", i, res.StatusCode)
			}
		}
		if waited := time.Since(uploadStart); waited >= m.Config.ReadTimeout {
			t.Fatalf("the filings took %s: they waited for the slow upload to be cut off", waited)
		}
		// The crawling upload is then cut off at the read timeout.
		conn.SetReadDeadline(time.Now().Add(2 * m.Config.ReadTimeout))
		for time.Since(uploadStart) < m.Config.ReadTimeout+time.Second {
			if _, err := conn.Write([]byte("R")); err != nil {
				break
			}
			time.Sleep(200 * time.Millisecond)
		}
		res, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err == nil {
			res.Body.Close()
			if res.StatusCode < 400 {
				t.Errorf("the slow upload got %d", res.StatusCode)
			}
		}
		if err := db.QueryRow(`SELECT COUNT(*) FROM stat_values`).Scan(&values); err != nil {
			t.Fatal(err)
		}
		if values != 0 {
			t.Errorf("%d values written from an upload that never finished", values)
		}
	})
}
