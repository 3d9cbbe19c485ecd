package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/report/pdf"
	"github.com/tonghop/tonghop/report/xlsx"
)

var consolidateCmd = command{
	name: "consolidate",
	usage: [2]string{
		"[--plan DANH_MỤC] [--previous TỆP] [--period YYYY-MM] [--as-of YYYY-MM-DD] [-o THƯ_MỤC] [--strict] [--json] [--lang vi|en] TỆP|THƯ_MỤC...\n\n  Tổng hợp báo cáo của các ngành thành bảng tổng hợp tong-hop-YYYY-MM.xlsx và báo cáo bao-cao-YYYY-MM.pdf,\n  kèm tệp góp ý cho từng tệp có vấn đề (thư mục gop-y).",
		"[--plan PLAN] [--previous FILE] [--period YYYY-MM] [--as-of YYYY-MM-DD] [-o DIR] [--strict] [--json] [--lang vi|en] FILE|DIR...\n\n  Merge the sectors' reports into tong-hop-YYYY-MM.xlsx and the briefing bao-cao-YYYY-MM.pdf,\n  with a feedback workbook for every file with problems (folder gop-y).",
	},
	example: "tonghop consolidate --plan samples/plan.xlsx --previous out/tong-hop-2021-03.xlsx -o out samples/2021-04",
}

type consolidateConfig struct {
	plan, previous, period, asOf, out string
	strict, json, quiet               bool
	lang                              string
}

func runConsolidate(e *env, args []string) error {
	lang := langFromArgs(args)
	var c consolidateConfig
	fs := newFlags(consolidateCmd, lang, e.stdout)
	fs.StringVar(&c.plan, "plan", "", lang.Pick("danh mục nhiệm vụ (.xlsx)", "plan workbook (.xlsx)"))
	fs.StringVar(&c.previous, "previous", "", lang.Pick("bảng tổng hợp kỳ trước, để so sánh", "last period's consolidated workbook, to compare with"))
	fs.StringVar(&c.period, "period", "", lang.Pick("kỳ báo cáo YYYY-MM (mặc định: kỳ mới nhất trong các tệp)", "period YYYY-MM (default: the latest among the files)"))
	fs.StringVar(&c.asOf, "as-of", "", lang.Pick("ngày xét tiến độ YYYY-MM-DD (mặc định: ngày báo cáo mới nhất)", "as-of date YYYY-MM-DD (default: the latest report date)"))
	fs.StringVarP(&c.out, "out", "o", "out", lang.Pick("thư mục ghi kết quả", "output folder"))
	fs.BoolVar(&c.strict, "strict", false, lang.Pick("không ghi kết quả nếu có tệp hoặc dòng bị từ chối", "write nothing if any file or row is rejected"))
	fs.BoolVar(&c.json, "json", false, lang.Pick("in kết quả dạng JSON", "print the result as JSON"))
	fs.BoolVarP(&c.quiet, "quiet", "q", false, lang.Pick("không hiện tiến trình", "no progress display"))
	fs.StringVar(&c.lang, "lang", "vi", lang.Pick("ngôn ngữ: vi hoặc en", "language: vi or en"))
	if err := parseFlags(fs, args, lang); err != nil {
		return err
	}
	if c.lang != "vi" && c.lang != "en" {
		return &usageError{lang.Pick("--lang chỉ nhận vi hoặc en.", "--lang takes vi or en.")}
	}
	if fs.NArg() == 0 {
		return &usageError{lang.Pick("Hãy chỉ ra các tệp hoặc thư mục báo cáo cần tổng hợp. Xem: tonghop consolidate -h", "Name the report files or folders to consolidate. See: tonghop consolidate -h")}
	}
	opt, err := c.options(lang)
	if err != nil {
		return err
	}
	paths, err := collectInputs(fs.Args(), lang)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return &usageError{lang.Pick("Không có tệp .xlsx nào trong các thư mục đã chỉ ra.", "There is no .xlsx file in the folders given.")}
	}
	var plan *report.Plan
	if c.plan != "" {
		if plan, err = loadPlan(c.plan, lang); err != nil {
			return err
		}
	}
	if c.previous != "" {
		if opt.Previous, err = loadPrevious(c.previous, lang); err != nil {
			return err
		}
	}
	bar := newProgress(e.stderr, len(paths), c.quiet || c.json, lang)
	files := loadSubmissions(paths, plan, true, bar.step)
	bar.phase("Đang tổng hợp và ghi kết quả…", "Consolidating and writing the outputs…")
	subs := make([]*report.Submission, len(files))
	for i, f := range files {
		subs[i] = f.sub
	}
	res := report.Consolidate(plan, subs, opt)
	rejected := anyRejected(res)

	var outs outputs
	if res.Period.IsZero() {
		bar.done()
		return c.finishWithoutPeriod(e, res, lang)
	}
	if !(c.strict && rejected) {
		outs, err = c.write(res, files, lang)
	}
	bar.done()
	if err != nil {
		return err
	}
	if c.json {
		if err := printJSON(e.stdout, res, plan, outs, lang); err != nil {
			return err
		}
	} else {
		printSummary(e.stdout, res, outs, lang)
		printFindings(e.stdout, res.Findings, lang, 30)
		if c.strict && rejected {
			fmt.Fprintln(e.stdout, lang.Pick("Không ghi kết quả vì có tệp hoặc dòng bị từ chối (--strict).", "Nothing was written because some file or row was rejected (--strict)."))
		}
	}
	if rejected {
		return errRejected
	}
	return nil
}

// options turns the flags into report.Options.
func (c *consolidateConfig) options(lang report.Lang) (report.Options, error) {
	var opt report.Options
	if c.period != "" {
		p, ok := report.ParsePeriod(report.Cell{Text: c.period}, false)
		if !ok {
			return opt, &usageError{fmt.Sprintf(lang.Pick("Kỳ báo cáo %q không hợp lệ; hãy ghi dạng YYYY-MM, ví dụ 2021-03.", "Period %q is not valid; write it as YYYY-MM, for example 2021-03."), c.period)}
		}
		opt.Period = p
	}
	if c.asOf != "" {
		t, err := time.Parse("2006-01-02", c.asOf)
		if err != nil {
			return opt, &usageError{fmt.Sprintf(lang.Pick("Ngày %q không hợp lệ; hãy ghi --as-of dạng YYYY-MM-DD, ví dụ 2021-03-04.", "Date %q is not valid; write --as-of as YYYY-MM-DD, for example 2021-03-04."), c.asOf)}
		}
		opt.AsOf = t
	}
	return opt, nil
}

// outputs are the files a run wrote.
type outputs struct {
	Workbook string   `json:"workbook,omitempty"`
	PDF      string   `json:"pdf,omitempty"`
	Feedback []string `json:"feedback,omitempty"`
}

// write writes the workbook, the PDF and the feedback workbooks, each
// atomically. The three are independent, so they are written at the same
// time: the PDF and the feedback workbooks cost nothing beside a large
// consolidated workbook. An error names the first output that failed, in
// the order workbook, PDF, feedback.
func (c *consolidateConfig) write(res *report.Result, files []loaded, lang report.Lang) (outputs, error) {
	l := parseLang(c.lang)
	var o outputs
	o.Workbook = filepath.Join(c.out, "tong-hop-"+res.Period.String()+".xlsx")
	o.PDF = filepath.Join(c.out, "bao-cao-"+res.Period.String()+".pdf")
	fbDir := filepath.Join(c.out, "gop-y")
	var errs [3]error
	var wg sync.WaitGroup
	wg.Go(func() {
		errs[0] = writeAtomic(o.Workbook, func(w io.Writer) error { return xlsx.WriteConsolidated(w, res, l) })
	})
	wg.Go(func() {
		errs[1] = writeAtomic(o.PDF, func(w io.Writer) error { return pdf.Write(w, res, l) })
	})
	wg.Go(func() {
		o.Feedback, errs[2] = writeFeedback(fbDir, files, res.Findings, l)
	})
	wg.Wait()
	for i, path := range []string{o.Workbook, o.PDF, fbDir} {
		if errs[i] != nil {
			return o, writeFailed(path, errs[i], lang)
		}
	}
	return o, nil
}

func writeFailed(path string, err error, lang report.Lang) error {
	return &failError{fmt.Sprintf(lang.Pick("Không ghi được %s: %s.", "Cannot write %s: %s."), path, describe(err, lang)), err}
}

// finishWithoutPeriod handles a batch in which no file gave a period.
func (c *consolidateConfig) finishWithoutPeriod(e *env, res *report.Result, lang report.Lang) error {
	if c.json {
		if err := printJSON(e.stdout, res, nil, outputs{}, lang); err != nil {
			return err
		}
	} else {
		printFindings(e.stdout, res.Findings, lang, 30)
		fmt.Fprintln(e.stdout, lang.Pick("Không có tệp nào dùng được nên chưa tổng hợp; hãy sửa các tệp theo góp ý ở trên.", "No file could be used, so nothing was consolidated; fix the files as listed above."))
	}
	return errRejected
}

// anyRejected reports whether a file or a row was rejected.
func anyRejected(res *report.Result) bool {
	for _, s := range res.Sources {
		if s.State == report.SourceRejected || s.Rejected > 0 {
			return true
		}
	}
	for _, f := range res.Findings {
		if f.Severity == report.Error {
			return true
		}
	}
	return false
}

// loadPrevious reads last period's consolidated workbook. It is read in
// place, not into memory as inputs are: a national month's workbook is
// hundreds of megabytes, of which only the hidden sheet is read.
func loadPrevious(path string, lang report.Lang) (*report.Snapshot, error) {
	f, size, err := openPrevious(path)
	if err != nil {
		return nil, &failError{fmt.Sprintf(lang.Pick("Không đọc được bảng tổng hợp kỳ trước %s: %s.", "Cannot read last period's workbook %s: %s."), path, describe(err, lang)), err}
	}
	defer f.Close()
	snap, err := xlsx.ReadSnapshot(path, f, size)
	if se, ok := errors.AsType[*xlsx.SnapshotError](err); ok {
		// The reason: damaged, edited (which cell), too large, not ours.
		return nil, &failError{se.Message(lang), err}
	}
	if err != nil {
		return nil, &failError{fmt.Sprintf(lang.Pick("Tệp %s không phải bảng tổng hợp do tonghop lập nên không so sánh được; hãy chỉ ra tệp tong-hop-YYYY-MM.xlsx của kỳ trước.", "%s is not a consolidated workbook made by tonghop, so it cannot be compared with; name last period's tong-hop-YYYY-MM.xlsx."), path), err}
	}
	return snap, nil
}

// openPrevious opens a file read-only and gives its size; a folder is an
// error here, as reading it would be.
func openPrevious(path string) (*os.File, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	fi, err := f.Stat()
	if err == nil && fi.IsDir() {
		err = &fs.PathError{Op: "read", Path: path, Err: syscall.EISDIR}
	}
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, fi.Size(), nil
}
