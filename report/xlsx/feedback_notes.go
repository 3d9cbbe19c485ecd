package xlsx

import (
	"bytes"
	"fmt"
	"path"
	"strconv"
	"strings"
)

// A note (comment) is two parts: its text in the sheet's comments part and
// its box in the sheet's VML drawing. Both are written as excelize writes
// them (author "tonghop", 9-point text in the workbook's default font, a
// box 320 pixels wide), after what the sheet had: a cell that had a
// comment gets one comment, the old text first.

const (
	fbNoteWidth = 320
	fbVMLNS     = `xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ` +
		`xmlns:x="urn:schemas-microsoft-com:office:excel"`
	fbShapeType = `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m0,0l0,21600,21600,21600,21600,0xe">` +
		`<v:stroke joinstyle="miter"></v:stroke><v:path gradientshapeok="t" o:connecttype="rect"></v:path></v:shapetype>`
)

type fbNote struct {
	t    *fbTarget
	text string
}

// addNotes writes the comments of a sheet's targets (in finding order).
func (k *fbPackage) addNotes(b *fbBook, s *fbSheet, targets []*fbTarget, font string) error {
	rels, err := k.relations(s.ref.part)
	if err != nil {
		return err
	}
	var vmlPart string
	if s.legacyRID != "" {
		rel, ok := rels.byID(s.legacyRID)
		if !ok || !k.exists(rel.target) {
			return errFBUnsupported
		}
		vmlPart = rel.target
	} else {
		vmlPart = k.unique(path.Join(b.dir, "drawings", "vmlDrawing"), ".vml")
		rid := rels.addRel(k.ns.relType+"vmlDrawing", vmlPart)
		s.doc.insert(s.drawingAt, s.doc.open("legacyDrawing")+fbRelAttr(s.relPrefix, k.ns.rel, rid)+"/>")
		k.types.byDefault("vml", fbCTVML)
	}
	commentsPart, ok := rels.byType("comments")
	if !ok || !k.exists(commentsPart) {
		commentsPart = k.unique(path.Join(b.dir, "comments"), ".xml")
		rels.addRel(k.ns.relType+"comments", commentsPart)
		k.types.override(commentsPart, fbCTComments)
	}
	old, err := k.read(commentsPart)
	if err != nil {
		return err
	}
	notes, data, err := fbComments(commentsPart, old, targets, font, k.ns.main)
	if err != nil {
		return err
	}
	k.set(commentsPart, data)
	if old, err = k.read(vmlPart); err != nil {
		return err
	}
	if data, err = s.vml(old, notes); err != nil {
		return err
	}
	k.set(vmlPart, data)
	return nil
}

// fbComments returns the comments part with the targets' comments, and
// the notes written.
func fbComments(part string, old []byte, targets []*fbTarget, font, ns string) ([]fbNote, []byte, error) {
	notes := make([]fbNote, len(targets))
	for i, t := range targets {
		notes[i] = fbNote{t, strings.Join(t.texts, "\n")}
	}
	if old == nil {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
		b.WriteString(`<comments xmlns="` + ns + `"><authors><author>` + fbAuthor + `</author></authors><commentList>`)
		for i := range notes {
			notes[i].text = wCellText(notes[i].text)
			b.WriteString(fbCommentXML(notes[i], 0, font))
		}
		b.WriteString(`</commentList></comments>`)
		return notes, []byte(b.String()), nil
	}
	c, err := fbReadComments(part, old)
	if err != nil {
		return nil, nil, err
	}
	defer c.doc.release()
	author := -1
	for i, a := range c.authors {
		if a == fbAuthor && author < 0 {
			author = i
		}
	}
	if author < 0 {
		if c.authorsAt < 0 {
			return nil, nil, errFBUnsupported
		}
		c.doc.insert(c.authorsAt, c.doc.prefixAll(`<author>`+fbAuthor+`</author>`))
		author = len(c.authors)
	}
	if c.listAt < 0 {
		return nil, nil, errFBUnsupported
	}
	var b strings.Builder
	for i := range notes {
		for _, old := range c.list {
			if old.ref != notes[i].t.cell {
				continue
			}
			if old.text != "" {
				notes[i].text = old.text + "\n\n" + notes[i].text
			}
			c.doc.replace(old.start, old.end, "")
		}
		notes[i].text = wCellText(notes[i].text)
		b.WriteString(c.doc.prefixAll(fbCommentXML(notes[i], author, font)))
	}
	c.doc.insert(c.listAt, b.String())
	return notes, c.doc.bytes(), nil
}

func fbCommentXML(n fbNote, author int, font string) string {
	return `<comment ref="` + n.t.cell + `" authorId="` + strconv.Itoa(author) + `"><text><r><rPr><rFont val="` + fbEscAttr(font) +
		`"/><family val="2"/><color indexed="81"/><sz val="9"/></rPr><t xml:space="preserve">` + fbEscText(n.text) + `</t></r></text></comment>`
}

// fbOldComments is a comments part as the sheet had it.
type fbOldComments struct {
	doc       *fbDoc
	authors   []string
	authorsAt int // where a new author goes, -1 without <authors>
	listAt    int // where new comments go, -1 without <commentList>
	list      []fbOldComment
}

type fbOldComment struct {
	ref, text  string
	start, end int
}

func fbReadComments(part string, data []byte) (*fbOldComments, error) {
	c := &fbOldComments{doc: newFBDoc(data), authorsAt: -1, listAt: -1}
	d := c.doc
	var names [8]string
	var text strings.Builder
	err := d.each(part, func(tk tokKind) error {
		switch tk {
		case tokStart:
			if d.depth < len(names) {
				names[d.depth] = d.local()
			}
			switch {
			case d.depth == 2 && d.self && (d.local() == "authors" || d.local() == "commentList"):
				return errFBUnsupported // empty lists: not written by any spreadsheet
			case d.depth == 3 && names[2] == "commentList" && d.local() == "comment":
				c.list = append(c.list, fbOldComment{ref: d.x.attrString("ref"), start: d.start})
				text.Reset()
			}
		case tokText:
			// The text of a comment: its runs' and its plain <t>, not phonetic runs.
			if d.depth >= 5 && names[2] == "commentList" && names[d.depth] == "t" && names[d.depth-1] != "rPh" {
				text.Write(d.x.text)
			}
			if d.depth == 3 && names[2] == "authors" && names[3] == "author" {
				c.authors[len(c.authors)-1] += string(d.x.text)
			}
		case tokEnd:
			switch {
			case d.depth == 1 && names[2] == "authors":
				c.authorsAt = d.start
			case d.depth == 1 && names[2] == "commentList":
				c.listAt = d.start
			case d.depth == 2 && names[2] == "commentList" && len(c.list) > 0:
				c.list[len(c.list)-1].end, c.list[len(c.list)-1].text = d.end, text.String()
			}
		}
		if tk == tokStart && d.depth == 3 && names[2] == "authors" {
			c.authors = append(c.authors, "")
		}
		return nil
	})
	if err != nil {
		d.release()
		return nil, err
	}
	return c, nil
}

// vml returns the sheet's VML drawing with a box for each note: old is
// the drawing the sheet had (nil for none), whose boxes of re-commented
// cells give way. An old drawing is edited as bytes: Excel's VML is not
// always well-formed XML.
func (s *fbSheet) vml(old []byte, notes []fbNote) ([]byte, error) {
	id := s.ref.id * 1024
	var b bytes.Buffer
	if old == nil {
		b.WriteString(`<xml ` + fbVMLNS + ` xmlns:mv="http://macVmlSchemaUri"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="` +
			strconv.Itoa(s.ref.id) + `"></o:idmap></o:shapelayout>` + fbShapeType)
		s.shapes(&b, id, notes)
		b.WriteString("</xml>")
		return b.Bytes(), nil
	}
	end := bytes.LastIndex(old, []byte("</xml>"))
	for _, ns := range strings.Fields(fbVMLNS) {
		if !bytes.Contains(old, []byte(ns)) && !bytes.Contains(old, []byte(strings.ReplaceAll(ns, `"`, `'`))) {
			end = -1
		}
	}
	if end < 0 {
		return nil, errFBUnsupported
	}
	for rest := old; ; {
		i := bytes.Index(rest, []byte("_x0000_s"))
		if i < 0 {
			break
		}
		rest = rest[i+8:]
		n := 0
		for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
			n++
		}
		id = max(id, fbInt(string(rest[:n])))
	}
	replaced := map[[2]int]bool{}
	for _, n := range notes {
		replaced[[2]int{n.t.row - 1, n.t.col - 1}] = true
	}
	pos := 0
	for _, sh := range fbNoteShapes(old[:end]) {
		if replaced[[2]int{sh.row, sh.col}] {
			b.Write(old[pos:sh.start])
			pos = sh.end
		}
	}
	b.Write(old[pos:end])
	if !bytes.Contains(old, []byte(`"_x0000_t202"`)) && !bytes.Contains(old, []byte(`'_x0000_t202'`)) {
		b.WriteString(fbShapeType)
	}
	s.shapes(&b, id, notes)
	b.Write(old[end:])
	return b.Bytes(), nil
}

type fbShape struct{ start, end, row, col int }

// fbNoteShapes finds the note boxes of a VML drawing: <v:shape> elements
// whose client data is a note, with its 0-based row and column.
func fbNoteShapes(vml []byte) []fbShape {
	var out []fbShape
	for pos := 0; ; {
		i := bytes.Index(vml[pos:], []byte("<v:shape"))
		if i < 0 {
			return out
		}
		start := pos + i
		pos = start + len("<v:shape")
		if pos >= len(vml) || (vml[pos] != ' ' && vml[pos] != '>' && vml[pos] != '\t' && vml[pos] != '\r' && vml[pos] != '\n') {
			continue // <v:shapetype>
		}
		j := bytes.Index(vml[pos:], []byte("</v:shape>"))
		if j < 0 {
			return out
		}
		end := pos + j + len("</v:shape>")
		el := vml[start:end]
		pos = end
		if !bytes.Contains(el, []byte(`ObjectType="Note"`)) && !bytes.Contains(el, []byte(`ObjectType='Note'`)) {
			continue
		}
		row, okr := fbVMLNumber(el, "x:Row")
		col, okc := fbVMLNumber(el, "x:Column")
		if okr && okc {
			out = append(out, fbShape{start, end, row, col})
		}
	}
}

func fbVMLNumber(el []byte, name string) (int, bool) {
	_, after, ok := bytes.Cut(el, []byte("<"+name+">"))
	if !ok {
		return 0, false
	}
	v, _, ok := bytes.Cut(after, []byte("</"+name+">"))
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(v)))
	return n, err == nil
}

// shapes writes a note box per note, numbered after id.
func (s *fbSheet) shapes(b *bytes.Buffer, id int, notes []fbNote) {
	for _, n := range notes {
		id++
		fmt.Fprintf(b, `<v:shape id="_x0000_s%d" type="#_x0000_t202" style="position:absolute;73.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" `+
			`fillcolor="#FBF6D6" strokecolor="#EDEAA1"><v:fill angle="-180" color2="#FBFE82" type="gradient"><o:fill v:ext="view" type="gradientUnscaled"></o:fill></v:fill>`+
			`<v:shadow on="t" color="black" obscured="t"></v:shadow><v:path o:connecttype="none"></v:path><v:textbox style="mso-direction-alt:auto">`+
			`<div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells></x:MoveWithCells><x:SizeWithCells></x:SizeWithCells>`+
			`<x:Anchor>%s</x:Anchor><x:AutoFill>True</x:AutoFill><x:Row>%d</x:Row><x:Column>%d</x:Column></x:ClientData></v:shape>`,
			id, s.anchor(n.t.col, n.t.row, fbNoteWidth, fbNoteHeight(n.text)), n.t.row-1, n.t.col-1)
	}
}

// fbNoteHeight sizes a note box to its text: lines of about 45 characters.
func fbNoteHeight(text string) int {
	lines := 1
	for _, s := range strings.Split(text, "\n") {
		lines += 1 + len([]rune(s))/45
	}
	return min(lines*15+10, 600)
}

// anchor places a box of w × h pixels from the top left of a cell (1-based
// col and row), as excelize does: "col, 23, row, 0, endCol, x, endRow, y".
func (s *fbSheet) anchor(col, row, w, h int) string {
	colEnd, rowEnd, x2, y2 := col-1, row-1, w, h
	for colEnd < 16384 && x2 >= s.colWidth(colEnd+1) {
		colEnd++
		x2 -= s.colWidth(colEnd)
	}
	for rowEnd < 1<<20 && y2 >= s.rowHeight(rowEnd+1) {
		rowEnd++
		y2 -= s.rowHeight(rowEnd)
	}
	return fmt.Sprintf("%d, 23, %d, 0, %d, %d, %d, %d", col-1, row-1, colEnd, x2, rowEnd, y2)
}
