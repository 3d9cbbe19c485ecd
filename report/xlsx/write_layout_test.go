package xlsx

import (
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// wLayout describes how each sheet looks, cell by cell over its dimension.
func wLayout(tb testing.TB, f *excelize.File) string {
	tb.Helper()
	var b strings.Builder
	styles := map[int]string{}
	for _, sh := range f.GetSheetList() {
		dim, err := f.GetSheetDimension(sh)
		if err != nil {
			tb.Fatal(err)
		}
		fmt.Fprintf(&b, "=== %s %s\n", sh, dim)
		parts := strings.Split(dim, ":")
		cols, rows, err := excelize.CellNameToCoordinates(parts[len(parts)-1])
		if err != nil {
			tb.Fatal(err)
		}
		for c := 1; c <= cols; c++ {
			w, _ := f.GetColWidth(sh, wCol(c))
			fmt.Fprintf(&b, "width %s %g\n", wCol(c), w)
		}
		for r := 1; r <= rows; r++ {
			h, _ := f.GetRowHeight(sh, r)
			fmt.Fprintf(&b, "row %d height %g:", r, h)
			for c := 1; c <= cols; c++ {
				id, err := f.GetCellStyle(sh, wRef(c, r))
				if err != nil {
					tb.Fatal(err)
				}
				if id == 0 {
					continue
				}
				if _, ok := styles[id]; !ok {
					styles[id] = wStyleText(tb, f, id)
				}
				fmt.Fprintf(&b, " %s{%s}", wCol(c), styles[id])
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

func wStyleText(tb testing.TB, f *excelize.File, id int) string {
	tb.Helper()
	st, err := f.GetStyle(id)
	if err != nil {
		tb.Fatal(err)
	}
	var parts []string
	if ft := st.Font; ft != nil {
		parts = append(parts, fmt.Sprintf("font %s %g b%v i%v %s", ft.Family, ft.Size, ft.Bold, ft.Italic, ft.Color))
	}
	if len(st.Fill.Color) > 0 {
		parts = append(parts, "fill "+strings.Join(st.Fill.Color, ","))
	}
	if a := st.Alignment; a != nil {
		parts = append(parts, fmt.Sprintf("align %s/%s wrap%v", a.Horizontal, a.Vertical, a.WrapText))
	}
	if len(st.Border) > 0 {
		parts = append(parts, fmt.Sprintf("border %d", len(st.Border)))
	}
	if st.CustomNumFmt != nil {
		parts = append(parts, "format "+*st.CustomNumFmt)
	} else if st.NumFmt != 0 {
		parts = append(parts, fmt.Sprintf("format %d", st.NumFmt))
	}
	if p := st.Protection; p != nil && !p.Locked {
		parts = append(parts, "unlocked")
	}
	return strings.Join(parts, "; ")
}
