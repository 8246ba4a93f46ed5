package storetest

import (
	"sort"
	"testing"
	"time"
)

// Timed runs fn b.N times, recording each duration, and reports the 95th
// percentile in milliseconds as p95-ms: benchmarks of requests care about
// the slow ones, which a mean hides.
func Timed(b *testing.B, fn func(i int)) {
	d := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		fn(i)
		d = append(d, time.Since(start))
	}
	b.StopTimer()
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	b.ReportMetric(float64(d[len(d)*95/100])/1e6, "p95-ms")
}
