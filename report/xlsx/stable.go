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

// setDimensions writes each sheet's used range as its dimension where the
// sheet has only excelize's placeholder. excelize
// leaves "A1" on sheets it did not stream, and readers that trust the
// dimension (openpyxl's read-only mode) then see one row. For the small
// workbooks it is used on (feedback copies), reading the rows is cheap.
func setDimensions(f *excelize.File) error {
	for _, sheet := range f.GetSheetList() {
		if d, err := f.GetSheetDimension(sheet); err == nil && d != "" && d != "A1" {
			continue // the writer of the file set it
		}
		rows, err := f.GetRows(sheet)
		if err != nil {
			return err
		}
		maxCol := 1
		for _, r := range rows {
			maxCol = max(maxCol, len(r))
		}
		last, err := excelize.CoordinatesToCellName(maxCol, max(len(rows), 1))
		if err != nil {
			return err
		}
		if err := f.SetSheetDimension(sheet, "A1:"+last); err != nil {
			return err
		}
	}
	return nil
}
