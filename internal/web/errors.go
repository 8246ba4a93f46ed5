package web

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"congthuong/internal/db"

	"congthuong"
)

// statusOf maps application error codes to HTTP statuses; anything else is
// a 500.
var statusOf = map[string]int{
	congthuong.EINVALID:      http.StatusBadRequest,
	congthuong.ENOTFOUND:     http.StatusNotFound,
	congthuong.ECONFLICT:     http.StatusConflict,
	congthuong.EUNAUTHORIZED: http.StatusUnauthorized,
	congthuong.EFORBIDDEN:    http.StatusForbidden,
	congthuong.ETOOMANY:      http.StatusTooManyRequests,
	congthuong.EUNAVAILABLE:  http.StatusServiceUnavailable,
	congthuong.EFULL:         http.StatusInsufficientStorage,
	congthuong.EMETHOD:       http.StatusMethodNotAllowed,
}

// unavailable turns a database that cannot be reached into the error that
// says so (503, to retry shortly or elsewhere) instead of an internal one,
// and text the database refuses into the caller's mistake (400).
func unavailable(err error) error {
	switch {
	case db.Unreachable(err):
		return &congthuong.Error{Code: congthuong.EUNAVAILABLE, Message: "web.database_unavailable_try_again_shortly"}
	case db.BadText(err):
		return errBadText
	}
	return err
}

// errBadText refuses text that holds a NUL character or is not UTF-8.
var errBadText = congthuong.Errorf(congthuong.EINVALID, "web.text_holds_character_that_cannot_stored")

// retryable turns a database that cannot be reached into EUNAVAILABLE and
// tells the client when to try again after either that or ETOOMANY.
func (s *Server) retryable(w http.ResponseWriter, r *http.Request, err error) error {
	if u := unavailable(err); u != err {
		s.log.Warn("database unavailable", "path", r.URL.Path, "err", err)
		err = u
	}
	switch congthuong.ErrorCode(err) {
	case congthuong.EUNAVAILABLE, congthuong.ETOOMANY:
		if w.Header().Get("Retry-After") == "" {
			w.Header().Set("Retry-After", "5")
		}
	}
	return err
}

func ErrorStatus(err error) int {
	if st, ok := statusOf[congthuong.ErrorCode(err)]; ok {
		return st
	}
	return http.StatusInternalServerError
}

// apiError is the one error shape of the JSON API.
type apiError struct {
	Error apiErrorBody `json:"error"`
}

type apiErrorBody struct {
	Code    string                  `json:"code"`
	Message string                  `json:"message"`
	Fields  []congthuong.FieldError `json:"fields,omitempty"`
}

// logInternal logs an internal error with the request; users only see
// "internal error" and the request id.
func (s *Server) logInternal(r *http.Request, err error) {
	if congthuong.ErrorCode(err) == congthuong.EFULL {
		// The operator must free space; users were told to try later.
		s.log.ErrorContext(r.Context(), "file storage full", slog.String("path", r.URL.Path),
			slog.String("request_id", requestID(r.Context())))
	}
	if congthuong.ErrorCode(err) == congthuong.EINTERNAL {
		s.log.ErrorContext(r.Context(), "internal error", slog.String("method", r.Method),
			slog.String("path", r.URL.Path), slog.String("request_id", requestID(r.Context())), slog.Any("err", err))
	}
}

func (s *Server) writeAPIError(w http.ResponseWriter, r *http.Request, err error) {
	s.logInternal(r, err)
	err = s.retryable(w, r, err)
	code := congthuong.ErrorCode(err)
	p := s.PrinterFor(r)
	WriteJSON(w, ErrorStatus(err), apiError{Error: apiErrorBody{Code: code, Message: p.ErrorText(err),
		Fields: p.Fields(congthuong.ErrorFields(err))}})
}

func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// wantsJSON reports whether an error for r should be JSON rather than a page.
func wantsJSON(r *http.Request) bool {
	return strings.HasPrefix(r.URL.Path, "/api/") || strings.Contains(r.Header.Get("Accept"), "application/json")
}

// ErrBadJSON wraps a request-body decoding failure.
func ErrBadJSON(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &typ):
		return &congthuong.Error{Code: congthuong.EINVALID, Message: "web.invalid_json_body",
			Fields: []congthuong.FieldError{{Field: typ.Field, Message: "web.wrong_type_expected", Args: []any{typ.Type.String()}}}}
	case errors.As(err, &syn):
		return congthuong.Errorf(congthuong.EINVALID, "web.invalid_json_body_2", err)
	}
	return congthuong.Errorf(congthuong.EINVALID, "web.invalid_request_body", err)
}

func ForbiddenOrLogin(a congthuong.Actor) error {
	if a.Anonymous() {
		return congthuong.Errorf(congthuong.EUNAUTHORIZED, "common.log_first")
	}
	return congthuong.Errorf(congthuong.EFORBIDDEN, "common.your_role_may_not_change_records")
}

// WriteLocalJSON writes v as JSON, its messages (i18n.Localizable) in the
// reader's language.
func (s *Server) WriteLocalJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	s.PrinterFor(r).Localize(v)
	WriteJSON(w, status, v)
}

// FormStatus is the status of a form shown again after err: 422 for
// mistakes to fix, the error's own otherwise (409 for a change made
// meanwhile).
func FormStatus(err error) int {
	if congthuong.ErrorCode(err) == congthuong.EINVALID {
		return http.StatusUnprocessableEntity
	}
	return ErrorStatus(err)
}
