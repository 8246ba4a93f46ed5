// Command congthuong is the whole platform in one binary: the web server and
// the administration commands.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"congthuong/internal/site"

	"congthuong"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
}

const usage = `congthuong — digital platform for a Department of Industry and Trade

Usage:
  congthuong [serve] [flags]              start the web server (default)
  congthuong migrate [flags]              apply database migrations
  congthuong user add NAME ROLE UNIT      add a user (prints a one-time password)
  congthuong user reset-password NAME     give a user a new one-time password
  congthuong audit verify                 check the audit log's hash chain
  congthuong import enterprises FILE      import enterprises from CSV or XLSX
  congthuong indicator list|add code=… …  statistical indicators (fields as the API's)
  congthuong import values FILE           import statistical values (indicator,unit,period,value[,status,source])
  congthuong calendar days [from=D] [to=D] working days, holidays, lunar dates (JSON)
  congthuong calendar deadline received=T working_days=N [cutoff=HH:MM]
                                          due date, as /api/v1/calendar/deadline
  congthuong backup FILE                  copy the SQLite database (online)
  congthuong restore FILE                 replace the SQLite database (server stopped)
  congthuong files check [verify=true]    uploaded files against the records naming them (JSON)
  congthuong files prune [older_than=24h] remove uploaded files no record names
  congthuong openapi                      print the API's OpenAPI 3.1 document (JSON)
  congthuong version

Flags (each also read from the environment variable shown):
`

// run dispatches a command line and returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	cmd := "serve"
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	var err error
	switch cmd {
	case "serve":
		err = cmdServe(ctx, args, stdout, stderr, getenv)
	case "migrate":
		err = cmdMigrate(ctx, args, stdout, stderr, getenv)
	case "user":
		err = cmdUser(ctx, args, stdout, stderr, getenv)
	case "audit":
		err = cmdAudit(ctx, args, stdout, stderr, getenv)
	case "import":
		err = cmdImport(ctx, args, stdout, stderr, getenv)
	case "calendar":
		err = cmdCalendar(ctx, args, stdout, stderr, getenv)
	case "indicator":
		err = cmdIndicator(ctx, args, stdout, stderr, getenv)
	case "backup":
		err = cmdBackup(ctx, args, stdout, stderr, getenv)
	case "restore":
		err = cmdRestore(ctx, args, stdout, stderr, getenv)
	case "files":
		err = cmdFiles(ctx, args, stdout, stderr, getenv)
	case "openapi":
		var doc []byte
		if doc, err = site.OpenAPI(); err == nil {
			_, err = stdout.Write(append(doc, '\n'))
		}
	case "version":
		fmt.Fprintln(stdout, "congthuong", version())
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprintf(stderr, "congthuong: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	if err != nil {
		msg := err.Error()
		if congthuong.ErrorCode(err) != congthuong.EINTERNAL {
			msg = congthuong.ErrorMessage(err)
		}
		fmt.Fprintln(stderr, "congthuong:", msg)
		for _, f := range congthuong.ErrorFields(err) {
			if msg := congthuong.Render(f.Message, f.Args...); f.Row > 0 {
				fmt.Fprintf(stderr, "  row %d, column %s: %s\n", f.Row, f.Field, msg)
			} else {
				fmt.Fprintf(stderr, "  %s: %s\n", f.Field, msg)
			}
		}
		return 1
	}
	return 0
}
