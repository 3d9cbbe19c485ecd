package xlsx

import (
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/tonghop/tonghop/report"
)

// fbStyles is the styles part being added to: fills for the problem
// cells, each cell's own format copied with that fill, and the formats of
// the list sheet.
type fbStyles struct {
	part   string
	doc    *fbDoc
	boxes  map[string]*fbBox
	top    []fbTop // the root's children, for placing a missing list
	rootAt int     // the root's end tag
	xfs    [][3]int
	font0  string // the default font's name

	highlight map[[2]int]int // (cell format, severity) -> new format
	fill      map[string]int // fills added, by colour
	list      fbListStyles
}

// fbBox is one list of the styles part (fonts, fills, borders, cellXfs).
type fbBox struct {
	name       string
	start, end int // its start tag
	self       bool
	at         int // where new children go
	count      int // children it has
	add        []string
}

type fbTop struct {
	name string
	at   int
}

// fbStyleOrder is the order of the styles part's lists (CT_Stylesheet).
var fbStyleOrder = []string{"numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs",
	"cellStyles", "dxfs", "tableStyles", "colors", "extLst"}

// The first entries a list needs when a styles part lacks it.
var fbStyleDefaults = map[string][]string{
	"fonts":   {`<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>`},
	"fills":   {`<fill><patternFill patternType="none"/></fill>`, `<fill><patternFill patternType="gray125"/></fill>`},
	"borders": {`<border><left/><right/><top/><bottom/><diagonal/></border>`},
	"cellXfs": {`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`},
}

// styles reads the workbook's styles part, or starts one.
func (k *fbPackage) styles(b *fbBook) (*fbStyles, error) {
	part, ok := b.rels.byType("styles")
	if !ok || !k.exists(part) {
		part = path.Join(b.dir, "styles.xml") // where openpyxl looks, whatever the relationships say
		if k.exists(part) {
			part = k.unique(path.Join(b.dir, "styles"), ".xml")
		}
		b.rels.addRel(k.ns.relType+"styles", part)
		k.types.override(part, fbCTStyles)
		k.set(part, []byte(fbStylesXML(k.ns)))
	}
	data, err := k.read(part)
	if err != nil {
		return nil, err
	}
	s := &fbStyles{part: part, doc: newFBDoc(data), boxes: map[string]*fbBox{}, highlight: map[[2]int]int{}, fill: map[string]int{}}
	d := s.doc
	defer d.release()
	var box *fbBox
	inFont0, fonts := false, 0
	err = d.each(part, func(tk tokKind) error {
		switch {
		case tk == tokStart && d.depth == 1 && d.self:
			return errFBUnsupported // <styleSheet/>: written by hand, not worth a case
		case tk == tokStart && d.depth == 2:
			s.top = append(s.top, fbTop{d.local(), d.start})
			box = nil
			if slices.Contains([]string{"fonts", "fills", "borders", "cellXfs"}, d.local()) && s.boxes[d.local()] == nil {
				box = &fbBox{name: d.local(), start: d.start, end: d.end, self: d.self}
				s.boxes[d.local()] = box
			}
		case tk == tokStart && d.depth == 3 && box != nil:
			box.count++
			if box.name == "cellXfs" {
				s.xfs = append(s.xfs, [3]int{d.start, d.end, -1})
			}
			inFont0 = box.name == "fonts" && fonts == 0
		case tk == tokStart && d.depth == 4 && inFont0 && d.local() == "name":
			s.font0 = d.x.attrString("val")
		case tk == tokEnd && d.depth == 2 && box != nil && box.name == "cellXfs" && len(s.xfs) > 0 && s.xfs[len(s.xfs)-1][2] < 0:
			s.xfs[len(s.xfs)-1][2] = d.end // the xf element ends
		case tk == tokEnd && d.depth == 2 && box != nil && box.name == "fonts":
			fonts++
			inFont0 = false
		case tk == tokEnd && d.depth == 1 && box != nil:
			box.at = d.start
			box = nil
		case tk == tokEnd && d.depth == 0:
			s.rootAt = d.start
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, name := range fbStyleOrder {
		defaults, ok := fbStyleDefaults[name]
		if !ok {
			continue
		}
		b := s.boxes[name]
		if b == nil {
			b = &fbBox{name: name, start: -1}
			s.boxes[name] = b
		}
		if b.count == 0 {
			for _, el := range defaults {
				s.add(name, el)
			}
		}
	}
	if s.font0 == "" {
		s.font0 = "Calibri"
	}
	s.list = s.listStyles()
	return s, nil
}

// add appends an entry written without a prefix to a list and returns its
// index.
func (s *fbStyles) add(list, xml string) int { return s.addRaw(list, s.doc.prefixAll(xml)) }

// addRaw appends an entry as it is.
func (s *fbStyles) addRaw(list, xml string) int {
	b := s.boxes[list]
	b.add = append(b.add, xml)
	return b.count + len(b.add) - 1
}

// fillOf returns the index of a solid fill of an RGB colour, added once.
func (s *fbStyles) fillOf(rgb string) int {
	if i, ok := s.fill[rgb]; ok {
		return i
	}
	i := s.add("fills", `<fill><patternFill patternType="solid"><fgColor rgb="FF`+rgb+`"/></patternFill></fill>`)
	s.fill[rgb] = i
	return i
}

// highlighted returns the format of a problem cell: its own format (xf)
// with the fill of the worst severity, so borders, fonts and number
// formats stay as the department made them.
func (s *fbStyles) highlighted(xf int, sev report.Severity) int {
	k := [2]int{xf, int(sev)}
	if i, ok := s.highlight[k]; ok {
		return i
	}
	color := fbWarningFill
	if sev == report.Error {
		color = fbErrorFill
	}
	fill := strconv.Itoa(s.fillOf(color))
	set := [][2]string{{"fillId", fill}, {"applyFill", "1"}}
	var i int
	switch {
	case xf >= 0 && xf < len(s.xfs):
		i = s.addRaw("cellXfs", s.xfXML(xf, set))
	case len(s.xfs) > 0:
		i = s.addRaw("cellXfs", s.xfXML(0, set))
	default:
		i = s.add("cellXfs", `<xf numFmtId="0" fontId="0" fillId="`+fill+`" borderId="0" xfId="0" applyFill="1"/>`)
	}
	s.highlight[k] = i
	return i
}

// xfXML is cell format i as written, its start tag edited.
func (s *fbStyles) xfXML(i int, set [][2]string) string {
	x := s.xfs[i]
	return fbEditTag(s.doc.src[x[0]:x[1]], set) + string(s.doc.src[x[1]:max(x[1], x[2])])
}

// fbListStyles are the formats of the list sheet.
type fbListStyles struct {
	title, head, plain, link int
	sev                      map[report.Severity]int
}

func (s *fbStyles) listStyles() fbListStyles {
	border := strconv.Itoa(s.add("borders", `<border><left style="thin"><color rgb="FF999999"/></left>`+
		`<right style="thin"><color rgb="FF999999"/></right><top style="thin"><color rgb="FF999999"/></top>`+
		`<bottom style="thin"><color rgb="FF999999"/></bottom><diagonal/></border>`))
	title := strconv.Itoa(s.add("fonts", `<font><b/><sz val="13"/><family val="2"/></font>`))
	bold := strconv.Itoa(s.add("fonts", `<font><b/><family val="2"/></font>`))
	link := strconv.Itoa(s.add("fonts", `<font><u/><color rgb="FF0563C1"/><family val="2"/></font>`))
	head := strconv.Itoa(s.fillOf("D9E1F2"))
	errFill, warnFill := strconv.Itoa(s.fillOf(fbErrorFill)), strconv.Itoa(s.fillOf(fbWarningFill))
	xf := func(font, fill, border, align string) int {
		el := `<xf numFmtId="0" fontId="` + font + `" fillId="` + fill + `" borderId="` + border + `" xfId="0"`
		for _, a := range [][2]string{{"applyFont", font}, {"applyFill", fill}, {"applyBorder", border}, {"applyAlignment", align}} {
			if a[1] != "0" && a[1] != "" {
				el += ` ` + a[0] + `="1"`
			}
		}
		if align == "" {
			return s.add("cellXfs", el+"/>")
		}
		return s.add("cellXfs", el+"><alignment "+align+"/></xf>")
	}
	const top = `vertical="top"`
	return fbListStyles{
		title: xf(title, "0", "0", ""),
		head:  xf(bold, head, border, `horizontal="center" vertical="center" wrapText="1"`),
		plain: xf("0", "0", border, top+` wrapText="1"`),
		link:  xf(link, "0", border, top),
		sev:   map[report.Severity]int{report.Error: xf(bold, errFill, border, top), report.Warning: xf("0", warnFill, border, top)},
	}
}

// save writes the lists with their new entries into the styles part.
func (s *fbStyles) save(k *fbPackage) {
	d := s.doc
	for _, name := range fbStyleOrder {
		b := s.boxes[name]
		if b == nil || len(b.add) == 0 {
			continue
		}
		count := [][2]string{{"count", strconv.Itoa(b.count + len(b.add))}}
		children := strings.Join(b.add, "")
		switch {
		case b.start < 0: // a new list, before the next one in order
			at := s.rootAt
			after := slices.Index(fbStyleOrder, name)
			for _, t := range s.top {
				if i := slices.Index(fbStyleOrder, t.name); i > after {
					at = t.at
					break
				}
			}
			d.insert(at, d.open(name)+` count="`+count[0][1]+`">`+children+d.closeTag(name))
		case b.self:
			d.replace(b.start, b.end, fbOpened([]byte(fbEditTag(d.src[b.start:b.end], count)))+children+d.closeTag(name))
		default:
			d.replace(b.start, b.end, fbEditTag(d.src[b.start:b.end], count))
			d.insert(b.at, children)
		}
	}
	k.set(s.part, d.bytes())
}

// prefixAll gives the elements of xml (written without a prefix) the
// root's prefix, for a styles part written with one ("x:").
func (d *fbDoc) prefixAll(xml string) string {
	if d.prefix == "" {
		return xml
	}
	var b strings.Builder
	for i := 0; i < len(xml); i++ {
		b.WriteByte(xml[i])
		if xml[i] == '<' {
			if i+1 < len(xml) && xml[i+1] == '/' {
				b.WriteByte('/')
				i++
			}
			b.WriteString(d.prefix)
		}
	}
	return b.String()
}
