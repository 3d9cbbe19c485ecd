// Command tonghop consolidates the monthly progress reports that sector
// departments send to the office of a provincial People's Committee.
//
// Usage:
//
//	tonghop init DIR
//	tonghop template --plan PLAN (--sector CODE | --all) [--period YYYY-MM] [-o PATH]
//	tonghop validate [--plan PLAN] [--feedback DIR] [--json] FILE|DIR...
//	tonghop consolidate [--plan PLAN] [--previous FILE] [--period YYYY-MM] [--as-of YYYY-MM-DD]
//	                    [-o DIR] [--strict] [--json] [--lang vi|en] FILE|DIR...
//	tonghop version
//
// Exit codes: 0 all good; 1 finished, but some input was rejected; 2 usage
// error; 3 could not run (for example, an output could not be written).
package main
