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

// A message shown to users is an ID in the catalogues (internal/i18n) and
// its arguments: the edge (a page, the API, a command) writes it in the
// reader's language.

// FieldError names one bad field (or row and column of an import) and why:
// Message is the ID of the message, with Args.
type FieldError struct {
	Field   string `json:"field"`
	Row     int    `json:"row,omitempty"`
	Message string `json:"message"`
	Args    []any  `json:"-"`
}

// Text writes the message in English (Render).
func (f FieldError) Text() string { return Render(f.Message, f.Args...) }

// Localize writes the message in the reader's language with t, for an
// answer that carries it (i18n.Printer.Localize).
func (f *FieldError) Localize(t func(id string, args ...any) string) {
	f.Message, f.Args = t(f.Message, f.Args...), nil
}

// Error is the error the application shows to its users. Anything else that
// reaches a handler is an internal error and is logged, not shown.
type Error struct {
	Code string
	// Message is the ID of the message, with Args.
	Message string
	Args    []any
	Fields  []FieldError
	// Problems counts the problems found when there were more than Fields
	// lists (Validation keeps the first MaxFieldErrors).
	Problems int
}

// Render writes a message in English, for logs, tests and commands. The
// catalogues (internal/i18n) set it; until then it shows the ID and the
// arguments.
var Render = func(id string, args ...any) string {
	if len(args) == 0 {
		return id
	}
	return id + " " + strings.TrimSpace(fmt.Sprintln(args...))
}

func (e *Error) Error() string {
	msg := Render(e.Message, e.Args...)
	if len(e.Fields) == 0 {
		return fmt.Sprintf("congthuong: %s: %s", e.Code, msg)
	}
	parts := make([]string, 0, min(len(e.Fields), 10))
	for i, f := range e.Fields {
		if i == 10 {
			parts = append(parts, fmt.Sprintf("and %d more", max(len(e.Fields), e.Problems)-10))
			break
		}
		if f.Row > 0 {
			parts = append(parts, fmt.Sprintf("row %d %s: %s", f.Row, f.Field, Render(f.Message, f.Args...)))
		} else {
			parts = append(parts, f.Field+": "+Render(f.Message, f.Args...))
		}
	}
	return fmt.Sprintf("congthuong: %s: %s (%s)", e.Code, msg, strings.Join(parts, "; "))
}

// FieldErr returns an *Error with the given code whose message, the ID id
// with args, names one field: a single form field or parameter at fault.
func FieldErr(code, field, id string, args ...any) *Error {
	return &Error{Code: code, Message: id, Args: args, Fields: []FieldError{{Field: field, Message: id, Args: args}}}
}

// Text is a message as an argument of another: the printer writes it in
// the reader's language before placing it.
type Text struct {
	ID   string
	Args []any
}

// String writes the message in English.
func (t Text) String() string { return Render(t.ID, t.Args...) }

// Name is a record's name in both languages (a unit's, an indicator's),
// as an argument of a message: the printer writes the reader's.
type Name struct{ VI, EN string }

// String writes the English name, or the Vietnamese when there is none.
func (n Name) String() string {
	if n.EN != "" {
		return n.EN
	}
	return n.VI
}

// TextOf is err's message (MessageOf) as an argument of another message.
func TextOf(err error) Text {
	id, args := MessageOf(err)
	return Text{id, args}
}

// FieldErrOf returns an *Error with the given code naming field, with err's
// message (MessageOf).
func FieldErrOf(code, field string, err error) *Error {
	id, args := MessageOf(err)
	return FieldErr(code, field, id, args...)
}

// MessageOf returns the message of err for a field: the message of its
// first field when err is an *Error naming one, else its own message; the
// internal error's when err is no *Error.
func MessageOf(err error) (id string, args []any) {
	var e *Error
	if !errors.As(err, &e) {
		return MsgInternal, nil
	}
	if len(e.Fields) > 0 {
		return e.Fields[0].Message, e.Fields[0].Args
	}
	return e.Message, e.Args
}

// Errorf returns an *Error with the given code and message: the ID id with
// args.
func Errorf(code, id string, args ...any) *Error {
	return &Error{Code: code, Message: id, Args: args}
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

// ErrorMessage returns the message of err, in English; internal errors get
// a generic message so that no implementation detail leaks.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return Render(e.Message, e.Args...)
	}
	return Render(MsgInternal)
}

// MsgInternal is the message of an internal error.
const MsgInternal = "error.internal"

// AsError returns the first *Error in err's chain, or an internal one.
func AsError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Code: EINTERNAL, Message: MsgInternal}
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

// Add records that field is wrong: the message ID id, with args.
func (v *Validation) Add(field, id string, args ...any) {
	v.add(FieldError{Field: field, Message: id, Args: args})
}

// AddRow records that field of an import row is wrong.
func (v *Validation) AddRow(row int, field, id string, args ...any) {
	v.add(FieldError{Field: field, Row: row, Message: id, Args: args})
}

// AddErr records that field is wrong, with err's message (MessageOf).
func (v *Validation) AddErr(field string, err error) {
	id, args := MessageOf(err)
	v.Add(field, id, args...)
}

// AddRowErr records that field of an import row is wrong, with err's
// message.
func (v *Validation) AddRowErr(row int, field string, err error) {
	id, args := MessageOf(err)
	v.AddRow(row, field, id, args...)
}

// Merge records every field of err, a validation's error (ErrorFields).
func (v *Validation) Merge(err error) {
	for _, f := range ErrorFields(err) {
		v.add(f)
	}
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
func (v *Validation) Err(id string, args ...any) error {
	if v.n == 0 {
		return nil
	}
	e := &Error{Code: EINVALID, Message: id, Args: args, Fields: slices.Clone(v.fields)}
	if v.n > len(v.fields) {
		e.Problems = v.n
	}
	return e
}
