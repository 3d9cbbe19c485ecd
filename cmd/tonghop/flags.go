package main

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

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
		usage := lang.Pick(c.usage[0], c.usage[1])
		fmt.Fprintf(out, "%s\n\n  tonghop %s %s\n\n%s\n", lang.Pick("Cách dùng:", "Usage:"), c.name, usage, lang.Pick("Tùy chọn:", "Options:"))
		printOptions(out, fs, usage, lang)
		fmt.Fprintf(out, "\n%s\n  %s\n", lang.Pick("Ví dụ:", "Example:"), c.example)
	}
	return fs
}

// printOptions lists the options in the user's language, each with the
// placeholder the usage line gives it ("--plan DANH_MỤC") and its default
// when it has one; pflag's own list says "default" and "string" in
// English and "[=true|false]" after every switch.
func printOptions(out io.Writer, fs *pflag.FlagSet, usage string, lang report.Lang) {
	var lefts, rights []string
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "    --" + f.Name
		if f.Shorthand != "" {
			left = "-" + f.Shorthand + ", --" + f.Name
		}
		right := f.Usage
		if f.Value.Type() != "bool" {
			names := "--" + regexp.QuoteMeta(f.Name)
			if f.Shorthand != "" {
				names = "(?:" + names + "|-" + regexp.QuoteMeta(f.Shorthand) + ")"
			}
			if m := regexp.MustCompile(names + ` ([^\s\]]+)`).FindStringSubmatch(usage); m != nil {
				left += " " + m[1]
			}
			if f.DefValue != "" {
				right += fmt.Sprintf(lang.Pick(" (mặc định: %s)", " (default: %s)"), f.DefValue)
			}
		}
		lefts, rights = append(lefts, left), append(rights, right)
	})
	width := 0
	for _, l := range lefts {
		width = max(width, utf8.RuneCountInString(l))
	}
	for i, l := range lefts {
		fmt.Fprintf(out, "  %s%s  %s\n", l, strings.Repeat(" ", width-utf8.RuneCountInString(l)), rights[i])
	}
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
	if errors.Is(err, pflag.ErrHelp) { // pflag has printed the help
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
