package web

import (
	"context"
	"crypto/subtle"
	"net/http"
	"strings"
	"time"

	"congthuong"
)

var errNoRoute = congthuong.Errorf(congthuong.ENOTFOUND, "web.page_not_found")

// healthz answers while the process runs.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ok\n"))
}

// readyz answers 200 only while the database answers, so that a load
// balancer stops sending traffic to a replica that lost it.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := s.db.Ping(ctx); err != nil {
		s.log.Warn("not ready", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("database unavailable\n"))
		return
	}
	w.Write([]byte("ready\n"))
}

// serveMetrics answers Prometheus. The figures tell an outsider too much
// (free disk space, traffic by route), so they are served to a request
// bearing the configured metrics token, or, without one, to the machine
// itself: a client on a loopback address, not through a proxy.
func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) {
	allowed := false
	if s.opts.MetricsToken != "" {
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		allowed = ok && subtle.ConstantTimeCompare([]byte(token), []byte(s.opts.MetricsToken)) == 1
	} else {
		peer := remoteAddr(r)
		allowed = peer.IsLoopback() && r.Header.Get("X-Forwarded-For") == ""
	}
	if !allowed {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusForbidden)
		w.Write([]byte("metrics are served to the local machine or with the metrics token\n"))
		return
	}
	s.metrics.handler.ServeHTTP(w, r)
}
