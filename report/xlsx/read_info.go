package xlsx

import (
	"strconv"
	"strings"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/templates"
)

// infoRows reads key/value rows: a cell naming a key ("Kỳ báo cáo") and
// its value in the next cell to the right (after the key cell's merge, if
// merged), or "Key: value" in one cell. An empty value still comes back,
// with the reference of the cell where it belongs. The first row of each
// key wins.
func infoRows(rows []*srow, merges []area) []report.RawInfo {
	var out []report.RawInfo
	seen := map[templates.InfoKey]bool{}
	for _, r := range rows {
	cells:
		for _, c := range r.cells {
			if c.IsNumber {
				continue
			}
			if k, ok := templates.MatchInfo(c.Text); ok {
				if !seen[k] {
					seen[k] = true
					out = append(out, report.RawInfo{Key: k, Label: c.Text, Value: valueRight(r, c, merges)})
				}
				break
			}
			if !strings.Contains(c.Text, ":") {
				continue
			}
			found := false
			for _, seg := range infoSegments(c.Text) {
				label, val, ok := strings.Cut(seg, ":")
				if !ok {
					continue
				}
				k, ok := templates.MatchInfo(label)
				if !ok {
					continue
				}
				found = true
				if seen[k] {
					continue
				}
				seen[k] = true
				v := report.Cell{Ref: c.Ref, Text: strings.TrimSpace(val), Font: c.Font}
				if v.Text == "" {
					v = valueRight(r, c, merges)
				}
				out = append(out, report.RawInfo{Key: k, Label: strings.TrimSpace(label), Value: v})
			}
			if found {
				break cells
			}
		}
	}
	return out
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
