// Package pdf writes the briefing bao-cao-YYYY-MM.pdf, a "Báo cáo" laid out
// as Nghị định 30/2020/NĐ-CP, Phụ lục I asks, with Liberation Serif
// embedded.
package pdf
