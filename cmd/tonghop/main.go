package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/tonghop/tonghop/report"
)

// Exit codes (SPEC §9).
const (
	exitOK       = 0
	exitRejected = 1
	exitUsage    = 2
	exitFailed   = 3
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(report1(err, os.Stderr))
}

// report1 prints err (already a user-facing sentence) and returns the exit code.
func report1(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	var ue *usageError
	var fe *failError
	switch {
	case errors.Is(err, errRejected):
		return exitRejected
	case errors.As(err, &ue):
		fmt.Fprintln(stderr, ue.msg)
		return exitUsage
	case errors.As(err, &fe):
		fmt.Fprintln(stderr, fe.msg)
		return exitFailed
	case errors.Is(err, errHelp):
		return exitOK
	default:
		fmt.Fprintln(stderr, err)
		return exitFailed
	}
}

// errRejected says the run finished but some input was rejected; the
// details were already printed.
var errRejected = errors.New("some input was rejected")

// errHelp says -h was asked for and help was printed.
var errHelp = errors.New("help")

// usageError is a mistake on the command line (exit 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// failError means tonghop could not run (exit 3).
type failError struct {
	msg string
	err error
}

func (e *failError) Error() string { return e.msg }
func (e *failError) Unwrap() error { return e.err }

// run is the whole program: tests call it directly. A panic, always a bug,
// still ends in one sentence and exit code 3, never a stack dump.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (err error) {
	lang := langFromArgs(args)
	args = langAfterCommand(args)
	defer func() {
		if p := recover(); p != nil {
			err = &failError{msg: lang.Pick(
				"tonghop gặp lỗi nội bộ và đã dừng; các tệp đầu vào không bị thay đổi. Hãy gửi lệnh đã chạy và các tệp cho bộ phận kỹ thuật.",
				"tonghop hit an internal error and stopped; no input file was changed. Send the command you ran and the files to technical support.") +
				fmt.Sprintf(" (%v)", p)}
		}
	}()
	if len(args) == 0 {
		fmt.Fprint(stderr, usageText(lang))
		return &usageError{lang.Pick("Thiếu lệnh.", "No command given.")}
	}
	env := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr}
	switch args[0] {
	case "init":
		return runInit(env, args[1:])
	case "template":
		return runTemplate(env, args[1:])
	case "validate":
		return runValidate(env, args[1:])
	case "consolidate":
		return runConsolidate(env, args[1:])
	case "version", "--version":
		fmt.Fprintln(stdout, "tonghop", version())
		return nil
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usageText(lang))
		return nil
	default:
		fmt.Fprint(stderr, usageText(lang))
		return &usageError{fmt.Sprintf(lang.Pick("Lệnh không có: %q.", "Unknown command %q."), args[0])}
	}
}

// langAfterCommand moves a --lang written before the command after it,
// where the command reads it: "tonghop --lang en consolidate …" is what
// people type.
func langAfterCommand(args []string) []string {
	n := 0
	switch {
	case len(args) >= 2 && args[0] == "--lang":
		n = 2
	case len(args) >= 1 && strings.HasPrefix(args[0], "--lang="):
		n = 1
	default:
		return args
	}
	if len(args) == n { // the language, and no command
		return nil
	}
	out := append([]string{args[n]}, args[:n]...)
	return append(out, args[n+1:]...)
}

// env is what a subcommand may touch of the outside world.
type env struct {
	ctx            context.Context
	stdin          io.Reader
	stdout, stderr io.Writer
}

// langFromArgs finds --lang before flags are parsed, so even a usage error
// speaks the asked language.
func langFromArgs(args []string) report.Lang {
	for i, a := range args {
		switch {
		case a == "--lang" && i+1 < len(args):
			return parseLang(args[i+1])
		case len(a) > 7 && a[:7] == "--lang=":
			return parseLang(a[7:])
		}
	}
	return report.VI
}

func parseLang(s string) report.Lang {
	if s == "en" {
		return report.EN
	}
	return report.VI
}

func usageText(l report.Lang) string {
	return l.Pick(`tonghop: tổng hợp báo cáo tiến độ nhiệm vụ trọng tâm của các ngành.

Cách dùng:
  tonghop init THƯ_MỤC                 tạo danh mục nhiệm vụ trống kèm hướng dẫn
  tonghop template --plan DANH_MỤC (--sector MÃ | --all) [--period YYYY-MM] [-o ĐƯỜNG_DẪN]
                                       tạo biểu mẫu báo cáo cho từng ngành
  tonghop validate [--plan DANH_MỤC] [--feedback THƯ_MỤC] [--json] TỆP|THƯ_MỤC...
                                       kiểm tra tệp báo cáo, ghi tệp góp ý
  tonghop consolidate [--plan DANH_MỤC] [--previous TỆP] [--period YYYY-MM] [--as-of YYYY-MM-DD]
                      [-o THƯ_MỤC] [--strict] [--json] [--lang vi|en] TỆP|THƯ_MỤC...
                                       tổng hợp, ghi bảng tổng hợp Excel và báo cáo PDF
  tonghop version                      phiên bản

Ví dụ:
  tonghop consolidate --plan samples/plan.xlsx samples/2021-03

Mã thoát: 0 tốt; 1 có tệp hoặc dòng bị từ chối; 2 sai cú pháp lệnh; 3 không chạy được.
Xem thêm: tonghop LỆNH -h
`, `tonghop: consolidate the sectors' progress reports on key tasks.

Usage:
  tonghop init DIR                     blank plan workbook with instructions
  tonghop template --plan PLAN (--sector CODE | --all) [--period YYYY-MM] [-o PATH]
                                       submission templates, one per sector
  tonghop validate [--plan PLAN] [--feedback DIR] [--json] FILE|DIR...
                                       check submissions, write feedback workbooks
  tonghop consolidate [--plan PLAN] [--previous FILE] [--period YYYY-MM] [--as-of YYYY-MM-DD]
                      [-o DIR] [--strict] [--json] [--lang vi|en] FILE|DIR...
                                       consolidate, write the workbook and the PDF briefing
  tonghop version                      version

Example:
  tonghop consolidate --plan samples/plan.xlsx samples/2021-03

Exit codes: 0 all good; 1 some file or row rejected; 2 usage error; 3 could not run.
More: tonghop COMMAND -h
`)
}
