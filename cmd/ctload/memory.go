package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

// peakHeap samples the heap in use every interval until ctx ends and
// returns the highest, in bytes: the load generator's share included,
// since ctload runs the platform in its own process.
func peakHeap(ctx context.Context, interval time.Duration) uint64 {
	var peak uint64
	var m runtime.MemStats
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		runtime.ReadMemStats(&m)
		peak = max(peak, m.HeapInuse)
		select {
		case <-ctx.Done():
			return peak
		case <-t.C:
		}
	}
}

// memoryLine says what the process took: its peak heap in use and its
// largest resident set.
func memoryLine(peak uint64) string {
	return fmt.Sprintf("memory: peak heap in use %.1f MiB (server and load generator in one process), max RSS %.1f MiB",
		float64(peak)/(1<<20), float64(maxRSS())/(1<<20))
}
