package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/report/xlsx"
)

// printSummary prints the few lines a clerk reads after a run.
func printSummary(w io.Writer, r *report.Result, o outputs, l report.Lang) {
	t := r.Totals
	fmt.Fprintf(w, l.Pick("Tổng hợp %s, số liệu đến ngày %s: %s nhiệm vụ; %s hoàn thành (%s đúng hạn, %s quá hạn); %s đang thực hiện trong hạn; %s quá hạn; %s chưa báo cáo.\n",
		"Consolidated %s, as of %s: %s tasks; %s completed (%s on time, %s late); %s in progress on time; %s overdue; %s not reported.\n"),
		report.PeriodText(r.Period, l), report.DateText(r.AsOf, l), report.Number(t.Tasks, l), report.Number(t.Done, l),
		report.Number(t.DoneOnTime, l), report.Number(t.DoneLate, l), report.Number(t.OnTrack, l), report.Number(t.Overdue, l),
		report.Number(t.NotReported, l))
	rate := func(n, d int, p float64, ok bool) string {
		if !ok {
			return l.Pick("chưa có", "none yet")
		}
		return fmt.Sprintf("%s/%s (%s)", report.Number(n, l), report.Number(d, l), report.Percent(p, l))
	}
	dr, okd := t.DoneRate()
	ur, oku := t.DueRate()
	fmt.Fprintf(w, l.Pick("Tỷ lệ hoàn thành: %s; trên số nhiệm vụ đã đến hạn: %s.\n", "Completion rate: %s; of tasks already due: %s.\n"),
		rate(t.Done, t.Tasks, dr, okd), rate(t.DoneOfDue, t.Due, ur, oku))
	secs, tail := printedSectors(w, r, l)
	for _, s := range secs {
		fmt.Fprintf(w, "  - %s: %s %s, %s %s", s.Name, report.Number(s.Tasks, l), l.Pick("nhiệm vụ", "tasks"),
			report.Number(s.Done, l), l.Pick("hoàn thành", "done"))
		if s.Overdue > 0 {
			fmt.Fprintf(w, ", %s %s", report.Number(s.Overdue, l), l.Pick("quá hạn", "overdue"))
		}
		if !s.Submitted && r.HasPlan {
			fmt.Fprint(w, l.Pick(" (chưa gửi báo cáo)", " (no report)"))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprint(w, tail)
	var used, sup, other, rej int
	for _, s := range r.Sources {
		switch s.State {
		case report.SourceUsed:
			used++
		case report.SourceSuperseded:
			sup++
		case report.SourceOtherPeriod:
			other++
		default:
			rej++
		}
	}
	errs, warns := report.Count(r.Findings)
	fmt.Fprintf(w, l.Pick("Tệp: %d được dùng, %d bị thay thế, %d khác kỳ, %d bị từ chối; %d lỗi, %d cảnh báo.\n",
		"Files: %d used, %d superseded, %d other period, %d rejected; %d errors, %d warnings.\n"), used, sup, other, rej, errs, warns)
	if len(r.Proposed) > 0 {
		fmt.Fprintf(w, l.Pick("Nhiệm vụ đề xuất bổ sung: %d (không tính vào tổng số).\n", "Proposed new tasks: %d (not counted).\n"), len(r.Proposed))
	}
	var written []string
	for _, p := range []string{o.Workbook, o.PDF} {
		if p != "" {
			written = append(written, p)
		}
	}
	if len(o.Feedback) > 0 {
		written = append(written, fmt.Sprintf(l.Pick("%d tệp góp ý trong %s", "%d feedback workbooks in %s"), len(o.Feedback), filepath.Dir(o.Feedback[0])))
	}
	if len(written) > 0 {
		fmt.Fprintf(w, "%s %s\n", l.Pick("Đã ghi:", "Written:"), strings.Join(written, ", "))
	}
}

// printSectors is the most sectors listed one per line after a run; a
// national roll-up's hundreds would push everything else off the screen.
const printSectors = 30

// printedSectors returns the sectors to list a line each, and a line to
// print after them: all of them, or beyond printSectors, after a line it
// prints that counts them, the 15 with the most overdue tasks (the briefing
// names as many), then a count of the sectors that sent nothing. Every
// sector is in the workbook's summary.
func printedSectors(w io.Writer, r *report.Result, l report.Lang) (secs []report.SectorSummary, tail string) {
	if len(r.Sectors) <= printSectors {
		return r.Sectors, ""
	}
	var late []report.SectorSummary
	for _, s := range r.Sectors {
		if s.Overdue > 0 {
			late = append(late, s)
		}
	}
	slices.SortStableFunc(late, func(a, b report.SectorSummary) int { return cmp.Compare(b.Overdue, a.Overdue) })
	n := report.Number(len(r.Sectors), l)
	switch {
	case len(late) > 15:
		fmt.Fprintf(w, l.Pick("  %s ngành, lĩnh vực (đủ từng ngành trong bảng tổng hợp); %s ngành có nhiệm vụ quá hạn, 15 ngành nhiều nhất:\n",
			"  %s sectors (each in the consolidated workbook); %s have overdue tasks, the 15 with the most:\n"), n, report.Number(len(late), l))
		late = late[:15]
	case len(late) > 0:
		fmt.Fprintf(w, l.Pick("  %s ngành, lĩnh vực (đủ từng ngành trong bảng tổng hợp); %d ngành có nhiệm vụ quá hạn:\n",
			"  %s sectors (each in the consolidated workbook); %d have overdue tasks:\n"), n, len(late))
	default:
		fmt.Fprintf(w, l.Pick("  %s ngành, lĩnh vực (đủ từng ngành trong bảng tổng hợp); không ngành nào có nhiệm vụ quá hạn.\n",
			"  %s sectors (each in the consolidated workbook); none has an overdue task.\n"), n)
	}
	if m := len(r.Missing()); m > 0 && r.HasPlan {
		tail = fmt.Sprintf(l.Pick("  %s ngành chưa gửi báo cáo (danh sách ở trang “Đôn đốc”).\n",
			"  %s sectors sent no report (listed on the follow-up sheet).\n"), report.Number(m, l))
	}
	return late, tail
}

// printFindings lists findings file by file, errors first. The same
// problem in many cells of one sheet ("no stage" in J5…J24) is one line
// naming the cells, so a file that was sent back unfilled does not bury the
// others. At most limit lines are printed.
func printFindings(w io.Writer, fs []report.Finding, l report.Lang, limit int) {
	if len(fs) == 0 {
		return
	}
	fmt.Fprintln(w)
	lines := 0
	for _, g := range groupFindings(fs, l) {
		if lines == limit {
			fmt.Fprintln(w, l.Pick("… và các vấn đề khác: xem các tệp góp ý.", "… and more: see the feedback workbooks."))
			return
		}
		fmt.Fprintf(w, "%s: %s\n", g.first.Severity.Label(l), g.message(l))
		lines++
	}
}

// findingGroup is one problem found in one or more cells of a sheet.
type findingGroup struct {
	first report.Finding
	cells []string
}

func (g findingGroup) message(l report.Lang) string {
	if len(g.cells) < 2 {
		return g.first.Message(l)
	}
	f := g.first
	f.Cell = ""
	cells := g.cells
	more := ""
	if len(cells) > 8 {
		more = fmt.Sprintf(l.Pick(" và %d ô khác", " and %d more"), len(cells)-8)
		cells = cells[:8]
	}
	where := fmt.Sprintf(l.Pick(", các ô %s%s", ", cells %s%s"), strings.Join(cells, ", "), more)
	msg := f.Message(l) // "file, sheet: text"
	i := strings.Index(msg, ": ")
	return msg[:i] + where + msg[i:]
}

// groupFindings orders findings by file (as given), errors before warnings,
// and merges those of one sheet whose explanation is the same.
func groupFindings(fs []report.Finding, l report.Lang) []findingGroup {
	var files []string
	byFile := map[string][]report.Finding{}
	for _, f := range fs {
		if _, ok := byFile[f.File]; !ok {
			files = append(files, f.File)
		}
		byFile[f.File] = append(byFile[f.File], f)
	}
	var out []findingGroup
	for _, name := range files {
		for _, sev := range []report.Severity{report.Error, report.Warning} {
			index := map[string]int{}
			for _, f := range byFile[name] {
				if f.Severity != sev {
					continue
				}
				key := f.Sheet + "\x00" + string(f.Code) + "\x00" + f.Text(l)
				if i, ok := index[key]; ok && f.Cell != "" && len(out[i].cells) > 0 {
					out[i].cells = append(out[i].cells, f.Cell)
					continue
				}
				g := findingGroup{first: f}
				if f.Cell != "" {
					g.cells = []string{f.Cell}
					index[key] = len(out)
				}
				out = append(out, g)
			}
		}
	}
	return out
}

// writeFeedback writes one feedback workbook per input file with findings,
// on all cores; the list of paths keeps the order of files. A workbook is
// named after its input ("BC Y tế - gop y.xlsx"), with the extension the
// copy needs (".xlsm" for a macro-enabled workbook), and with the input's
// own extension kept in the name when two inputs differ only by it; an
// input named with its folder (displayNames) gets "folder - name".
func writeFeedback(dir string, files []loaded, all []report.Finding, l report.Lang) ([]string, error) {
	byFile := map[string][]report.Finding{}
	for _, f := range all {
		byFile[f.File] = append(byFile[f.File], f)
	}
	type job struct {
		src, name, stem string
		fs              []report.Finding
	}
	var jobs []job
	stems := map[string]int{}
	for _, f := range files {
		fs := byFile[f.sub.Name]
		if len(fs) == 0 {
			continue
		}
		name := strings.ReplaceAll(f.sub.Name, "/", " - ") // "hop-thu/BC.xlsx", see displayNames
		stem := strings.TrimSuffix(name, filepath.Ext(name))
		stems[strings.ToLower(stem)]++
		jobs = append(jobs, job{f.sub.File, name, stem, fs})
	}
	for i, j := range jobs {
		if stems[strings.ToLower(j.stem)] > 1 {
			jobs[i].stem = j.name
		}
	}
	paths := make([]string, len(jobs))
	errs := make([]error, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			var buf bytes.Buffer
			for i := range next {
				j := jobs[i]
				// The input is read again rather than kept in memory since
				// the first read; it was never modified.
				data, err := readInput(j.src)
				if err != nil {
					data = nil // the feedback then lists the findings only
				}
				buf.Reset()
				ext, err := safeFeedback(&buf, data, j.fs, l)
				paths[i] = filepath.Join(dir, j.stem+l.Pick(" - gop y", " - feedback")+ext)
				if err == nil {
					err = writeAtomic(paths[i], func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err })
				}
				errs[i] = err
			}
		})
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return paths[:i], err
		}
	}
	return paths, nil
}

// JSON shapes (SPEC §9).
type jsonCounts struct {
	report.Counts
	DoneRate *float64 `json:"done_rate"`
	DueRate  *float64 `json:"due_rate"`
}

func countsJSON(c report.Counts) jsonCounts {
	j := jsonCounts{Counts: c}
	if v, ok := c.DoneRate(); ok {
		v = round2(v)
		j.DoneRate = &v
	}
	if v, ok := c.DueRate(); ok {
		v = round2(v)
		j.DueRate = &v
	}
	return j
}

func round2(v float64) float64 { return float64(int(v*100+0.5)) / 100 }

type jsonSector struct {
	Code      string `json:"code"`
	Name      string `json:"name"`
	Submitted bool   `json:"submitted"`
	jsonCounts
}

type jsonFinding struct {
	File     string `json:"file"`
	Sheet    string `json:"sheet,omitempty"`
	Cell     string `json:"cell,omitempty"`
	Row      int    `json:"row,omitempty"`
	Column   string `json:"column,omitempty"`
	Code     string `json:"code"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

type jsonFile struct {
	Path         string        `json:"path"`
	Name         string        `json:"name"`
	SHA256       string        `json:"sha256,omitempty"`
	Sector       string        `json:"sector,omitempty"`
	Period       string        `json:"period,omitempty"`
	ReportDate   string        `json:"report_date,omitempty"`
	Status       string        `json:"status"`
	RowsAccepted int           `json:"rows_accepted"`
	RowsRejected int           `json:"rows_rejected"`
	Findings     []jsonFinding `json:"findings"`
}

type jsonPrevious struct {
	Period string     `json:"period"`
	Totals jsonCounts `json:"totals"`
}

type jsonResult struct {
	Period   string        `json:"period"`
	AsOf     string        `json:"as_of"`
	Totals   jsonCounts    `json:"totals"`
	Sectors  []jsonSector  `json:"sectors"`
	Files    []jsonFile    `json:"files"`
	Proposed int           `json:"proposed_tasks"`
	Previous *jsonPrevious `json:"previous,omitempty"`
	Outputs  outputs       `json:"outputs"`
}

func findingsJSON(fs []report.Finding, l report.Lang) []jsonFinding {
	out := make([]jsonFinding, 0, len(fs))
	for _, f := range fs {
		out = append(out, jsonFinding{f.File, f.Sheet, f.Cell, f.Row, f.Column, string(f.Code), f.Severity.String(), f.Message(l)})
	}
	return out
}

func isoDate(r *report.Result, s report.Source) string {
	if s.ReportDate.IsZero() {
		return ""
	}
	return s.ReportDate.Format("2006-01-02")
}

// printJSON prints the run as one JSON object.
func printJSON(w io.Writer, r *report.Result, plan *report.Plan, o outputs, l report.Lang) error {
	j := jsonResult{Period: r.Period.String(), Totals: countsJSON(r.Totals), Outputs: o, Proposed: len(r.Proposed),
		Sectors: []jsonSector{}, Files: []jsonFile{}}
	if !r.AsOf.IsZero() {
		j.AsOf = r.AsOf.Format("2006-01-02")
	}
	for _, s := range r.Sectors {
		j.Sectors = append(j.Sectors, jsonSector{s.Code, s.Name, s.Submitted, countsJSON(s.Counts)})
	}
	byFile := map[string][]report.Finding{}
	for _, f := range r.Findings {
		byFile[f.File] = append(byFile[f.File], f)
	}
	for _, s := range r.Sources {
		j.Files = append(j.Files, jsonFile{Path: s.File, Name: s.Name, SHA256: s.SHA256, Sector: s.Sector, Period: s.Period.String(),
			ReportDate: isoDate(r, s), Status: s.State.String(), RowsAccepted: s.Accepted, RowsRejected: s.Rejected,
			Findings: findingsJSON(byFile[s.Name], l)})
	}
	if plan != nil && len(plan.Findings) > 0 {
		j.Files = append(j.Files, jsonFile{Path: plan.File, Name: plan.File, Status: "plan", Findings: findingsJSON(plan.Findings, l)})
	}
	if r.Previous != nil {
		j.Previous = &jsonPrevious{Period: r.Previous.Period.String(), Totals: countsJSON(r.Previous.Totals)}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(j)
}

// safeFeedback writes a feedback workbook from the original bytes, or, if
// the original cannot be copied (a damaged file), the list of findings alone.
func safeFeedback(w *bytes.Buffer, data []byte, fs []report.Finding, l report.Lang) (ext string, err error) {
	defer func() {
		if p := recover(); p != nil {
			w.Reset()
			ext, err = xlsx.WriteFeedback(w, nil, fs, l)
		}
	}()
	return xlsx.WriteFeedback(w, data, fs, l)
}
