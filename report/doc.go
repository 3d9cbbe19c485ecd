// Package report is the domain core of tonghop: plans, sectors, tasks,
// submissions and findings as typed values; the interpretation of cell
// values (text, dates, stages, percentages); validation; the merge of a
// month's submissions; and classification and summaries as of a date.
//
// It never opens files nor reads the clock. Workbook reading hands it Cells
// (report/xlsx), and the outputs take the Result it builds (report/xlsx,
// report/pdf). Everything a user sees comes in Vietnamese and English
// (Lang).
package report
