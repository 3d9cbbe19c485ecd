package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"runtime"
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
	sub *report.Submission
}

// loadSubmissions reads and interprets every input on all cores, keeping
// the order of paths. A file that cannot be read becomes a refused
// submission with a finding: one bad file never stops the others.
func loadSubmissions(paths []string, plan *report.Plan, progress func()) []loaded {
	out := make([]loaded, len(paths))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(paths)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var rd xlsx.Reader // the row buffer, reused from file to file
			for i := range jobs {
				out[i] = loadOne(&rd, paths[i], plan)
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

func loadOne(rd *xlsx.Reader, path string, plan *report.Plan) (l loaded) {
	name := filepath.Base(path)
	// A file that trips a bug in a reader is refused like a corrupt one:
	// one bad file never stops the others. The user reads a sentence, not
	// the panic; the reader's half-filled buffers are dropped.
	defer func() {
		if p := recover(); p != nil {
			*rd = xlsx.Reader{}
			f := report.Finding{File: name, Code: report.CodeFileCorrupt, Severity: report.Error, Value: "ZIP/XML"}
			l = loaded{sub: &report.Submission{File: path, Name: name, Refused: true, Findings: []report.Finding{f}}}
		}
	}()
	data, err := readInput(path)
	if err != nil {
		f := report.Finding{File: name, Code: report.CodeFileUnreadable, Severity: report.Error, Value: describe(err, report.VI)}
		return loaded{sub: &report.Submission{File: path, Name: name, Refused: true, Findings: []report.Finding{f}}}
	}
	raw := rd.ReadSubmission(path, bytes.NewReader(data))
	return loaded{sub: report.Interpret(raw, plan)}
}
