package storetest

import (
	"database/sql"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// StreamingReplica starts a hot standby of the test PostgreSQL server — a
// pg_basebackup of its cluster, streaming from it, served by a postmaster
// of its own on a free loopback port — and returns the URL of dbURL's
// database on it, and a function that stops it (also called when the test
// ends). The server must run on this machine, as scripts/pg-start runs it.
func StreamingReplica(t testing.TB, dbURL string) (string, func()) {
	t.Helper()
	cfg, err := pgconn.ParseConfig(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	// A standby needs at least the primary's connection slots.
	var maxConns string
	if db, err := sql.Open("pgx", dbURL); err == nil {
		err = db.QueryRow(`SHOW max_connections`).Scan(&maxConns)
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Dir(PostgresTool(t, "pg_basebackup"))
	dir, err := os.MkdirTemp("", "congthuong-replica-*")
	if err != nil {
		t.Fatal(err)
	}
	// PostgreSQL refuses to run as root: as root, run it as postgres.
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			t.Fatal(err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
	}
	os.Chmod(dir, 0o700)
	run := func(name string, args ...string) error {
		cmd := exec.Command(filepath.Join(bin, name), args...)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("%s: %v: %s", name, err, out)
		}
		return nil
	}
	if err := run("pg_basebackup", "-h", cfg.Host, "-p", strconv.Itoa(int(cfg.Port)), "-U", cfg.User,
		"-D", dir, "-R", "-X", "stream", "-c", "fast"); err != nil {
		os.RemoveAll(dir)
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	if err := run("pg_ctl", "-D", dir, "-l", filepath.Join(dir, "replica.log"), "-w", "-o",
		fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c hot_standby=on -c max_connections=%s", port, dir, maxConns), "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "replica.log"))
		os.RemoveAll(dir)
		t.Fatalf("%v\n%s", err, log)
	}
	var once sync.Once
	stop := func() {
		once.Do(func() {
			run("pg_ctl", "-D", dir, "-m", "immediate", "-w", "stop")
			os.RemoveAll(dir)
		})
	}
	t.Cleanup(stop)
	u := fmt.Sprintf("postgres://%s@127.0.0.1:%d/%s?sslmode=disable", cfg.User, port, cfg.Database)
	return u, stop
}

// PostgresTool returns the path of a PostgreSQL program (pg_dump,
// pg_basebackup …) of version 15, the server's.
func PostgresTool(t testing.TB, name string) string {
	t.Helper()
	path := filepath.Join("/usr/lib/postgresql/15/bin", name)
	if _, err := os.Stat(path); err == nil {
		return path
	}
	path, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("no %s: install the PostgreSQL 15 server packages", name)
	}
	return path
}
