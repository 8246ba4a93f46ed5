//go:build unix

package main

import (
	"runtime"
	"syscall"
)

// maxRSS is the process's largest resident set, in bytes.
func maxRSS() int64 {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	if runtime.GOOS == "darwin" {
		return int64(u.Maxrss) // bytes there
	}
	return int64(u.Maxrss) * 1024 // kilobytes on Linux and the BSDs
}
