package xlsx

import (
	"sort"

	"github.com/xuri/excelize/v2"
)

// stabilize makes f's bytes reproducible before it is written. excelize
// (v2.11.1) adds the image content types of [Content_Types].xml by ranging
// over a map when a chart or picture is added, so their order changes from
// run to run; sorting them fixes it.
func stabilize(f *excelize.File) {
	if f.ContentTypes == nil {
		return
	}
	d := f.ContentTypes.Defaults
	sort.SliceStable(d, func(i, j int) bool { return d[i].Extension < d[j].Extension })
}
