package pdf

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/tonghop/tonghop/report"
)

var update = flag.Bool("update", false, "rewrite golden files")

// keep writes the rendered PDFs to this directory for a look.
var keep = flag.String("keep", "", "also write the rendered PDFs to this directory")

// render writes the briefing of r to a file in a temporary directory and
// returns its path and bytes.
func render(tb testing.TB, name string, r *report.Result, opt Options) (string, []byte) {
	tb.Helper()
	var buf bytes.Buffer
	if err := WriteWith(&buf, r, opt); err != nil {
		tb.Fatalf("WriteWith: %v", err)
	}
	path := filepath.Join(tb.TempDir(), name+".pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
	if *keep != "" {
		if err := os.WriteFile(filepath.Join(*keep, name+".pdf"), buf.Bytes(), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return path, buf.Bytes()
}

// needTool skips the test when a poppler tool is missing.
func needTool(tb testing.TB, name string) {
	tb.Helper()
	if _, err := exec.LookPath(name); err != nil {
		tb.Skipf("%s not found (install poppler-utils) - skipping the check of the rendered PDF", name)
	}
}

func TestRenderSamples(t *testing.T) {
	render(t, "reference", referenceResult(), Options{})
	render(t, "inbox", inboxResult(), Options{})
	render(t, "inbox-en", inboxResult(), Options{Lang: report.EN})
}

func TestRenderBig(t *testing.T) {
	render(t, "big", bigResult(2000), Options{})
}
