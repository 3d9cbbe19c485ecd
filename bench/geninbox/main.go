// Command geninbox writes a synthetic inbox for the benchmarks (see package
// bench/inbox): N submission workbooks of M task rows into OUT/2021-03 and,
// with -plan, OUT/plan.xlsx covering every task. Same flags, same bytes.
//
//	go run ./bench/geninbox -files 200 -rows 500 -o /tmp/inbox
//	go run ./bench/geninbox -files 6 -rows 10 -plan -o /tmp/inbox
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/tonghop/tonghop/bench/inbox"
)

func main() {
	c := inbox.New(6, 10)
	flag.IntVar(&c.Files, "files", c.Files, "number of submission workbooks")
	flag.IntVar(&c.Rows, "rows", c.Rows, "task rows per workbook")
	plan := flag.Bool("plan", false, "also write plan.xlsx covering every task")
	out := flag.String("o", "inbox", "output folder (submissions go to OUT/2021-03)")
	flag.Uint64Var(&c.Seed, "seed", c.Seed, "random seed")
	flag.Float64Var(&c.Variants, "variants", c.Variants, "share of retyped (non-template) workbooks")
	flag.Float64Var(&c.BadFiles, "bad", c.BadFiles, "share of workbooks with one to three bad rows")
	flag.BoolVar(&c.Stream, "stream", c.Stream, "write every workbook with excelize's StreamWriter (inline strings)")
	flag.Parse()
	if c.Files < 1 || c.Rows < 1 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: geninbox -files N -rows M [-plan] -o DIR")
		os.Exit(2)
	}
	start := time.Now()
	if err := inbox.Generate(*out, c, *plan); err != nil {
		fmt.Fprintln(os.Stderr, "geninbox:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "geninbox: %d files × %d rows in %s (%.1fs)\n", c.Files, c.Rows, *out, time.Since(start).Seconds())
}
