package store_test

import (
	"os"
	"testing"

	"congthuong/internal/storetest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	storetest.DropTemplates()
	os.Exit(code)
}
