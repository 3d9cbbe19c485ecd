package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite golden files")

// binary is the tonghop command built once for the tests that run it as a
// user would.
var binary string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "tonghop-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "tonghop")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

const (
	samplePlan  = "../../samples/plan.xlsx"
	sampleMarch = "../../samples/2021-03"
	sampleApril = "../../samples/2021-04"
)

// result is one run of the command.
type result struct {
	stdout, stderr string
	code           int
}

// runIn calls run() in-process, as main does, and maps the error to its exit code.
func runIn(t testing.TB, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(""), &out, &errb)
	code := report1(err, &errb)
	return result{out.String(), errb.String(), code}
}

// runBin runs the built binary.
func runBin(t testing.TB, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errb.String(), code}
}

// golden compares got with testdata/name, or rewrites it with -update. On a
// difference it leaves the actual output beside the expected one.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("missing golden file %s (run go test -update): %v", path, err)
	}
	if got != string(want) {
		os.WriteFile(path+".actual", []byte(got), 0o644)
		t.Errorf("%s differs from the golden file; actual output left in %s.actual (diff them, or -update if intended)", path, path)
	}
}

// dumpWorkbook renders every sheet's cells as text, one row a line.
func dumpWorkbook(t testing.TB, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "== %s\n", sheet)
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			if strings.Join(row, "") == "" {
				continue
			}
			fmt.Fprintf(&b, "%d\t%s\n", i+1, strings.Join(row, " | "))
		}
	}
	return b.String()
}

// pdfText extracts a PDF's text with pdftotext.
func pdfText(t testing.TB, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is missing: .ci/run must install poppler-utils")
		}
		t.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func hashTree(t testing.TB, dirs ...string) map[string][32]byte {
	t.Helper()
	m := map[string][32]byte{}
	for _, d := range dirs {
		filepath.WalkDir(d, func(p string, e os.DirEntry, err error) error {
			if err == nil && !e.IsDir() {
				data, _ := os.ReadFile(p)
				m[p] = sha256.Sum256(data)
			}
			return nil
		})
	}
	return m
}

// jsonOut is the part of the JSON the tests read.
type jsonOut struct {
	Period string `json:"period"`
	AsOf   string `json:"as_of"`
	Totals struct {
		Tasks            int `json:"tasks"`
		Done             int `json:"done"`
		DoneOnTime       int `json:"done_on_time"`
		DoneLate         int `json:"done_late"`
		Overdue          int `json:"overdue"`
		NotReported      int `json:"not_reported"`
		InProgressOnTime int `json:"in_progress_on_time"`
		DueSoon          int `json:"due_soon"`
	} `json:"totals"`
	Sectors []struct {
		Code  string `json:"code"`
		Tasks int    `json:"tasks"`
		Done  int    `json:"done"`
	} `json:"sectors"`
	Files []struct {
		Name     string `json:"name"`
		Status   string `json:"status"`
		Findings []struct {
			Code, Cell, Severity, Message string
		} `json:"findings"`
	} `json:"files"`
	Previous *struct {
		Period string `json:"period"`
		Totals struct{ Tasks, Done int }
	} `json:"previous"`
	Outputs struct {
		Workbook, PDF string
		Feedback      []string
	} `json:"outputs"`
}

func decode(t testing.TB, s string) jsonOut {
	t.Helper()
	var j jsonOut
	dec := json.NewDecoder(strings.NewReader(s))
	if err := dec.Decode(&j); err != nil {
		t.Fatalf("stdout is not one JSON object: %v\n%s", err, s)
	}
	return j
}
