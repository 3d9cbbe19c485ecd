package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestSamplesAreReproducible regenerates the samples and compares them byte
// for byte with the committed ones: `go run ./samples/generate` rebuilds them.
func TestSamplesAreReproducible(t *testing.T) {
	dir := t.TempDir()
	if err := Generate(dir); err != nil {
		t.Fatal(err)
	}
	n := 0
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		got, _ := os.ReadFile(path)
		want, err := os.ReadFile(filepath.Join("..", rel))
		if err != nil {
			t.Errorf("%s is not committed under samples/: run go run ./samples/generate", rel)
			return nil
		}
		if !bytes.Equal(got, want) {
			t.Errorf("samples/%s differs from what the generator makes: run go run ./samples/generate", rel)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != 32 {
		t.Errorf("generated %d files, want 32 (plan, 6 for March, 7 for April, 18 in the messy inbox)", n)
	}
}

func TestPlanHasTheReferenceCounts(t *testing.T) {
	p := Plan()
	want := map[string]int{"YT": 2, "GD": 7, "LDTBXH": 7, "VHTTDL": 20, "DT": 9, "TTTT": 10}
	got := map[string]int{}
	for _, task := range p.Tasks {
		got[task.Sector]++
	}
	for code, n := range want {
		if got[code] != n {
			t.Errorf("sector %s has %d tasks, want %d", code, got[code], n)
		}
	}
	if len(p.Tasks) != 55 {
		t.Errorf("%d tasks, want 55", len(p.Tasks))
	}
}
