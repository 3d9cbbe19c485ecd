package xlsx

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
)

// fbSheet is one worksheet part being annotated: each problem cell gets
// the highlighted copy of its format (the cell is added when the sheet has
// none there), the sheet loses its "selected" mark (the list is the active
// sheet), gets its real used range when it has only a placeholder, and
// notes where a comments drawing goes.
type fbSheet struct {
	ref     fbSheetRef
	doc     *fbDoc
	st      *fbStyles
	targets []*fbTarget // by row, then column
	next    int         // the first target not placed yet

	// What the comment boxes are sized by.
	cols                                    []fbCol
	defColWidth, baseColWidth, defRowHeight float64
	heights                                 map[int]float64
	rootEnd, sheetPrEnd, dimStart, dimEnd   int
	dimRef                                  string
	hasDim                                  bool
	maxRow, maxCol                          int // the last row and column with a value
	legacyRID                               string
	drawingAt                               int // where a legacyDrawing element goes
	relPrefix                               string
}

type fbCol struct {
	min, max int
	width    float64
	hasWidth bool
	style    int
}

// fbAfterDrawing are the worksheet children that follow legacyDrawing
// (CT_Worksheet), mc:AlternateContent being controls or OLE objects.
var fbAfterDrawing = []string{"legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
	"webPublishItems", "tableParts", "extLst", "AlternateContent"}

// sheetNeedsPatch reads a sheet's head, up to its cells, and reports
// whether it is marked selected or lacks a real dimension.
func (k *fbPackage) sheetNeedsPatch(part string) (bool, error) {
	dim, selected := false, false
	found, perr := k.p.walk(part, func(x *xmlScanner, path []string) bool {
		switch local := path[len(path)-1]; {
		case len(path) == 2 && local == "dimension":
			ref := x.attrString("ref")
			dim = ref != "" && ref != "A1"
		case len(path) == 2 && local == "sheetData":
			return false
		case len(path) == 3 && local == "sheetView":
			_, selected = x.attr("tabSelected")
			return !selected
		}
		return true
	})
	switch {
	case perr != nil:
		return false, perr
	case !found:
		return false, errFBUnsupported
	}
	return selected || !dim, nil
}

// patchSheet annotates one worksheet; targets are its problem cells. It
// returns the sheet's state for its comments, nil when the sheet needed
// no change.
func (k *fbPackage) patchSheet(ref fbSheetRef, targets []*fbTarget, st *fbStyles) (*fbSheet, error) {
	if len(targets) == 0 {
		if need, err := k.sheetNeedsPatch(ref.part); err != nil || !need {
			return nil, err
		}
	}
	data, err := k.read(ref.part)
	if err != nil {
		return nil, err
	}
	s := &fbSheet{ref: ref, doc: newFBDoc(data), st: st, heights: map[int]float64{}, sheetPrEnd: -1, drawingAt: -1}
	s.targets = slices.Clone(targets)
	slices.SortFunc(s.targets, func(a, b *fbTarget) int { return cmp.Or(cmp.Compare(a.row, b.row), cmp.Compare(a.col, b.col)) })
	defer s.doc.release()
	if err := s.scan(); err != nil {
		return nil, err
	}
	s.fixDimension()
	if len(s.doc.edits) == 0 && len(targets) == 0 {
		return nil, nil
	}
	return s, nil
}

// scan reads the sheet once, placing the targets as it goes.
func (s *fbSheet) scan() error {
	d := s.doc
	var names [8]string // element names by depth
	var row fbRowState
	afterData := false
	err := d.each(s.ref.part, func(tk tokKind) error {
		switch tk {
		case tokText:
			if row.inValue && len(d.x.text) > 0 {
				row.hasValue = true
			}
		case tokStart:
			local := d.local()
			if d.depth < len(names) {
				names[d.depth] = local
			}
			parent := ""
			if d.depth >= 2 && d.depth-1 < len(names) {
				parent = names[d.depth-1]
			}
			if err := s.start(local, parent, &row, &afterData); err != nil {
				return err
			}
		case tokEnd:
			return s.end(names, &row)
		}
		return nil
	})
	if err == nil && s.next < len(s.targets) {
		return errFBUnsupported // a sheet without sheetData
	}
	return err
}

// fbRowState follows the row and cell being read.
type fbRowState struct {
	num, col        int  // current row and column
	start, end      int  // the row's start tag
	self, marked    bool // it closes itself; it has targets
	style           int
	inserted        bool // cells were added before some of its own
	inCell, inValue bool
	hasValue        bool
}

func (s *fbSheet) start(local, parent string, row *fbRowState, afterData *bool) error {
	d := s.doc
	switch d.depth {
	case 1:
		s.rootEnd = d.end
		attrs, _, _ := fbTagAttrs(d.tag())
		for _, a := range attrs {
			p, ok := strings.CutPrefix(a.name, "xmlns:")
			if v := string(d.tag()[a.vfrom:a.vto]); ok && (v == fbTransitional.rel || v == fbStrict.rel) {
				s.relPrefix = p
			}
		}
	case 2:
		if *afterData && s.drawingAt < 0 && slices.Contains(fbAfterDrawing, local) {
			s.drawingAt = d.start
		}
		switch local {
		case "dimension":
			s.hasDim, s.dimStart, s.dimEnd, s.dimRef = true, d.start, d.end, d.x.attrString("ref")
		case "sheetFormatPr":
			s.defColWidth = fbFloat(d.x.attrString("defaultColWidth"))
			s.baseColWidth = fbFloat(d.x.attrString("baseColWidth"))
			s.defRowHeight = fbFloat(d.x.attrString("defaultRowHeight"))
		case "sheetData":
			*afterData = true
			if d.self {
				s.placeRows(1<<31, d.start, d.end, d.tag())
			}
		case "legacyDrawing":
			s.legacyRID = d.x.relAttr()
		}
	case 3:
		switch {
		case local == "sheetView" && parent == "sheetViews":
			if _, ok := d.x.attr("tabSelected"); ok {
				d.editTag(nil, "tabSelected")
			}
		case local == "col" && parent == "cols":
			w, ok := d.x.attr("width")
			s.cols = append(s.cols, fbCol{fbInt(d.x.attrString("min")), fbInt(d.x.attrString("max")),
				fbFloat(string(w)), ok, fbInt(d.x.attrString("style"))})
		case local == "row" && parent == "sheetData":
			return s.startRow(row)
		}
	case 4:
		if local == "c" && parent == "row" {
			return s.startCell(row)
		}
	case 5:
		row.inValue = row.inCell && (local == "v" || local == "is")
	}
	return nil
}

func (s *fbSheet) end(names [8]string, row *fbRowState) error {
	d := s.doc
	ended := ""
	if d.depth+1 < len(names) {
		ended = names[d.depth+1]
	}
	switch d.depth + 1 {
	case 1:
		if s.drawingAt < 0 {
			s.drawingAt = d.start
		}
	case 2:
		switch ended {
		case "sheetPr":
			s.sheetPrEnd = d.end
		case "sheetData":
			if !d.self {
				s.placeRows(1<<31, d.start, d.start, nil)
			}
		}
	case 3:
		if ended == "row" && names[2] == "sheetData" {
			s.endRow(row)
		}
	case 4:
		if ended == "c" && row.inCell {
			if row.hasValue {
				s.maxRow, s.maxCol = max(s.maxRow, row.num), max(s.maxCol, row.col)
			}
			row.inCell, row.hasValue = false, false
		}
	case 5:
		row.inValue = false
	}
	return nil
}

// placeRows adds the rows of the targets above row `before`: at `at`, or,
// for a <sheetData/> (tag), in place of it.
func (s *fbSheet) placeRows(before, at, end int, tag []byte) {
	d := s.doc
	var b strings.Builder
	for s.next < len(s.targets) && s.targets[s.next].row < before {
		r := s.targets[s.next].row
		b.WriteString(d.open("row") + ` r="` + strconv.Itoa(r) + `">`)
		for s.next < len(s.targets) && s.targets[s.next].row == r {
			b.WriteString(s.newCell(s.targets[s.next], 0))
			s.next++
		}
		b.WriteString(d.closeTag("row"))
	}
	switch {
	case tag != nil:
		d.replace(at, end, fbOpened(tag)+b.String()+d.closeTag("sheetData"))
	case b.Len() > 0:
		d.insert(at, b.String())
	}
}

// newCell is an empty cell holding only the highlighted format of what it
// would show: its row's format, else its column's.
func (s *fbSheet) newCell(t *fbTarget, rowStyle int) string {
	xf := s.inherited(rowStyle, t.col)
	return s.doc.open("c") + ` r="` + t.cell + `" s="` + strconv.Itoa(s.st.highlighted(xf, t.worst)) + `"/>`
}

// inherited is the format a cell without its own shows (as excelize and
// Excel take it): the row's, else the first column range's with one.
func (s *fbSheet) inherited(rowStyle, col int) int {
	if rowStyle != 0 {
		return rowStyle
	}
	for _, c := range s.cols {
		if c.min <= col && col <= c.max && c.style != 0 {
			return c.style
		}
	}
	return 0
}

func (s *fbSheet) startRow(row *fbRowState) error {
	d := s.doc
	num := row.num + 1
	if v, ok := d.x.attr("r"); ok {
		num = fbInt(string(v))
	}
	if num <= row.num {
		return errFBUnsupported // rows out of order: the reader refuses those
	}
	if v, ok := d.x.attr("ht"); ok {
		s.heights[num] = fbFloat(string(v))
	}
	s.placeRows(num, d.start, d.start, nil)
	*row = fbRowState{num: num, start: d.start, end: d.end, self: d.self, style: fbInt(d.x.attrString("s"))}
	row.marked = s.next < len(s.targets) && s.targets[s.next].row == num
	return nil
}

func (s *fbSheet) startCell(row *fbRowState) error {
	d := s.doc
	col := row.col + 1
	if v, ok := d.x.attr("r"); ok {
		c, _, ok := splitRef(string(v))
		if !ok {
			return errFBUnsupported
		}
		col = c
	}
	if col <= row.col {
		return errFBUnsupported
	}
	row.col, row.inCell = col, true
	if !row.marked {
		return nil
	}
	var b strings.Builder
	for s.next < len(s.targets) && s.targets[s.next].row == row.num && s.targets[s.next].col < col {
		b.WriteString(s.newCell(s.targets[s.next], row.style))
		s.next++
	}
	if b.Len() > 0 {
		d.insert(d.start, b.String())
		row.inserted = true
	}
	if s.next < len(s.targets) && s.targets[s.next].row == row.num && s.targets[s.next].col == col {
		t := s.targets[s.next]
		s.next++
		xf := fbInt(d.x.attrString("s"))
		if xf == 0 {
			xf = s.inherited(row.style, col)
		}
		d.editTag([][2]string{{"s", strconv.Itoa(s.st.highlighted(xf, t.worst))}})
	}
	return nil
}

func (s *fbSheet) endRow(row *fbRowState) {
	d := s.doc
	if !row.marked {
		return
	}
	var b strings.Builder
	for s.next < len(s.targets) && s.targets[s.next].row == row.num {
		b.WriteString(s.newCell(s.targets[s.next], row.style))
		s.next++
	}
	if b.Len() == 0 && !row.inserted {
		return
	}
	tag := d.src[row.start:row.end]
	if _, spans := fbAttrValue(tag, "spans"); spans {
		tag = []byte(fbEditTag(tag, nil, "spans")) // a hint the new cells may fall outside
	}
	if row.self {
		d.replace(row.start, row.end, fbOpened(tag)+b.String()+d.closeTag("row"))
		return
	}
	if len(tag) != row.end-row.start {
		d.replace(row.start, row.end, string(tag))
	}
	d.insert(d.start, b.String())
}

// fixDimension writes the used range where the sheet has only a
// placeholder, and widens it to the problem cells added outside it:
// readers that trust it (openpyxl's read-only mode) would miss cells.
func (s *fbSheet) fixDimension() {
	d := s.doc
	if s.hasDim && s.dimRef != "" && s.dimRef != "A1" {
		a, ok := parseArea(s.dimRef)
		if !ok {
			return
		}
		c2, r2 := a.c2, a.r2
		for _, t := range s.targets {
			c2, r2 = max(c2, t.col), max(r2, t.row)
		}
		if c2 > a.c2 || r2 > a.r2 {
			ref := colName(a.c1) + strconv.Itoa(a.r1) + ":" + colName(c2) + strconv.Itoa(r2)
			d.replace(s.dimStart, s.dimEnd, fbEditTag(d.src[s.dimStart:s.dimEnd], [][2]string{{"ref", ref}}))
		}
		return
	}
	for _, t := range s.targets {
		s.maxCol, s.maxRow = max(s.maxCol, t.col), max(s.maxRow, t.row)
	}
	ref := "A1:" + colName(max(s.maxCol, 1)) + strconv.Itoa(max(s.maxRow, 1))
	switch {
	case s.hasDim && ref != "A1:A1":
		d.replace(s.dimStart, s.dimEnd, fbEditTag(d.src[s.dimStart:s.dimEnd], [][2]string{{"ref", ref}}))
	case !s.hasDim && s.sheetPrEnd >= 0:
		d.insert(s.sheetPrEnd, d.open("dimension")+` ref="`+ref+`"/>`)
	case !s.hasDim:
		d.insert(s.rootEnd, d.open("dimension")+` ref="`+ref+`"/>`)
	}
}

// colWidth is a column's width in pixels, as excelize sizes comment boxes.
func (s *fbSheet) colWidth(col int) int {
	for _, c := range s.cols {
		if c.min <= col && col <= c.max && c.hasWidth {
			return fbColPixels(c.width)
		}
	}
	switch {
	case s.defColWidth > 0:
		return fbColPixels(s.defColWidth)
	case s.baseColWidth > 0:
		return fbColPixels(s.baseColWidth) + 5
	}
	return 64
}

// rowHeight is a row's height in pixels, as excelize sizes comment boxes.
func (s *fbSheet) rowHeight(row int) int {
	h, ok := s.heights[row]
	if !ok {
		if s.defRowHeight <= 0 {
			return 20
		}
		h = s.defRowHeight
	}
	return int(math.Ceil(4.0 / 3.4 * h))
}

func fbColPixels(w float64) int {
	if w == 0 {
		return 0
	}
	return int(w*8 + 0.5)
}

// save puts the edited sheet into k.
func (s *fbSheet) save(k *fbPackage) { k.set(s.ref.part, s.doc.bytes()) }
