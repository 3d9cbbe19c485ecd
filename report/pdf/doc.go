// Package pdf writes the briefing bao-cao-YYYY-MM.pdf, a "Báo cáo" laid out
// as Nghị định 30/2020/NĐ-CP, Phụ lục I asks, with Liberation Serif
// embedded (all four faces).
//
// The document is an A4 portrait report: the two-column official header,
// the abstract, sections I to V generated from a consolidated
// report.Result (overview in the words of the reference meeting, a summary
// table and a black-and-white bar chart per sector, overdue tasks,
// difficulties and proposals, changes since last period), the recipients
// and signature block, then a landscape appendix with the task table
// grouped by sector, capped for very large inputs.
//
// Layout is done by hand on top of fpdf: every string is normalised to NFC
// and stripped of characters the font lacks before it is measured, text
// is wrapped with GetStringWidth at ordinary spaces (never fpdf's
// SplitLines or SplitText, which mis-measure Vietnamese), and table rows
// are measured before they are drawn so that none is split over pages and
// the header repeats on every page. The same Result always renders to the
// same bytes: the document dates are the as-of date.
package pdf
