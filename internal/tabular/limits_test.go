package tabular_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"congthuong"
	"congthuong/internal/tabular"
)

// workbook returns a real one-sheet workbook with extra parts added by add.
func workbook(t *testing.T, add func(zw *zip.Writer)) []byte {
	t.Helper()
	var sheet bytes.Buffer
	if err := tabular.WriteXLSX(&sheet, "values", []string{"a", "b"}, func(emit func([]string) error) error {
		return emit([]string{"1", "2"})
	}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(sheet.Bytes()), int64(sheet.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	add(zw)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// zeros compresses n zero bytes.
func zeros(t *testing.T, n int64) []byte {
	t.Helper()
	var b bytes.Buffer
	fw, _ := flate.NewWriter(&b, flate.BestSpeed)
	if _, err := io.CopyN(fw, zeroReader{}, n); err != nil {
		t.Fatal(err)
	}
	fw.Close()
	return b.Bytes()
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) { clear(p); return len(p), nil }

func fileMessage(err error) string {
	for _, f := range congthuong.ErrorFields(err) {
		if f.Field == "file" {
			return f.Text()
		}
	}
	return ""
}

// TestZipBomb: a workbook with an extra part of a gigabyte of zeros (about a
// megabyte packed) is refused from the sizes its parts declare, before
// anything is unpacked: the heap does not grow.
func TestZipBomb(t *testing.T) {
	const gib = 1 << 30
	packed := zeros(t, gib)
	bomb := workbook(t, func(zw *zip.Writer) {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/media/zeros.bin", Method: zip.Deflate,
			CompressedSize64: uint64(len(packed)), UncompressedSize64: gib})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(packed)
	})
	if len(bomb) > 4<<20 {
		t.Fatalf("the bomb is %d bytes", len(bomb))
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := tabular.Read(bytes.NewReader(bomb))
	runtime.ReadMemStats(&after)
	if congthuong.ErrorCode(err) != congthuong.EINVALID || !strings.Contains(fileMessage(err), "MiB") {
		t.Fatalf("a zip bomb: %v; want the limit named", err)
	}
	if grew := int64(after.TotalAlloc - before.TotalAlloc); grew > 64<<20 {
		t.Errorf("refusing the bomb allocated %d MiB", grew>>20)
	}

	// A part that lies about its size is cut off where the lie ends: Go's
	// zip reader gives no more than a part declares.
	liar := workbook(t, func(zw *zip.Writer) {
		small := zeros(t, 64<<20)
		w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/media/liar.bin", Method: zip.Deflate,
			CompressedSize64: uint64(len(small)), UncompressedSize64: 10})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(small)
	})
	runtime.GC()
	runtime.ReadMemStats(&before)
	if tab, err := tabular.Read(bytes.NewReader(liar)); err != nil || len(tab.Rows) != 1 {
		t.Errorf("the workbook around a lying part: %v", err)
	}
	runtime.ReadMemStats(&after)
	if grew := int64(after.TotalAlloc - before.TotalAlloc); grew > 32<<20 {
		t.Errorf("reading the lying part allocated %d MiB", grew>>20)
	}
}

// TestBlankRows: a file of blank rows is refused once it passes the limit,
// instead of being parsed to its end.
func TestBlankRows(t *testing.T) {
	file := "a,b\n" + strings.Repeat(",\n", tabular.MaxBlankRows+1) + "1,2\n"
	_, err := tabular.Read(strings.NewReader(file))
	if congthuong.ErrorCode(err) != congthuong.EINVALID || !strings.Contains(fileMessage(err), "empty rows") {
		t.Errorf("too many blank rows: %v", err)
	}
	ok := "a,b\n" + strings.Repeat(",\n", 100) + "1,2\n"
	if tab, err := tabular.Read(strings.NewReader(ok)); err != nil || len(tab.Rows) != 1 {
		t.Errorf("a few blank rows: %v", err)
	}
}

// TestStreamStopsWithContext: reading stops soon after its context ends,
// even in the middle of a run of rows that yield nothing.
func TestStreamStopsWithContext(t *testing.T) {
	r := io.MultiReader(strings.NewReader("a,b\n1,2\n"), endlessRows{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	start := time.Now()
	n := 0
	var last error
	for _, err := range tabular.Stream(ctx, r, func([]string) (func(tabular.Row) int, error) {
		return func(tabular.Row) int { return 1 }, nil
	}) {
		if err != nil {
			last = err
			break
		}
		if n++; n == 1000 {
			cancel()
		}
	}
	if !errors.Is(last, context.Canceled) || time.Since(start) > 5*time.Second {
		t.Errorf("after cancelling: %v after %s", last, time.Since(start))
	}
}

// endlessRows is a CSV body that never ends.
type endlessRows struct{}

func (endlessRows) Read(p []byte) (int, error) {
	const row = "3,4\n"
	n := 0
	for n+len(row) <= len(p) {
		n += copy(p[n:], row)
	}
	return n, nil
}

// TestCSVInjection: cells a spreadsheet would run as formulas are written as
// text, numbers are left alone, and reading takes the text back as it was.
func TestCSVInjection(t *testing.T) {
	cells := []string{`=HYPERLINK("http://evil.example","x")`, "+1+1", "-5", "-2,5", "@SUM(A1)", "\tcmd", "Cục Thống kê", "-", "'=quoted"}
	var buf bytes.Buffer
	if err := tabular.WriteCSV(&buf, []string{"source"}, func(emit func([]string) error) error {
		for _, c := range cells {
			if err := emit([]string{c}); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(buf.String(), "\n")
	for i, want := range []string{`"'=HYPERLINK(""http://evil.example"",""x"")"`, "'+1+1", "-5", `"'-2,5"`, "'@SUM(A1)", "'\tcmd", "Cục Thống kê", "'-", "''=quoted"} {
		if lines[i+1] != want {
			t.Errorf("cell %q written as %q, want %q", cells[i], lines[i+1], want)
		}
	}
	tab, err := tabular.Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range tab.Rows {
		if want := strings.TrimSpace(cells[i]); r.Cell(0) != want {
			t.Errorf("cell %q read back as %q", cells[i], r.Cell(0))
		}
	}
}
