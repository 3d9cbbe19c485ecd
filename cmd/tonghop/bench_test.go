package main

import (
	"context"
	"flag"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/bench/inbox"
	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/report/pdf"
	"github.com/tonghop/tonghop/report/xlsx"
)

var benchInbox = flag.String("inbox", "", "folder of submissions for the Consolidate benchmarks (default: a generated 20 × 100 inbox)")

// benchDir returns the folder to consolidate: -inbox, or a small generated
// inbox. Profile a large one with
//
//	go run ./bench/geninbox -files 200 -rows 500 -o /tmp/inbox
//	go test -run '^$' -bench 'Consolidate$' -benchtime 1x -cpuprofile cpu.prof \
//	    -memprofile mem.prof ./cmd/tonghop -args -inbox /tmp/inbox/2021-03
func benchDir(b *testing.B) string {
	if *benchInbox != "" {
		return *benchInbox
	}
	dir := b.TempDir()
	if err := inbox.Generate(dir, inbox.New(20, 100), false); err != nil {
		b.Fatal(err)
	}
	return filepath.Join(dir, inbox.Period.String())
}

// BenchmarkConsolidate is the whole command, workbook, PDF and feedback
// included, called in-process as main does.
func BenchmarkConsolidate(b *testing.B) {
	dir := benchDir(b)
	out := b.TempDir()
	b.ReportAllocs()
	for b.Loop() {
		var stdout, stderr strings.Builder
		err := run(context.Background(), []string{"consolidate", "-q", "-o", out, dir}, strings.NewReader(""), &stdout, &stderr)
		if code := report1(err, io.Discard); code > exitRejected {
			b.Fatalf("exit %d: %s", code, stderr.String())
		}
	}
}

// BenchmarkConsolidateStages splits the command into its stages, to show
// where the time goes.
func BenchmarkConsolidateStages(b *testing.B) {
	dir := benchDir(b)
	paths, err := collectInputs([]string{dir}, report.VI)
	if err != nil {
		b.Fatal(err)
	}
	files := loadSubmissions(paths, nil, true, func() {})
	subs := make([]*report.Submission, len(files))
	for i, f := range files {
		subs[i] = f.sub
	}
	res := report.Consolidate(nil, subs, report.Options{})
	b.Run("load", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			loadSubmissions(paths, nil, true, func() {})
		}
	})
	b.Run("merge", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			report.Consolidate(nil, subs, report.Options{})
		}
	})
	b.Run("workbook", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := xlsx.WriteConsolidated(io.Discard, res, report.VI); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("pdf", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := pdf.Write(io.Discard, res, report.VI); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("feedback", func(b *testing.B) {
		out := b.TempDir()
		b.ReportAllocs()
		for b.Loop() {
			if _, err := writeFeedback(out, files, res.Findings, report.VI); err != nil {
				b.Fatal(err)
			}
		}
	})
}
