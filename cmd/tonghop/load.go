package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/report/xlsx"
)

// loadPlan reads and interprets the plan workbook. A plan that cannot be
// read at all stops the run (exit 3); row problems are findings.
func loadPlan(path string, lang report.Lang) (*report.Plan, error) {
	data, err := readInput(path)
	if err != nil {
		return nil, &failError{fmt.Sprintf(lang.Pick("Không đọc được danh mục nhiệm vụ %s: %s.", "Cannot read the plan %s: %s."), path, describe(err, lang)), err}
	}
	raw, err := xlsx.ReadPlan(path, bytes.NewReader(data))
	if err != nil {
		return nil, &failError{planError(path, err, lang), err}
	}
	plan := report.InterpretPlan(raw)
	if len(plan.Tasks) == 0 {
		return nil, &failError{fmt.Sprintf(lang.Pick("Danh mục nhiệm vụ %s không có nhiệm vụ nào dùng được; hãy kiểm tra trang “Nhiệm vụ”.", "The plan %s has no usable task; check its “Nhiệm vụ” sheet."), path), nil}
	}
	return plan, nil
}

// planError words a plan that could not be opened.
func planError(path string, err error, lang report.Lang) string {
	// TODO(lead): use the reader's typed error once it exists.
	return fmt.Sprintf(lang.Pick("Không đọc được danh mục nhiệm vụ %s; hãy mở tệp trong Excel và lưu lại dưới dạng .xlsx.", "Cannot read the plan %s; open it in Excel and save it again as .xlsx."), filepath.Base(path))
}

// loaded is one input file, read and interpreted. Its bytes are not kept:
// memory must not grow with the number of files.
type loaded struct {
	sub            *report.Submission
	rows, proposed int // len(sub.Rows), len(sub.Proposed), kept when the rows are not
}

// loader is what one loading goroutine reuses from file to file. A
// Submission keeps none of the reader's strings (report.Interpret copies
// what it keeps), so the buffers can be overwritten by the next file.
type loader struct {
	rd   xlsx.Reader  // the row buffer
	data bytes.Buffer // the file's bytes
}

// loadSubmissions reads and interprets every input on all cores, keeping
// the order of paths. A file that cannot be read becomes a refused
// submission with a finding: one bad file never stops the others.
// Without keepRows (validate) every file's rows are counted and dropped as
// soon as it is checked, so that memory holds findings, not an inbox.
func loadSubmissions(paths []string, plan *report.Plan, keepRows bool, progress func()) []loaded {
	names := displayNames(paths)
	out := make([]loaded, len(paths))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(paths)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var ld loader
			for i := range jobs {
				out[i] = ld.load(paths[i], names[i], plan, keepRows)
				progress()
			}
		}()
	}
	for i := range paths {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return out
}

// load reads and interprets one file; without keepRows it keeps only
// the file's findings and counts (report.Check).
func (ld *loader) load(path, name string, plan *report.Plan, keepRows bool) (l loaded) {
	// A file that trips a bug in a reader is refused like a corrupt one:
	// one bad file never stops the others. The user reads a sentence, not
	// the panic; the reader's half-filled buffers are dropped.
	defer func() {
		if p := recover(); p != nil {
			*ld = loader{}
			f := report.Finding{File: name, Code: report.CodeFileCorrupt, Severity: report.Error, Value: "ZIP/XML"}
			l = loaded{sub: &report.Submission{File: path, Name: name, Refused: true, Findings: []report.Finding{f}}}
		}
	}()
	data, err := readInputInto(&ld.data, path)
	if err != nil {
		f := report.Finding{File: name, Code: report.CodeFileUnreadable, Severity: report.Error, Value: describe(err, report.VI)}
		return loaded{sub: &report.Submission{File: path, Name: name, Refused: true, Findings: []report.Finding{f}}}
	}
	raw := ld.rd.ReadSubmissionBytes(path, data)
	raw.Name = name
	for i := range raw.Findings {
		raw.Findings[i].File = name
	}
	if keepRows {
		sub := report.Interpret(raw, plan)
		return loaded{sub: sub, rows: len(sub.Rows), proposed: len(sub.Proposed)}
	}
	sub, rows, proposed := report.Check(raw, plan)
	return loaded{sub: sub, rows: rows, proposed: proposed}
}

// displayNames names each input in messages: its file name, or, when
// another input has the same one (the same report in two folders), its
// folder and file name ("hop-thu/BC Y te.xlsx"), or else the path as
// given. Names that would be the same are told apart, so that each file's
// findings and feedback workbook stay its own.
func displayNames(paths []string) []string {
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = filepath.Base(p)
	}
	for _, longer := range []func(string) string{
		func(p string) string {
			return filepath.ToSlash(filepath.Join(filepath.Base(filepath.Dir(p)), filepath.Base(p)))
		},
		func(p string) string { return filepath.ToSlash(filepath.Clean(p)) },
	} {
		seen := map[string]int{}
		for _, n := range names {
			seen[strings.ToLower(n)]++
		}
		for i, n := range names {
			if seen[strings.ToLower(n)] > 1 {
				names[i] = longer(paths[i])
			}
		}
	}
	return names
}
