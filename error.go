// Package congthuong holds the few types every layer shares: the application
// error with its codes and per-field details, and the actor (who is asking)
// carried in a context.
package congthuong

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Error codes. They are stable strings: the JSON API returns them as-is.
const (
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	ECONFLICT     = "conflict"
	EUNAUTHORIZED = "unauthorized"
	EFORBIDDEN    = "forbidden"
	ETOOMANY      = "too_many_requests"
	EUNAVAILABLE  = "unavailable"        // the database cannot be reached: try again shortly
	EFULL         = "storage_full"       // no room left to store a file: nothing was saved
	EMETHOD       = "method_not_allowed" // the path exists, not with this method
	EINTERNAL     = "internal"
)

// FieldError names one bad field (or row and column of an import) and why.
type FieldError struct {
	Field   string `json:"field"`
	Row     int    `json:"row,omitempty"`
	Message string `json:"message"`
}

// Error is the error the application shows to its users. Anything else that
// reaches a handler is an internal error and is logged, not shown.
type Error struct {
	Code    string
	Message string
	Fields  []FieldError
}

func (e *Error) Error() string {
	if len(e.Fields) == 0 {
		return fmt.Sprintf("congthuong: %s: %s", e.Code, e.Message)
	}
	parts := make([]string, 0, min(len(e.Fields), 10))
	for i, f := range e.Fields {
		if i == 10 {
			parts = append(parts, fmt.Sprintf("and %d more", len(e.Fields)-10))
			break
		}
		if f.Row > 0 {
			parts = append(parts, fmt.Sprintf("row %d %s: %s", f.Row, f.Field, f.Message))
		} else {
			parts = append(parts, f.Field+": "+f.Message)
		}
	}
	return fmt.Sprintf("congthuong: %s: %s (%s)", e.Code, e.Message, strings.Join(parts, "; "))
}

// FieldErr returns an *Error with the given code whose message names one
// field: a single form field or parameter at fault.
func FieldErr(code, field, message string) *Error {
	return &Error{Code: code, Message: message, Fields: []FieldError{{Field: field, Message: message}}}
}

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, or EINTERNAL.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of err; internal errors get a
// generic message so that no implementation detail leaks.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}

// ErrorFields returns the field details of err, if any.
func ErrorFields(err error) []FieldError {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}

// Validation collects field errors; its Err is nil when nothing was added.
// It keeps the first MaxFieldErrors and counts the rest, so that a file of a
// million bad rows costs no more memory than one of a thousand.
type Validation struct {
	fields []FieldError
	n      int
}

// Add records that field is wrong.
func (v *Validation) Add(field, message string) { v.add(FieldError{Field: field, Message: message}) }

// AddRow records that field of an import row is wrong.
func (v *Validation) AddRow(row int, field, message string) {
	v.add(FieldError{Field: field, Row: row, Message: message})
}

func (v *Validation) add(f FieldError) {
	v.n++
	if len(v.fields) < MaxFieldErrors {
		v.fields = append(v.fields, f)
	}
}

// Len reports how many problems were recorded.
func (v *Validation) Len() int { return v.n }

// MaxFieldErrors bounds the problems one error carries: a file with a
// wrong column can otherwise produce a million of them.
const MaxFieldErrors = 1000

// Err returns an EINVALID error listing every field, or nil. Past
// MaxFieldErrors it keeps the first ones and says how many there were.
func (v *Validation) Err(message string) error {
	if v.n == 0 {
		return nil
	}
	if v.n > len(v.fields) {
		message = fmt.Sprintf("%s (the first %d of %d problems are listed)", message, len(v.fields), v.n)
	}
	return &Error{Code: EINVALID, Message: message, Fields: slices.Clone(v.fields)}
}
