package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/tonghop/tonghop/report"
)

// TestReadInputIntoReusesItsBuffer reads a large file and then a small one
// into one buffer: each read gives exactly that file's bytes, and the
// second needs no new memory.
func TestReadInputIntoReusesItsBuffer(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("PK\x03\x04 row "), 20000)
	small := []byte("PK\x03\x04 short")
	for name, data := range map[string][]byte{"big.xlsx": big, "small.xlsx": small, "empty.xlsx": nil} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	got, err := readInputInto(&b, filepath.Join(dir, "big.xlsx"))
	if err != nil || !bytes.Equal(got, big) {
		t.Fatalf("big: %d bytes, %v", len(got), err)
	}
	first := &got[0]
	got, err = readInputInto(&b, filepath.Join(dir, "small.xlsx"))
	if err != nil || !bytes.Equal(got, small) {
		t.Fatalf("small: %q, %v", got, err)
	}
	if &got[0] != first {
		t.Error("the second file was read into new memory")
	}
	if got, err = readInputInto(&b, filepath.Join(dir, "empty.xlsx")); err != nil || len(got) != 0 {
		t.Errorf("empty: %q, %v", got, err)
	}
	if _, err := readInputInto(&b, dir); err == nil {
		t.Error("a folder was read")
	}
	if _, err := readInputInto(&b, filepath.Join(dir, "missing.xlsx")); !os.IsNotExist(err) {
		t.Errorf("missing file: %v", err)
	}
}

// validate keeps findings, not an inbox: loading without the rows gives
// the same counts and the same findings, with no row left in memory.
func TestLoadWithoutRows(t *testing.T) {
	plan, err := loadPlan(samplePlan, report.VI)
	if err != nil {
		t.Fatal(err)
	}
	paths, err := collectInputs([]string{sampleMarch, sampleMessy}, report.VI)
	if err != nil {
		t.Fatal(err)
	}
	kept := loadSubmissions(paths, plan, true, func() {})
	dropped := loadSubmissions(paths, plan, false, func() {})
	rows, findings := 0, 0
	for i := range kept {
		k, d := kept[i], dropped[i]
		if d.sub.Rows != nil || d.sub.Proposed != nil {
			t.Errorf("%s: rows kept", d.sub.Name)
		}
		if d.rows != len(k.sub.Rows) || d.proposed != len(k.sub.Proposed) || d.rows != k.rows {
			t.Errorf("%s: %d rows and %d proposed counted; want %d and %d", d.sub.Name, d.rows, d.proposed, len(k.sub.Rows), len(k.sub.Proposed))
		}
		if !reflect.DeepEqual(d.sub.Findings, k.sub.Findings) || d.sub.Sector != k.sub.Sector || d.sub.Sheet != k.sub.Sheet {
			t.Errorf("%s: findings or sector differ without the rows", d.sub.Name)
		}
		rows += d.rows
		findings += len(d.sub.Findings)
	}
	if rows < 55 || findings == 0 {
		t.Errorf("%d rows and %d findings over the March and messy inboxes; the comparison saw too little", rows, findings)
	}
}
