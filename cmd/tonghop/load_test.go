package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
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
