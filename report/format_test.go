package report

import (
	"math"
	"testing"
	"time"
)

func TestNumber(t *testing.T) {
	tests := []struct {
		n      int
		vi, en string
	}{
		{0, "0", "0"},
		{7, "7", "7"},
		{999, "999", "999"},
		{1000, "1.000", "1,000"},
		{1250, "1.250", "1,250"},
		{1234567, "1.234.567", "1,234,567"},
		{-1250, "-1.250", "-1,250"},
	}
	for _, tt := range tests {
		if got := Number(tt.n, VI); got != tt.vi {
			t.Errorf("Number(%d, vi) = %q; want %q", tt.n, got, tt.vi)
		}
		if got := Number(tt.n, EN); got != tt.en {
			t.Errorf("Number(%d, en) = %q; want %q", tt.n, got, tt.en)
		}
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		p      float64
		vi, en string
	}{
		{98.62, "98,62%", "98.62%"},
		{100, "100%", "100%"},
		{12.5, "12,5%", "12.5%"},
		{0, "0%", "0%"},
		{0.05, "0,05%", "0.05%"},
		{21.818181, "21,82%", "21.82%"},
		{99.999, "100%", "100%"},
		{33.333333, "33,33%", "33.33%"},
		{1250.5, "1.250,5%", "1,250.5%"},
		{-3.5, "-3,5%", "-3.5%"},
		{-0.001, "0%", "0%"},
		{math.NaN(), "", ""},
	}
	for _, tt := range tests {
		if got := Percent(tt.p, VI); got != tt.vi {
			t.Errorf("Percent(%v, vi) = %q; want %q", tt.p, got, tt.vi)
		}
		if got := Percent(tt.p, EN); got != tt.en {
			t.Errorf("Percent(%v, en) = %q; want %q", tt.p, got, tt.en)
		}
	}
}

func TestDates(t *testing.T) {
	tests := []struct {
		date               time.Time
		cell, text, header string
		textEN             string
	}{
		{ymd(2021, 3, 4), "04/03/2021", "04/3/2021", "ngày 04 tháng 3 năm 2021", "4 March 2021"},
		{ymd(2021, 1, 5), "05/01/2021", "05/01/2021", "ngày 05 tháng 01 năm 2021", "5 January 2021"},
		{ymd(2021, 2, 15), "15/02/2021", "15/02/2021", "ngày 15 tháng 02 năm 2021", "15 February 2021"},
		{ymd(2021, 12, 31), "31/12/2021", "31/12/2021", "ngày 31 tháng 12 năm 2021", "31 December 2021"},
		{time.Time{}, "", "", "", ""},
	}
	for _, tt := range tests {
		if got := DateCell(tt.date); got != tt.cell {
			t.Errorf("DateCell(%s) = %q; want %q", showDate(tt.date), got, tt.cell)
		}
		if got := DateText(tt.date, VI); got != tt.text {
			t.Errorf("DateText(%s) = %q; want %q", showDate(tt.date), got, tt.text)
		}
		if got := DateHeader(tt.date, VI); got != tt.header {
			t.Errorf("DateHeader(%s) = %q; want %q", showDate(tt.date), got, tt.header)
		}
		if got := DateText(tt.date, EN); got != tt.textEN {
			t.Errorf("DateText(%s, en) = %q; want %q", showDate(tt.date), got, tt.textEN)
		}
	}
}

func TestPeriodText(t *testing.T) {
	p := mkPeriod(2021, 3)
	if got := PeriodText(p, VI); got != "tháng 3/2021" {
		t.Errorf("PeriodText vi = %q", got)
	}
	if got := PeriodText(p, EN); got != "March 2021" {
		t.Errorf("PeriodText en = %q", got)
	}
	if got := p.String(); got != "2021-03" {
		t.Errorf("String = %q", got)
	}
}
