package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"congthuong"
)

type requestIDKey struct{}

func requestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// requestInfo is what the log line and metrics of a request need but
// learn only inside it: observe makes it, authenticate names the user, and
// the matched route's handler its pattern (each step sees a copy of the
// request, so the outer ones would not see the inner ones' changes).
type requestInfo struct {
	client string // the client's address (clientAddr)
	user   string
	route  string
}

type requestInfoKey struct{}

func infoFrom(ctx context.Context) *requestInfo {
	info, _ := ctx.Value(requestInfoKey{}).(*requestInfo)
	if info == nil {
		return &requestInfo{}
	}
	return info
}

// ClientOf returns the address of the client of r (clientAddr), as
// observe found it.
func ClientOf(r *http.Request) string { return infoFrom(r.Context()).client }

// named records the route pattern a request matched.
func named(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		infoFrom(r.Context()).route = r.Pattern
		h(w, r)
	}
}

// statusWriter records the status and size of a response for logs and
// metrics.
type statusWriter struct {
	http.ResponseWriter
	status int
	size   int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.size += n
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// observe gives each request an id, recovers panics, logs one line per
// request and records metrics by route pattern.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get("X-Request-Id")
		if id == "" || len(id) > 64 {
			b := make([]byte, 8)
			rand.Read(b)
			id = hex.EncodeToString(b)
		}
		w.Header().Set("X-Request-Id", id)
		info := &requestInfo{client: clientAddr(r, s.opts.TrustedProxies)}
		ctx := context.WithValue(r.Context(), requestIDKey{}, id)
		r = r.WithContext(context.WithValue(ctx, requestInfoKey{}, info))
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			if p := recover(); p != nil {
				s.log.Error("panic", slog.String("request_id", id), slog.Any("panic", p), slog.String("stack", string(debug.Stack())))
				if sw.status == 0 {
					s.RenderError(sw, r, fmt.Errorf("panic: %v", p))
				}
			}
			if sw.status == 0 {
				sw.status = http.StatusOK
			}
			elapsed := time.Since(start)
			pattern := info.route
			if pattern == "" {
				pattern = "unmatched"
			}
			s.metrics.observe(pattern, r.Method, sw.status, elapsed)
			if isPage(r, sw.status, sw.Header()) {
				s.countVisit(r, info.client)
			}
			level := slog.LevelInfo
			if r.URL.Path == "/healthz" || r.URL.Path == "/readyz" || r.URL.Path == "/metrics" || strings.HasPrefix(r.URL.Path, "/static/") {
				level = slog.LevelDebug
			}
			s.log.Log(r.Context(), level, "request", slog.String("request_id", id), slog.String("method", r.Method),
				slog.String("path", r.URL.Path), slog.Int("status", sw.status), slog.Int("bytes", sw.size),
				slog.Duration("duration", elapsed), slog.String("user", info.user), slog.String("client", info.client))
		}()
		next.ServeHTTP(sw, r)
	})
}

// securityHeaders sets a strict Content-Security-Policy (no inline script,
// no third-party origins but the map's tile source, for images only) and
// the usual hardening headers; hsts (a deployment on HTTPS) tells browsers
// to come back over HTTPS only. Browsers ignore HSTS on plain HTTP, so it is
// harmless on http://localhost.
func securityHeaders(next http.Handler, tiles string, hsts bool) http.Handler {
	img := "img-src 'self' data:"
	if origin := tileOrigin(tiles); origin != "" {
		img += " " + origin
	}
	csp := "default-src 'self'; script-src 'self'; style-src 'self'; " + img + "; " +
		"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		if hsts {
			h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
		}
		next.ServeHTTP(w, r)
	})
}

// tileOrigin is the origin a tile URL template loads from, with a wildcard
// for its {s} subdomains: https://{s}.tile.example.org/{z}/{x}/{y}.png →
// https://*.tile.example.org.
func tileOrigin(tiles string) string {
	rest, ok := strings.CutPrefix(tiles, "https://")
	if !ok {
		return ""
	}
	host, _, _ := strings.Cut(rest, "/")
	return "https://" + strings.ReplaceAll(host, "{s}", "*")
}

// authenticate puts the actor of the request in its context: from an API
// token (Authorization: Bearer) or the session cookie. A bad bearer token is
// an error, not silently anonymous, so that integrations notice.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Static files need no one; /metrics has its own token.
		if strings.HasPrefix(r.URL.Path, "/static/") || r.URL.Path == "/metrics" {
			next.ServeHTTP(w, r)
			return
		}
		if h := r.Header.Get("Authorization"); h != "" {
			token, ok := strings.CutPrefix(h, "Bearer ")
			if !ok {
				s.writeAPIError(w, r, congthuong.Errorf(congthuong.EUNAUTHORIZED, "web.authorization_must_bearer_token"))
				return
			}
			u, err := s.accounts.FindTokenUser(r.Context(), strings.TrimSpace(token))
			if err != nil {
				if congthuong.ErrorCode(err) == congthuong.ENOTFOUND {
					err = congthuong.Errorf(congthuong.EUNAUTHORIZED, "web.api_token_unknown_expired_revoked")
				}
				s.writeAPIError(w, r, err)
				return
			}
			infoFrom(r.Context()).user = u.Username
			ctx := congthuong.NewContext(r.Context(), u.Actor())
			ctx = context.WithValue(ctx, mustChangeKey{}, u.MustChangePassword)
			next.ServeHTTP(w, r.WithContext(ctx))
			return
		}
		if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
			u, err := s.accounts.FindSessionUser(r.Context(), c.Value)
			if err == nil {
				infoFrom(r.Context()).user = u.Username
				ctx := congthuong.NewContext(r.Context(), u.Actor())
				ctx = context.WithValue(ctx, mustChangeKey{}, u.MustChangePassword)
				next.ServeHTTP(w, r.WithContext(ctx))
				return
			}
			if congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
				s.RenderError(w, r, err)
				return
			}
			s.clearCookie(w, sessionCookie)
		}
		next.ServeHTTP(w, r)
	})
}

type mustChangeKey struct{}

// forcePasswordChange sends a user with a one-time password to the password
// page before anything else.
func forcePasswordChange(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		must, _ := r.Context().Value(mustChangeKey{}).(bool)
		if must && !strings.HasPrefix(r.URL.Path, "/account/password") && r.URL.Path != "/logout" &&
			!strings.HasPrefix(r.URL.Path, "/static/") && !strings.HasPrefix(r.URL.Path, "/prefs") {
			if wantsJSON(r) {
				WriteJSON(w, http.StatusForbidden, apiError{Error: apiErrorBody{Code: congthuong.EFORBIDDEN,
					Message: "change the one-time password first"}})
				return
			}
			http.Redirect(w, r, "/account/password", http.StatusSeeOther)
			return
		}
		next.ServeHTTP(w, r)
	})
}
