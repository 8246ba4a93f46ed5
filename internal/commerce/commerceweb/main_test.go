package commerceweb_test

import (
	"testing"

	"congthuong/internal/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }
