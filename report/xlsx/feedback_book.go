package xlsx

import (
	"path"
	"strconv"
	"strings"
)

// fbBook is the workbook part being patched: the list sheet goes first and
// becomes the active one.
type fbBook struct {
	part      string
	dir       string // folder of the workbook part ("xl")
	doc       *fbDoc
	rels      *fbRels
	sheets    []fbSheetRef
	relPrefix string // the root's prefix for the relationships namespace, "" if none
	sheetsAt  int    // end of the <sheets> start tag
	sheetsTag string // that tag, when it closes itself
	maxID     int
}

// fbSheetRef is one sheet of the workbook.
type fbSheetRef struct {
	name string
	id   int    // sheetId
	part string // "" for a chart or dialog sheet
}

// workbook reads the workbook part and notes what the list sheet changes:
// the first workbook view's active and first tab (the list is both), and
// the sheet positions of defined names (print titles), one further on.
func (k *fbPackage) workbook() (*fbBook, error) {
	root, err := k.relations("")
	if err != nil {
		return nil, err
	}
	part, ok := root.byType("officeDocument")
	if !ok {
		part = "xl/workbook.xml"
	}
	data, err := k.read(part)
	if err != nil {
		return nil, err
	}
	if data == nil {
		return nil, errFBUnsupported
	}
	b := &fbBook{part: part, dir: path.Dir(part), doc: newFBDoc(data)}
	if b.dir == "." {
		b.dir = ""
	}
	if b.rels, err = k.relations(part); err != nil {
		return nil, err
	}
	d := b.doc
	defer d.release()
	views := 0
	err = d.each(part, func(tk tokKind) error {
		if tk != tokStart {
			return nil
		}
		switch d.local() {
		case "workbook":
			if d.depth == 1 {
				b.namespaces(d.tag(), k)
			}
		case "workbookView":
			if views++; views == 1 {
				d.editTag(nil, "activeTab", "firstSheet")
			}
		case "sheets":
			b.sheetsAt = d.end
			if d.self {
				b.sheetsTag = string(d.tag())
			}
		case "sheet":
			ref := fbSheetRef{name: d.x.attrString("name"), id: fbInt(d.x.attrString("sheetId"))}
			if rel, ok := b.rels.byID(d.x.relAttr()); ok && strings.HasSuffix(rel.typ, "/worksheet") && k.exists(rel.target) {
				ref.part = rel.target
			}
			b.maxID = max(b.maxID, ref.id)
			b.sheets = append(b.sheets, ref)
		case "definedName":
			if v, ok := d.x.attr("localSheetId"); ok {
				d.editTag([][2]string{{"localSheetId", strconv.Itoa(fbInt(string(v)) + 1)}})
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if b.sheetsAt == 0 {
		return nil, errFBUnsupported
	}
	return b, nil
}

// namespaces finds from the root's declarations whether the package is
// strict OOXML and which prefix names the relationships namespace.
func (b *fbBook) namespaces(root []byte, k *fbPackage) {
	attrs, _, _ := fbTagAttrs(root)
	k.ns = fbTransitional
	for _, a := range attrs {
		if v := string(root[a.vfrom:a.vto]); v == fbStrict.main {
			k.ns = fbStrict
		}
	}
	for _, a := range attrs {
		if p, ok := strings.CutPrefix(a.name, "xmlns:"); ok && string(root[a.vfrom:a.vto]) == k.ns.rel {
			b.relPrefix = p
		}
	}
}

// relAttr returns the attributes that give an element's r:id, with a
// namespace declaration when the root has none for it.
func fbRelAttr(prefix, ns, id string) string {
	if prefix != "" {
		return ` ` + prefix + `:id="` + fbEscAttr(id) + `"`
	}
	return ` xmlns:r="` + ns + `" r:id="` + fbEscAttr(id) + `"`
}

// addFirstSheet adds a worksheet part as the first sheet of the workbook.
func (b *fbBook) addFirstSheet(k *fbPackage, name, part string) {
	rid := b.rels.addRel(k.ns.relType+"worksheet", part)
	el := b.doc.open("sheet") + ` name="` + fbEscAttr(name) + `" sheetId="` + strconv.Itoa(b.maxID+1) + `"` +
		fbRelAttr(b.relPrefix, k.ns.rel, rid) + "/>"
	if b.sheetsTag != "" {
		tag := []byte(b.sheetsTag)
		b.doc.replace(b.sheetsAt-len(tag), b.sheetsAt, fbOpened(tag)+el+b.doc.closeTag("sheets"))
	} else {
		b.doc.insert(b.sheetsAt, el)
	}
	k.types.override(part, fbCTSheet)
}

// save puts the edited workbook into k.
func (b *fbBook) save(k *fbPackage) { k.set(b.part, b.doc.bytes()) }

// uniqueName returns name, or name (2), name (3) … when a sheet has it
// already: sheet names are unique regardless of case.
func (b *fbBook) uniqueName(name string) string {
	taken := func(n string) bool {
		for _, s := range b.sheets {
			if strings.EqualFold(s.name, n) {
				return true
			}
		}
		return false
	}
	out := name
	for i := 2; taken(out); i++ {
		out = name + " (" + strconv.Itoa(i) + ")"
	}
	return out
}
