package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/report/xlsx"
)

var templateCmd = command{
	name: "template",
	usage: [2]string{
		"--plan DANH_MỤC (--sector MÃ | --all) [--period YYYY-MM] [-o ĐƯỜNG_DẪN] [--lang vi|en]\n\n  Tạo biểu mẫu báo cáo cho ngành, điền sẵn các nhiệm vụ được giao trong danh mục, để gửi các ngành.\n  Với --sector, -o là tên tệp (mặc định: bieu-mau-MÃ-YYYY-MM.xlsx); với --all, -o là thư mục.",
		"--plan PLAN (--sector CODE | --all) [--period YYYY-MM] [-o PATH] [--lang vi|en]\n\n  Make the submission template of a sector, pre-filled with its tasks from the plan, to send out.\n  With --sector, -o is the file (default bieu-mau-CODE-YYYY-MM.xlsx); with --all, -o is a folder.",
	},
	example: "tonghop template --plan samples/plan.xlsx --all --period 2021-05 -o bieu-mau",
}

func runTemplate(e *env, args []string) error {
	lang := langFromArgs(args)
	var planPath, sector, period, out, langFlag string
	var all bool
	fs := newFlags(templateCmd, lang, e.stdout)
	fs.StringVar(&planPath, "plan", "", lang.Pick("danh mục nhiệm vụ (.xlsx)", "plan workbook (.xlsx)"))
	fs.StringVar(&sector, "sector", "", lang.Pick("mã ngành, ví dụ YT", "sector code, for example YT"))
	fs.BoolVar(&all, "all", false, lang.Pick("tạo biểu mẫu cho mọi ngành", "one template per sector"))
	fs.StringVar(&period, "period", "", lang.Pick("kỳ báo cáo YYYY-MM ghi sẵn trong biểu mẫu", "period YYYY-MM written in the template"))
	fs.StringVarP(&out, "out", "o", "", lang.Pick("tệp (với --sector) hoặc thư mục (với --all) để ghi", "file (with --sector) or folder (with --all) to write"))
	fs.StringVar(&langFlag, "lang", "vi", lang.Pick("ngôn ngữ: vi hoặc en", "language: vi or en"))
	if err := parseFlags(fs, args, lang); err != nil {
		return err
	}
	switch {
	case planPath == "":
		return &usageError{lang.Pick("Cần --plan: danh mục nhiệm vụ để điền sẵn biểu mẫu. Xem: tonghop template -h", "--plan is needed: the plan to pre-fill the template from. See: tonghop template -h")}
	case all == (sector != ""):
		return &usageError{lang.Pick("Hãy chọn một trong hai: --sector MÃ hoặc --all.", "Choose one of --sector CODE or --all.")}
	case fs.NArg() > 0:
		return &usageError{fmt.Sprintf(lang.Pick("Không cần tham số %q. Xem: tonghop template -h", "Unexpected argument %q. See: tonghop template -h"), fs.Arg(0))}
	}
	var p report.Period
	if period != "" {
		var ok bool
		if p, ok = report.ParsePeriod(report.Cell{Text: period}, false); !ok {
			return &usageError{fmt.Sprintf(lang.Pick("Kỳ báo cáo %q không hợp lệ; hãy ghi dạng YYYY-MM, ví dụ 2021-05.", "Period %q is not valid; write it as YYYY-MM, for example 2021-05."), period)}
		}
	}
	plan, err := loadPlan(planPath, lang)
	if err != nil {
		return err
	}
	var sectors []report.Sector
	if all {
		sectors = plan.Sectors
	} else {
		s, ok := plan.Sector(sector)
		if !ok {
			codes := make([]string, len(plan.Sectors))
			for i, s := range plan.Sectors {
				codes[i] = s.Code
			}
			return &usageError{fmt.Sprintf(lang.Pick("Không có ngành %q trong danh mục; các mã ngành: %s.", "There is no sector %q in the plan; sector codes: %s."), sector, strings.Join(codes, ", "))}
		}
		sectors = []report.Sector{s}
	}
	for _, s := range sectors {
		name := "bieu-mau-" + s.Code
		if !p.IsZero() {
			name += "-" + p.String()
		}
		name += ".xlsx"
		path := name
		switch {
		case all:
			path = filepath.Join(out, name)
		case out != "":
			path = out
		}
		w := xlsx.Submission{Plan: plan, Sector: s, Period: p, Lang: parseLang(langFlag)}
		if err := writeAtomic(path, func(wr io.Writer) error { return xlsx.WriteSubmission(wr, w) }); err != nil {
			return writeFailed(path, err, lang)
		}
		fmt.Fprintf(e.stdout, lang.Pick("Đã ghi biểu mẫu ngành %s: %s\n", "Wrote the template of %s: %s\n"), s.Name, path)
	}
	return nil
}
