package main

import (
	"encoding/json"
	"fmt"

	"github.com/tonghop/tonghop/report"
)

var validateCmd = command{
	name: "validate",
	usage: [2]string{
		"[--plan DANH_MỤC] [--feedback THƯ_MỤC] [--json] [--lang vi|en] TỆP|THƯ_MỤC...\n\n  Kiểm tra từng tệp báo cáo, chỉ ra từng ô có vấn đề và cách sửa; với --feedback,\n  ghi cho mỗi tệp có vấn đề một bản sao có tô màu và ghi chú tại các ô đó.",
		"[--plan PLAN] [--feedback DIR] [--json] [--lang vi|en] FILE|DIR...\n\n  Check each report file, naming every problem cell and how to fix it; with --feedback,\n  write for each file with problems a copy with those cells highlighted and commented.",
	},
	example: "tonghop validate --plan samples/plan.xlsx --feedback gop-y samples/2021-03",
}

func runValidate(e *env, args []string) error {
	lang := langFromArgs(args)
	var planPath, feedback, langFlag string
	var asJSON, quiet bool
	fs := newFlags(validateCmd, lang, e.stdout)
	fs.StringVar(&planPath, "plan", "", lang.Pick("danh mục nhiệm vụ (.xlsx), để đối chiếu mã nhiệm vụ", "plan workbook (.xlsx), to check task ids against"))
	fs.StringVar(&feedback, "feedback", "", lang.Pick("thư mục ghi tệp góp ý", "folder for the feedback workbooks"))
	fs.BoolVar(&asJSON, "json", false, lang.Pick("in kết quả dạng JSON", "print the result as JSON"))
	fs.BoolVarP(&quiet, "quiet", "q", false, lang.Pick("không hiện tiến trình", "no progress display"))
	fs.StringVar(&langFlag, "lang", "vi", lang.Pick("ngôn ngữ: vi hoặc en", "language: vi or en"))
	if err := parseFlags(fs, args, lang); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return &usageError{lang.Pick("Hãy chỉ ra các tệp hoặc thư mục cần kiểm tra. Xem: tonghop validate -h", "Name the files or folders to check. See: tonghop validate -h")}
	}
	paths, err := collectInputs(fs.Args(), lang)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return &usageError{lang.Pick("Không có tệp .xlsx nào trong các thư mục đã chỉ ra.", "There is no .xlsx file in the folders given.")}
	}
	var plan *report.Plan
	if planPath != "" {
		if plan, err = loadPlan(planPath, lang); err != nil {
			return err
		}
	}
	bar := newProgress(e.stderr, len(paths), quiet || asJSON, lang)
	files := loadSubmissions(paths, plan, false, bar.step)
	var all []report.Finding
	if plan != nil {
		all = append(all, plan.Findings...)
	}
	for _, f := range files {
		all = append(all, f.sub.Findings...)
	}
	report.SortFindings(all)
	var written []string
	if feedback != "" {
		bar.phase("Đang ghi các tệp góp ý…", "Writing the feedback workbooks…")
		written, err = writeFeedback(feedback, files, all, lang)
	}
	bar.done()
	if err != nil {
		return writeFailed(feedback, err, lang)
	}
	bad := false
	for _, f := range all {
		if f.Severity == report.Error {
			bad = true
		}
	}
	if asJSON {
		type jv struct {
			Files    []jsonFile `json:"files"`
			Feedback []string   `json:"feedback,omitempty"`
			Errors   int        `json:"errors"`
			Warnings int        `json:"warnings"`
		}
		out := jv{Files: []jsonFile{}, Feedback: written}
		out.Errors, out.Warnings = report.Count(all)
		for _, f := range files {
			s := f.sub
			st := "ok"
			if s.Refused {
				st = "rejected"
			}
			jf := jsonFile{Path: s.File, Name: s.Name, SHA256: s.SHA256, Sector: s.Sector, Period: s.Period.String(), Status: st,
				RowsAccepted: f.rows, RowsRejected: s.Rejected, Findings: findingsJSON(s.Findings, lang)}
			if !s.ReportDate.IsZero() {
				jf.ReportDate = s.ReportDate.Format("2006-01-02")
			}
			out.Files = append(out.Files, jf)
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		for _, f := range files {
			s := f.sub
			errs, warns := report.Count(s.Findings)
			switch {
			case s.Refused:
				fmt.Fprintf(e.stdout, lang.Pick("%s: bị từ chối (%d lỗi).\n", "%s: rejected (%d errors).\n"), s.Name, errs)
			case errs+warns == 0:
				fmt.Fprintf(e.stdout, lang.Pick("%s: hợp lệ, %d nhiệm vụ.\n", "%s: valid, %d tasks.\n"), s.Name, f.rows)
			default:
				fmt.Fprintf(e.stdout, lang.Pick("%s: %d dòng dùng được, %d dòng bị từ chối; %d lỗi, %d cảnh báo.\n", "%s: %d rows usable, %d rejected; %d errors, %d warnings.\n"),
					s.Name, f.rows+f.proposed, s.Rejected, errs, warns)
			}
		}
		printFindings(e.stdout, all, lang, 200)
		if len(written) > 0 {
			fmt.Fprintf(e.stdout, lang.Pick("Đã ghi %d tệp góp ý vào %s.\n", "Wrote %d feedback workbooks to %s.\n"), len(written), feedback)
		}
	}
	if bad {
		return errRejected
	}
	return nil
}
