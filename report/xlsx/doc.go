// Package xlsx reads and writes every workbook tonghop handles, with
// excelize: submissions and plans in (read_*.go: sniffing, bounded
// decompression, header detection, raw cells for the core to interpret),
// and the consolidated workbook, submission templates, the blank plan and
// feedback workbooks out (write_*.go, feedback.go).
//
// Functions take readers, writers and bytes; only cmd/tonghop touches paths.
package xlsx
