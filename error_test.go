package congthuong_test

import (
	"fmt"
	"strings"
	"testing"

	"congthuong"
)

func TestValidationCap(t *testing.T) {
	var v congthuong.Validation
	for i := 0; i < congthuong.MaxFieldErrors+5; i++ {
		v.AddRow(i+2, "tax_code", "bad")
	}
	err := v.Err("the file has invalid rows")
	if n := len(congthuong.ErrorFields(err)); n != congthuong.MaxFieldErrors {
		t.Errorf("%d fields kept", n)
	}
	if msg := congthuong.ErrorMessage(err); !strings.Contains(msg, fmt.Sprintf("of %d problems", congthuong.MaxFieldErrors+5)) {
		t.Errorf("message %q does not give the total", msg)
	}
	if s := err.Error(); len(s) > 500 || !strings.Contains(s, "and 990 more") {
		t.Errorf("Error() = %q", s)
	}
	var empty congthuong.Validation
	if empty.Err("x") != nil {
		t.Error("empty validation is an error")
	}
	if congthuong.ErrorCode(fmt.Errorf("wrapped: %w", congthuong.Errorf(congthuong.ENOTFOUND, "x"))) != congthuong.ENOTFOUND {
		t.Error("wrapped code lost")
	}
	if congthuong.ErrorMessage(fmt.Errorf("db down")) != "internal error" {
		t.Error("internal detail leaked")
	}
}
