package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Number formats n the national way: "." groups thousands ("1.250").
// English uses ",".
func Number(n int, l Lang) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	sep := l.Pick(".", ",")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Percent formats a percentage with at most two decimals, "," as the
// decimal mark and "%" stuck to the number: "98,62%", "100%", "-3,5%".
// English uses "." ("98.62%").
func Percent(p float64, l Lang) string {
	if math.IsNaN(p) || math.IsInf(p, 0) {
		return ""
	}
	s := strconv.FormatFloat(math.Abs(p), 'f', 2, 64)
	whole, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	n, err := strconv.Atoi(whole)
	out := Number(n, l)
	if err != nil {
		out = whole // beyond int: no grouping
	}
	if frac != "" {
		out += l.Pick(",", ".") + frac
	}
	if p < 0 && (n != 0 || frac != "") {
		out = "-" + out
	}
	return out + "%"
}

// DateCell formats a date for tables: dd/mm/yyyy.
func DateCell(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("02/01/2006")
}

// DateText formats a date in running Vietnamese text: "04/3/2021" (day two
// digits, month two digits only for 01 and 02, per Nghị định 30/2020/NĐ-CP).
// English gives "4 March 2021".
func DateText(t time.Time, l Lang) string {
	if t.IsZero() {
		return ""
	}
	if l == EN {
		return t.Format("2 January 2006")
	}
	return fmt.Sprintf("%02d/%s/%d", t.Day(), monthNum(t.Month()), t.Year())
}

// DateHeader formats the document date of a header: "ngày 04 tháng 3 năm 2021".
func DateHeader(t time.Time, l Lang) string {
	if t.IsZero() {
		return ""
	}
	if l == EN {
		return t.Format("2 January 2006")
	}
	return fmt.Sprintf("ngày %02d tháng %s năm %d", t.Day(), monthNum(t.Month()), t.Year())
}

func monthNum(m time.Month) string {
	if m <= 2 {
		return fmt.Sprintf("%02d", int(m))
	}
	return strconv.Itoa(int(m))
}

// PeriodText names a period in running text: "tháng 3/2021", "March 2021".
func PeriodText(p Period, l Lang) string {
	if l == EN {
		return Date(p.Year, p.Month, 1).Format("January 2006")
	}
	return fmt.Sprintf("tháng %d/%d", int(p.Month), p.Year)
}
