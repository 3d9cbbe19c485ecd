package xlsx

import (
	"strconv"
	"strings"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/templates"
)

// infoRows reads key/value rows: a cell naming a key ("Kỳ báo cáo") and
// its value in the next cell to the right (after the key cell's merge, if
// merged), or "Key: value" in one cell. One row may hold several pairs, as
// title blocks do ("Ngành: Giáo dục" in A3, "Kỳ báo cáo: Tháng 3/2021" in
// D3). An empty value still comes back, with the reference of the cell
// where it belongs. The first row of each key wins.
func infoRows(rows []*srow, merges []area) []report.RawInfo {
	var out []report.RawInfo
	seen := map[templates.InfoKey]bool{}
	add := func(k templates.InfoKey, label string, v report.Cell) {
		if !seen[k] {
			seen[k] = true
			out = append(out, report.RawInfo{Key: k, Label: label, Value: v})
		}
	}
	for _, r := range rows {
		skipTo := -1 // the column of a value already taken
		for _, c := range r.cells {
			if c.IsNumber || c.col <= skipTo {
				continue
			}
			if k, ok := templates.MatchInfo(c.Text); ok {
				v := valueRight(r, c, merges)
				add(k, c.Text, v)
				skipTo = refCol(v.Ref, c.col+1)
				continue
			}
			if !strings.Contains(c.Text, ":") {
				continue
			}
			for _, seg := range infoSegments(c.Text) {
				label, val, ok := strings.Cut(seg, ":")
				if !ok {
					continue
				}
				k, ok := templates.MatchInfo(label)
				if !ok {
					continue
				}
				v := report.Cell{Ref: c.Ref, Text: strings.TrimSpace(val), Font: c.Font}
				if v.Text == "" {
					v = valueRight(r, c, merges)
					skipTo = refCol(v.Ref, c.col+1)
				}
				add(k, strings.TrimSpace(label), v)
			}
		}
	}
	return out
}

// refCol returns the column number of an A1 reference, or def.
func refCol(ref string, def int) int {
	n := 0
	for _, ch := range ref {
		if ch < 'A' || ch > 'Z' {
			break
		}
		n = n*26 + int(ch-'A'+1)
	}
	if n == 0 {
		return def
	}
	return n
}

// infoSegments splits "Ngành: Y tế — Kỳ báo cáo: tháng 3/2021" into its
// "key: value" parts.
func infoSegments(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == '—' || r == '–' || r == ';' || r == '|' || r == '\n'
	})
}

func valueRight(r *srow, key rcell, merges []area) report.Cell {
	col := key.col + 1
	for _, m := range merges {
		if m.c1 == key.col && m.r1 <= r.num && r.num <= m.r2 {
			col = m.c2 + 1
		}
	}
	if c, ok := r.cell(col); ok {
		return c
	}
	return report.Cell{Ref: colName(col) + strconv.Itoa(r.num)}
}
