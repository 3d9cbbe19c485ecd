package main

import (
	"errors"
	"fmt"
	"io"
	"regexp"

	"github.com/spf13/pflag"

	"github.com/tonghop/tonghop/report"
)

// command describes a subcommand for its -h.
type command struct {
	name    string
	usage   [2]string // vi, en
	example string
}

// newFlags makes a subcommand's flag set; it prints help in the asked
// language and never exits the process.
func newFlags(c command, lang report.Lang, out io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet(c.name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	fs.Usage = func() {
		fmt.Fprintf(out, "%s\n\n%s\n%s\n\n%s\n  %s\n", lang.Pick("Cách dùng:", "Usage:"),
			"  tonghop "+c.name+" "+lang.Pick(c.usage[0], c.usage[1]),
			"", lang.Pick("Tùy chọn:", "Options:"), "")
		fs.SetOutput(out)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
		fmt.Fprintf(out, "\n%s\n  %s\n", lang.Pick("Ví dụ:", "Example:"), c.example)
	}
	return fs
}

var (
	reUnknown   = regexp.MustCompile(`^unknown (?:shorthand )?flag: (?:'(\w)' in )?(\S+)`)
	reNeedsArg  = regexp.MustCompile(`^flag needs an argument: (?:'(\w)' in )?(\S+)`)
	reBadArgVal = regexp.MustCompile(`^invalid argument "(.*)" for "(\S+)`)
)

// parseFlags parses args, turning pflag's English errors into one sentence
// in the user's language.
func parseFlags(fs *pflag.FlagSet, args []string, lang report.Lang) error {
	err := fs.Parse(args)
	if err == nil {
		return nil
	}
	if errors.Is(err, pflag.ErrHelp) {
		fs.Usage()
		return errHelp
	}
	msg := err.Error()
	hint := lang.Pick(" Xem: tonghop "+fs.Name()+" -h", " See: tonghop "+fs.Name()+" -h")
	switch {
	case reUnknown.MatchString(msg):
		m := reUnknown.FindStringSubmatch(msg)
		return &usageError{fmt.Sprintf(lang.Pick("Không có tùy chọn %s.", "There is no option %s."), m[2]) + hint}
	case reNeedsArg.MatchString(msg):
		m := reNeedsArg.FindStringSubmatch(msg)
		return &usageError{fmt.Sprintf(lang.Pick("Tùy chọn %s cần một giá trị.", "Option %s needs a value."), m[2]) + hint}
	case reBadArgVal.MatchString(msg):
		m := reBadArgVal.FindStringSubmatch(msg)
		return &usageError{fmt.Sprintf(lang.Pick("Giá trị %q của tùy chọn %s không hợp lệ.", "Value %q of option %s is not valid."), m[1], m[2]) + hint}
	}
	return &usageError{lang.Pick("Tùy chọn không hợp lệ.", "Invalid options.") + hint}
}
