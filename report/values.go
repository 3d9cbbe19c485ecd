package report

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// CleanText returns s in NFC, trimmed, with runs of white space inside a
// line collapsed and line breaks kept (departments use Alt+Enter lists).
func CleanText(s string) string {
	s = norm.NFC.String(s)
	if isPlain(s) {
		return s
	}
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	out := lines[:0]
	for _, ln := range lines {
		ln = strings.Join(strings.FieldsFunc(ln, isSpace), " ")
		if ln != "" {
			out = append(out, ln)
		}
	}
	return strings.Join(out, "\n")
}

// isPlain reports whether s needs no cleaning: no leading, trailing or
// doubled spaces and no control characters. Most cells are like that.
func isPlain(s string) bool {
	if s == "" {
		return true
	}
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c == 0x7f || c == 0xc2 || c == 0xe2 || c == 0xe3 {
			return false // control, NBSP and the other Unicode spaces start with these bytes
		}
		if c == ' ' {
			if prevSpace {
				return false
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
	}
	return !prevSpace
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff'
}

func trimSpace(s string) string { return strings.TrimFunc(s, isSpace) }

// Excel day 0 (1900 system, with its 1900 leap-year bug accounted for) and
// the 1904 system's day 0.
var (
	excelEpoch     = Date(1899, time.December, 30)
	excelEpoch1904 = Date(1904, time.January, 1)
)

// SerialDate converts an Excel serial day number to a date.
func SerialDate(serial float64, date1904 bool) (time.Time, bool) {
	if math.IsNaN(serial) || serial < 1 || serial > 2958465 {
		return time.Time{}, false
	}
	epoch := excelEpoch
	if date1904 {
		epoch = excelEpoch1904
	}
	return epoch.AddDate(0, 0, int(math.Floor(serial))), true
}

var (
	reDMY     = regexp.MustCompile(`^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})$`)
	reYMD     = regexp.MustCompile(`^(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2})?)?$`)
	reLong    = regexp.MustCompile(`^(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})$`)
	reMonth   = regexp.MustCompile(`^(?:thang\s+)?(\d{1,2})\s*[/.\-]\s*(\d{4})$`)
	reMonth2  = regexp.MustCompile(`^(?:thang\s*)?(\d{1,2})\s*nam\s*(\d{4})$`)
	reQuarter = regexp.MustCompile(`^quy\s+(i{1,3}|iv|[1-4])\s*(?:[/.\-]|\s+nam\s+|\s+)(\d{4})$`)
	reHalf    = regexp.MustCompile(`^(6|9)\s*thang\s*(dau|cuoi)\s*(?:nam\s*)?(\d{4})$`)
	reYear    = regexp.MustCompile(`^(?:nam\s+)?(\d{4})$`)
	reISOPer  = regexp.MustCompile(`^(\d{4})\s*[/.\-]\s*(\d{1,2})$`)
)

// ParseDate reads a date written the Vietnamese way, day before month: a
// date cell, an Excel serial number, "05/01/2021", "5/1/2021", "05-01-2021",
// "05.01.2021", "2021-01-05" or "ngày 05 tháng 01 năm 2021". A text that
// reads only month first ("03/15/2021") is not a date.
func ParseDate(c Cell, date1904 bool) (time.Time, bool) {
	if c.IsNumber {
		if c.Percent {
			return time.Time{}, false
		}
		if c.IsDate || (c.Number >= 10000 && c.Number < 80000) {
			return SerialDate(c.Number, date1904)
		}
		return time.Time{}, false
	}
	return parseDateText(c.Text)
}

func parseDateText(s string) (time.Time, bool) {
	s = trimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	if m := reDMY.FindStringSubmatch(s); m != nil {
		y := atoi(m[3])
		if len(m[3]) == 2 {
			y += 2000
		}
		return makeDate(y, atoi(m[2]), atoi(m[1]))
	}
	if m := reYMD.FindStringSubmatch(s); m != nil {
		return makeDate(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := reLong.FindStringSubmatch(simplify(s)); m != nil {
		return makeDate(atoi(m[3]), atoi(m[2]), atoi(m[1]))
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 10000 && f < 80000 {
		return SerialDate(f, false)
	}
	return time.Time{}, false
}

// ParseDeadline reads a deadline: a date (ParseDate) or a period, "Tháng
// 6/2021", "06/2021", "Quý II/2021", "6 tháng đầu năm 2021", "Năm 2021",
// which stands for the period's last day.
func ParseDeadline(c Cell, date1904 bool) (time.Time, bool) {
	if t, ok := ParseDate(c, date1904); ok {
		return t, true
	}
	if c.IsNumber {
		if y := int(c.Number); float64(y) == c.Number && y >= 1990 && y <= 2100 {
			return Date(y, time.December, 31), true
		}
		return time.Time{}, false
	}
	k := simplify(c.Text)
	if m := reMonth.FindStringSubmatch(k); m != nil {
		return monthEnd(atoi(m[2]), atoi(m[1]))
	}
	if m := reMonth2.FindStringSubmatch(k); m != nil {
		return monthEnd(atoi(m[2]), atoi(m[1]))
	}
	if m := reISOPer.FindStringSubmatch(k); m != nil {
		return monthEnd(atoi(m[1]), atoi(m[2]))
	}
	if m := reQuarter.FindStringSubmatch(k); m != nil {
		q := map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}[m[1]]
		return monthEnd(atoi(m[2]), 3*q)
	}
	if m := reHalf.FindStringSubmatch(k); m != nil {
		months := atoi(m[1])
		if m[2] == "cuoi" {
			months = 12
		}
		return monthEnd(atoi(m[3]), months)
	}
	if m := reYear.FindStringSubmatch(k); m != nil {
		return monthEnd(atoi(m[1]), 12)
	}
	return time.Time{}, false
}

// ParsePeriod reads a reporting period: "2021-03", "03/2021", "3/2021",
// "Tháng 3/2021", "tháng 3 năm 2021", or a date cell (its month).
func ParsePeriod(c Cell, date1904 bool) (Period, bool) {
	if c.IsNumber {
		if t, ok := ParseDate(c, date1904); ok {
			return PeriodOf(t), true
		}
		return Period{}, false
	}
	k := simplify(c.Text)
	var y, m int
	if g := reISOPer.FindStringSubmatch(k); g != nil {
		y, m = atoi(g[1]), atoi(g[2])
	} else if g := reMonth.FindStringSubmatch(k); g != nil {
		y, m = atoi(g[2]), atoi(g[1])
	} else if g := reMonth2.FindStringSubmatch(k); g != nil {
		y, m = atoi(g[2]), atoi(g[1])
	} else if t, ok := parseDateText(c.Text); ok {
		return PeriodOf(t), true
	} else {
		return Period{}, false
	}
	if m < 1 || m > 12 || y < 1990 || y > 2100 {
		return Period{}, false
	}
	return Period{y, time.Month(m)}, true
}

// ParsePercent reads a completion percentage: 45, "45", "45%", "45,5 %",
// or 0.45 from a percent-formatted cell. The result is 0–100.
func ParsePercent(c Cell) (float64, bool) {
	var v float64
	if c.IsNumber {
		v = c.Number
		if c.Percent {
			v *= 100
		}
	} else {
		s := strings.ReplaceAll(trimSpace(c.Text), " ", "")
		pct := strings.HasSuffix(s, "%")
		s = strings.TrimSuffix(s, "%")
		s = strings.ReplaceAll(s, ",", ".")
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || s == "" {
			return 0, false
		}
		v = f
		if !pct && f > 0 && f < 1 && strings.Contains(s, ".") {
			v = f * 100 // "0.45" typed as text
		}
	}
	if math.IsNaN(v) || v < 0 || v > 100 {
		return 0, false
	}
	return math.Round(v*100) / 100, true
}

func monthEnd(y, m int) (time.Time, bool) {
	if m < 1 || m > 12 || y < 1990 || y > 2100 {
		return time.Time{}, false
	}
	return Date(y, time.Month(m)+1, 0), true
}

func makeDate(y, m, d int) (time.Time, bool) {
	if y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 {
		return time.Time{}, false
	}
	t := Date(y, time.Month(m), d)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
