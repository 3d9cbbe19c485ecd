package xlsx

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// A file already in memory reads exactly as the same bytes through an
// io.Reader, broken files included, with one Reader reused across files
// as the loader does (so a file's rows never leak into the next).
func TestReadSubmissionBytes(t *testing.T) {
	var paths []string
	for _, g := range []string{"../../samples/*/*", "testdata/read/*.xlsx"} {
		m, _ := filepath.Glob(g)
		paths = append(paths, m...)
	}
	if len(paths) < 20 {
		t.Fatalf("only %d sample files", len(paths))
	}
	var byBytes, byReader Reader
	refused := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		want := byReader.ReadSubmission(p, bytes.NewReader(data))
		got := byBytes.ReadSubmissionBytes(p, data)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: read from memory differs from read through a reader", p)
		}
		if len(want.Rows) == 0 {
			refused++
		}
	}
	if refused == 0 || refused == len(paths) {
		t.Errorf("%d of %d files without rows: the comparison needs both kinds", refused, len(paths))
	}
}
