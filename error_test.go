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
	if n := congthuong.AsError(err).Problems; n != congthuong.MaxFieldErrors+5 {
		t.Errorf("the error counts %d problems, not %d", n, congthuong.MaxFieldErrors+5)
	}
	if s := err.Error(); len(s) > 500 || !strings.Contains(s, "and 995 more") {
		t.Errorf("Error() = %q", s)
	}
	var empty congthuong.Validation
	if empty.Err("x") != nil {
		t.Error("empty validation is an error")
	}
	if congthuong.ErrorCode(fmt.Errorf("wrapped: %w", congthuong.Errorf(congthuong.ENOTFOUND, "x"))) != congthuong.ENOTFOUND {
		t.Error("wrapped code lost")
	}
	if congthuong.ErrorMessage(fmt.Errorf("db down")) != congthuong.MsgInternal {
		t.Error("internal detail leaked")
	}
}
