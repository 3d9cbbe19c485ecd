// Package xlsx reads and writes every workbook tonghop handles.
//
// Reading (read_*.go) goes through the OOXML parts directly rather than
// excelize: the file is sniffed (old .xls, .ods, encrypted, not a
// spreadsheet), the zip opened with bounded decompression, and the
// worksheet and shared-string parts scanned by a strict byte scanner that
// refuses the whole file on any doubt, where excelize's streaming reader
// would drop errors silently (see PITFALLS). The sheets are found by their
// content and the raw cells handed to the core to interpret.
//
// Writing uses excelize for the consolidated workbook's skeleton (styles,
// the summary and its chart, print setup, filters, panes), while the rows
// of its sheets are written as XML by us (fast_*.go), in pieces deflated
// on all cores and spliced into excelize's output by the zip writer it
// saves with (zipwriter.go); and for submission templates and the blank
// plan. Feedback workbooks (feedback*.go) are the department's own
// package with only the parts that change rewritten.
//
// Functions take readers, writers and bytes; only cmd/tonghop touches paths.
package xlsx
