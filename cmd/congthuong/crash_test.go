package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"congthuong"
	"congthuong/internal/audit"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/unit/unitdb"
)

// childEnv makes the test binary run the platform itself (see TestMain),
// so that a test can kill it with SIGKILL.
const childEnv = "CONGTHUONG_TEST_CHILD"

// child is the platform running in a process of its own, and what it logs.
type child struct {
	*exec.Cmd
	log *childLog
}

// childLog is a child's log, which a test can wait on.
type childLog struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	grew chan struct{} // closed and replaced at each write
}

func (l *childLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	close(l.grew)
	l.grew = make(chan struct{})
	return l.buf.Write(p)
}

func (l *childLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// waitFor waits until the log holds s.
func (l *childLog) waitFor(t *testing.T, s string, timeout time.Duration) {
	t.Helper()
	deadline := time.After(timeout)
	for {
		l.mu.Lock()
		found, grew := strings.Contains(l.buf.String(), s), l.grew
		l.mu.Unlock()
		if found {
			return
		}
		select {
		case <-grew:
		case <-deadline:
			t.Fatalf("the platform did not log %q", s)
		}
	}
}

// startChild runs `congthuong serve` in a process of its own on dir (and
// the PostgreSQL database at dbURL, if given).
func startChild(t *testing.T, dir, dbURL, addr string, env ...string) child {
	t.Helper()
	c := launchChild(t, dir, dbURL, addr, env...)
	waitReady(t, addr)
	return c
}

// launchChild starts the process without waiting for it.
func launchChild(t *testing.T, dir, dbURL, addr string, env ...string) child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "serve", "--data", dir, "--database-url", dbURL, "--addr", addr, "--secure-cookies=false")
	cmd.Env = append(append(os.Environ(), childEnv+"=1", "CONGTHUONG_ADMIN_PASSWORD="+adminPassword, "CONGTHUONG_LOG_LEVEL=warn"), env...)
	log := &childLog{grew: make(chan struct{})}
	cmd.Stderr = log
	t.Cleanup(func() {
		if out := log.String(); t.Failed() && out != "" {
			t.Logf("%s said:\n%s", addr, out)
		}
	})
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return child{cmd, log}
}

// waitReady waits for a platform's /readyz to answer 200.
func waitReady(t *testing.T, addr string) {
	t.Helper()
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); {
		if res, err := http.Get("http://" + addr + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("the platform did not start")
}

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestKillDuringFilings files dossiers from 100 clients, kills the server
// with SIGKILL while they do, restarts it, and checks that every dossier
// the server acknowledged is there and that the audit chain verifies; on
// SQLite and on PostgreSQL.
func TestKillDuringFilings(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { killDuringFilings(t, "") })
	t.Run("postgres", func(t *testing.T) { killDuringFilings(t, storetest.EmptyPostgres(t)) })
}

func killDuringFilings(t *testing.T, dbURL string) {
	dir, addr := t.TempDir(), freeAddr(t)
	child := startChild(t, dir, dbURL, addr)
	// An API token for the administrator, who records filings at the desk.
	st, err := openWithKey(t, dbURL, dir)
	if err != nil {
		t.Fatal(err)
	}
	token := adminToken(t, st)
	st.Close()

	filing := []byte(testFiling)
	var mu sync.Mutex
	acked := map[string]bool{}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{Timeout: 5 * time.Second}
			for {
				select {
				case <-stop:
					return
				default:
				}
				req, _ := http.NewRequest("POST", "http://"+addr+"/api/v1/dossiers", bytes.NewReader(filing))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer "+token)
				res, err := client.Do(req)
				if err != nil {
					continue // the server is gone: not acknowledged
				}
				var d struct {
					Code string `json:"code"`
				}
				json.NewDecoder(res.Body).Decode(&d)
				res.Body.Close()
				if res.StatusCode == http.StatusCreated {
					mu.Lock()
					acked[d.Code] = true
					mu.Unlock()
				}
			}
		}()
	}
	time.Sleep(1500 * time.Millisecond)
	if err := child.Process.Kill(); err != nil { // SIGKILL: no shutdown, no flush
		t.Fatal(err)
	}
	child.Wait()
	time.Sleep(300 * time.Millisecond)
	close(stop)
	wg.Wait()
	if len(acked) < 20 {
		t.Fatalf("only %d filings acknowledged before the kill", len(acked))
	}
	startChild(t, dir, dbURL, addr) // recovers and serves again
	st, err = openWithKey(t, dbURL, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sys := congthuong.NewContext(context.Background(), congthuong.System())
	for code := range acked {
		if _, _, err := st.FindDossier(sys, code); err != nil {
			t.Errorf("acknowledged dossier %s is missing after the kill: %v", code, err)
		}
	}
	if n, broken, err := st.VerifyAudit(sys); err != nil || broken != nil {
		t.Errorf("audit chain after the kill: %d entries, broken at %+v, %v", n, broken, err)
	}
	t.Logf("%d acknowledged filings, all present after SIGKILL and restart", len(acked))
}

// TestKillDuringImport imports a small file, then kills the server with
// SIGKILL while it imports a large one: after a restart the small one is
// all there, nothing of the large one is, and the audit chain verifies.
func TestKillDuringImport(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { killDuringImport(t, "") })
	t.Run("postgres", func(t *testing.T) { killDuringImport(t, storetest.EmptyPostgres(t)) })
}

func killDuringImport(t *testing.T, dbURL string) {
	dir, addr := t.TempDir(), freeAddr(t)
	child := startChild(t, dir, dbURL, addr, "CONGTHUONG_LOG_LEVEL=info")
	st, err := openWithKey(t, dbURL, dir)
	if err != nil {
		t.Fatal(err)
	}
	token := adminToken(t, st)
	st.Close()
	post := func(body []byte) (int, error) {
		req, _ := http.NewRequest("POST", "http://"+addr+"/api/v1/stats/values/import", bytes.NewReader(body))
		req.Header.Set("Content-Type", "text/csv")
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := (&http.Client{Timeout: 60 * time.Second}).Do(req)
		if err != nil {
			return 0, err
		}
		res.Body.Close()
		return res.StatusCode, nil
	}
	if code, err := post([]byte("indicator,unit,period,value\nRETAIL_SALES,31,2024,225784\nEXPORTS,31,2024,36400\n")); err != nil || code != 200 {
		t.Fatalf("small import: %d %v", code, err)
	}
	// The large one, some 360,000 values: every unit of the country, every
	// month of three years, three indicators; killed while it writes.
	var big bytes.Buffer
	big.WriteString("indicator,unit,period,value\n")
	st2, err := openWithKey(t, dbURL, dir)
	if err != nil {
		t.Fatal(err)
	}
	sys := congthuong.NewContext(context.Background(), congthuong.System())
	var units []string
	for off := 0; ; off += store.MaxLimit {
		page, _, err := st2.FindUnits(sys, unitdb.UnitFilter{ValidOn: "2026-01-01", Page: store.Page{Limit: store.MaxLimit, Offset: off}})
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range page {
			if u.Code != congthuong.CountryCode {
				units = append(units, u.Code)
			}
		}
		if len(page) < store.MaxLimit {
			break
		}
	}
	st2.Close()
	rows := 0
	for _, ind := range []string{"RETAIL_SALES", "EXPORTS", "IMPORTS"} {
		for y := 2026; y <= 2028; y++ {
			for m := 1; m <= 12; m++ {
				for _, u := range units {
					fmt.Fprintf(&big, "%s,%s,%d-%02d,%d\n", ind, u, y, m, 100+rows%900)
					rows++
				}
			}
		}
	}
	done := make(chan error, 1)
	go func() {
		code, err := post(big.Bytes())
		if err == nil {
			err = fmt.Errorf("status %d", code)
			if code == 200 {
				err = nil
			}
		}
		done <- err
	}()
	// Killed once its transaction has begun writing, and some way into it.
	child.log.waitFor(t, `msg="import writing" kind=values rows=`+strconv.Itoa(rows), time.Minute)
	time.Sleep(100 * time.Millisecond)
	if err := child.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	child.Wait()
	if err := <-done; err == nil {
		t.Fatalf("the import of %d values finished before the kill: make it larger", rows)
	} else if strings.HasPrefix(err.Error(), "status") {
		t.Fatalf("the large import was refused (%v), not killed", err)
	}
	startChild(t, dir, dbURL, addr)
	st3, err := openWithKey(t, dbURL, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st3.Close()
	var n int
	if err := st3.Read.QueryRow(`SELECT COUNT(*) FROM stat_values`).Scan(&n); err != nil || n != 2 {
		t.Errorf("after the kill the store holds %d values, want the small import's 2 and nothing of the %d killed: %v", n, rows, err)
	}
	if err := st3.CheckSeries(sys); err != nil {
		t.Error(err)
	}
	if _, broken, err := st3.VerifyAudit(sys); err != nil || broken != nil {
		t.Errorf("audit chain after the kill: %+v %v", broken, err)
	}
}

// openWithKey opens the store of a platform's data folder with the key its
// audit log is sealed with.
func openWithKey(t *testing.T, dbURL, dir string) (*store.Store, error) {
	t.Helper()
	k, err := audit.LoadKey(filepath.Join(dir, "audit.key"))
	if err != nil {
		return nil, err
	}
	st, err := store.Open(context.Background(), dbURL, dir)
	if err == nil {
		st.SetAuditKey(k)
	}
	return st, err
}
