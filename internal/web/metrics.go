package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"congthuong/internal/db"
)

// metrics are exported at /metrics in the Prometheus format. Labels use the
// route pattern, never the raw path, so that their number stays bounded.
type metrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	handler  http.Handler
}

func newMetrics(reg *prometheus.Registry, st *db.DB) *metrics {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "congthuong_http_requests_total", Help: "HTTP requests by route pattern, method and status.",
		}, []string{"route", "method", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "congthuong_http_request_duration_seconds", Help: "HTTP request latency by route pattern.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route"}),
	}
	fallbacks := prometheus.NewCounterFunc(prometheus.CounterOpts{
		Name: "congthuong_analytics_replica_fallbacks_total",
		Help: "Analytics reads the primary database answered because the replica could not be reached.",
	}, func() float64 { return float64(st.ReplicaFallbacks()) })
	free := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "congthuong_files_free_bytes",
		Help: "Bytes free on the disk of the uploaded files; uploads are refused (507) when it runs out.",
	}, func() float64 { return float64(st.FilesFree()) })
	reg.MustRegister(m.requests, m.duration, fallbacks, free, collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m.handler = promhttp.HandlerFor(reg, promhttp.HandlerOpts{})
	return m
}

func (m *metrics) observe(route, method string, status int, d time.Duration) {
	m.requests.WithLabelValues(route, method, strconv.Itoa(status)).Inc()
	m.duration.WithLabelValues(route).Observe(d.Seconds())
}
