package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"
)

// fbPackage is a workbook package being copied with edits: parts are
// read from the original zip and the changed or new ones kept here until
// write copies everything else with its compressed bytes.
type fbPackage struct {
	zr    *zip.Reader
	p     *pkg              // the reader's view: part lookup within its limits
	parts map[string][]byte // changed and new parts by lower-case name
	added []string          // new parts, in order, as named
	rels  map[string]*fbRels
	order []*fbRels // rels in the order they were read, for saving
	types *fbTypes
	ns    fbNS
}

// fbNS holds the namespaces of a package: transitional OOXML, or strict.
type fbNS struct{ main, rel, relType string }

var (
	fbTransitional = fbNS{"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
		"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
		"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"}
	fbStrict = fbNS{"http://purl.oclc.org/ooxml/spreadsheetml/main",
		"http://purl.oclc.org/ooxml/officeDocument/relationships",
		"http://purl.oclc.org/ooxml/officeDocument/relationships/"}
)

const (
	fbCoreRelType = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	fbCTSheet     = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
	fbCTComments  = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
	fbCTStyles    = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
	fbCTCore      = "application/vnd.openxmlformats-package.core-properties+xml"
	fbCTVML       = "application/vnd.openxmlformats-officedocument.vmlDrawing"
	fbCTRels      = "application/vnd.openxmlformats-package.relationships+xml"
)

// fbOpenPackage opens data as a package to annotate, or returns nil when
// the reader would not open it.
func fbOpenPackage(data []byte) *fbPackage {
	if _, ok := sniff("", data); !ok {
		return nil
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	// Only the parts edited are inflated, each within the reader's limits
	// (pkg.open), so the package's other contents need no reading here.
	p, perr := newPkg(zr, pkgLimits{})
	if perr != nil {
		return nil
	}
	return &fbPackage{zr: zr, p: p, parts: map[string][]byte{}, rels: map[string]*fbRels{}}
}

// fbBlankData is a workbook without sheets: the feedback on a file that
// could not be opened is this with the list of findings added.
var fbBlankData = sync.OnceValue(func() []byte {
	const decl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	parts := [][2]string{
		{"[Content_Types].xml", decl + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="` + fbCTRels + `"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/styles.xml" ContentType="` + fbCTStyles + `"/>` +
			`<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>` +
			`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`},
		{"_rels/.rels", decl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + fbTransitional.relType + `officeDocument" Target="xl/workbook.xml"/>` +
			`<Relationship Id="rId2" Type="` + fbTransitional.relType + `extended-properties" Target="docProps/app.xml"/></Relationships>`},
		{"docProps/app.xml", decl + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
			`<Application>tonghop</Application></Properties>`},
		{"xl/workbook.xml", decl + `<workbook xmlns="` + fbTransitional.main + `" xmlns:r="` + fbTransitional.rel + `">` +
			`<bookViews><workbookView/></bookViews><sheets/></workbook>`},
		{"xl/_rels/workbook.xml.rels", decl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + fbTransitional.relType + `styles" Target="styles.xml"/>` +
			`<Relationship Id="rId2" Type="` + fbTransitional.relType + `theme" Target="theme/theme1.xml"/></Relationships>`},
		{"xl/styles.xml", fbStylesXML(fbTransitional)},
		// Office's default theme, as excelize writes it: readers resolve
		// colours through it (excelize reports none without a theme).
		{"xl/theme/theme1.xml", fbDefaultTheme()},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p[0])
		if err == nil {
			_, err = io.WriteString(w, p[1])
		}
		if err != nil {
			panic(err) // writing to memory
		}
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
})

// fbStylesXML is a styles part with Excel's defaults: one font, the two
// reserved fills, no border, the "Normal" cell style.
func fbStylesXML(ns fbNS) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<styleSheet xmlns="` + ns.main + `">` +
		`<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
		`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
		`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
		`<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
		`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
}

// fbDefaultTheme is the theme part of a new excelize workbook.
var fbDefaultTheme = sync.OnceValue(func() string {
	var buf bytes.Buffer
	if err := excelize.NewFile().Write(&buf); err != nil {
		panic(err) // writing to memory
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		panic(err)
	}
	rc, err := zr.Open("xl/theme/theme1.xml")
	if err != nil {
		panic(err)
	}
	defer rc.Close()
	theme, err := io.ReadAll(rc)
	if err != nil {
		panic(err)
	}
	return string(theme)
})

// fbBlank returns a new blank package to put the list in.
func fbBlank() *fbPackage {
	k := fbOpenPackage(fbBlankData())
	if k == nil {
		panic("feedback: blank workbook does not open")
	}
	return k
}

// file returns the zip entry of a part, nil when there is none.
func (k *fbPackage) file(part string) *zip.File { return k.p.files[strings.ToLower(part)] }

// exists reports whether the package has the part, old or new.
func (k *fbPackage) exists(part string) bool {
	lower := strings.ToLower(part)
	_, set := k.parts[lower] // new or changed
	return set || k.p.files[lower] != nil
}

// read returns a part's contents (edited ones as edited), nil when it
// does not exist. Inflating is bounded as in the reader.
func (k *fbPackage) read(part string) ([]byte, error) {
	if b, ok := k.parts[strings.ToLower(part)]; ok {
		return b, nil
	}
	rc, perr := k.p.open(part)
	if perr != nil {
		return nil, perr
	}
	if rc == nil {
		return nil, nil
	}
	defer rc.Close()
	f := k.file(part)
	buf := bytes.NewBuffer(make([]byte, 0, min(f.UncompressedSize64, uint64(maxPartBytes))+bytes.MinRead))
	if _, err := buf.ReadFrom(rc); err != nil {
		return nil, decodeErr(part, err)
	}
	return buf.Bytes(), nil
}

// set replaces a part or adds a new one.
func (k *fbPackage) set(part string, data []byte) {
	lower := strings.ToLower(part)
	if !k.exists(part) {
		k.added = append(k.added, part)
	}
	k.parts[lower] = data
}

// unique returns a part name prefix+N+suffix that is not taken.
func (k *fbPackage) unique(prefix, suffix string) string {
	for n := 1; ; n++ {
		if name := prefix + strconv.Itoa(n) + suffix; !k.exists(name) {
			return name
		}
	}
}

// write writes the package: every original entry in its order, changed
// ones recompressed, the others copied as they are, then the new parts.
func (k *fbPackage) write(w io.Writer) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, fbCompressor)
	done := map[string]bool{}
	put := func(name string, data []byte, h *zip.FileHeader) error {
		fh := &zip.FileHeader{Name: name, Method: zip.Deflate}
		if h != nil { // the time as stored, not as parsed: a zero date would not survive
			fh.ModifiedTime, fh.ModifiedDate = h.ModifiedTime, h.ModifiedDate
		}
		fw, err := zw.CreateHeader(fh)
		if err == nil {
			_, err = fw.Write(data)
		}
		return err
	}
	for _, f := range k.zr.File {
		lower := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
		data, changed := k.parts[lower]
		var err error
		switch {
		case !changed:
			err = zw.Copy(f)
		case done[lower]: // a duplicate entry of a changed part: the first one stands
		default:
			done[lower] = true
			err = put(f.Name, data, &f.FileHeader)
		}
		if err != nil {
			return fmt.Errorf("feedback: copy %s: %w", f.Name, err)
		}
	}
	for _, name := range k.added {
		if err := put(name, k.parts[strings.ToLower(name)], nil); err != nil {
			return fmt.Errorf("feedback: write %s: %w", name, err)
		}
	}
	return zw.Close()
}

// fbFlatePool keeps deflate writers between parts and files: a new one
// allocates about a megabyte.
var fbFlatePool sync.Pool

type fbFlate struct{ *flate.Writer }

func (f fbFlate) Close() error {
	err := f.Writer.Close()
	fbFlatePool.Put(f.Writer)
	return err
}

// fbCompressor deflates at the fastest level: the parts rewritten are
// small but for the marked sheet, and the copy is short-lived.
func fbCompressor(w io.Writer) (io.WriteCloser, error) {
	if fw, ok := fbFlatePool.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return fbFlate{fw}, nil
	}
	fw, err := flate.NewWriter(w, flate.BestSpeed)
	return fbFlate{fw}, err
}

// fbRelTarget is the target of a relationship from a part in dir to part.
func fbRelTarget(dir, part string) string {
	from := strings.Split(dir, "/")
	if dir == "" {
		from = nil
	}
	to := strings.Split(part, "/")
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	return strings.Repeat("../", len(from)-i) + strings.Join(to[i:], "/")
}

// relsPart is the relationships part of a part: xl/_rels/workbook.xml.rels.
func relsPart(part string) string {
	if part == "" {
		return "_rels/.rels"
	}
	return path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
}

// fbRels is a relationships part being added to.
type fbRels struct {
	part string
	dir  string // where targets are relative to
	doc  *fbDoc // nil for a new part
	list []relation
	add  []relation
	at   int    // where new relationships go
	self bool   // the root closes itself
	root string // its start tag, for a self-closing root
}

// relations returns the relationships of the part owner ("" for the
// package), read once.
func (k *fbPackage) relations(owner string) (*fbRels, error) {
	part := relsPart(owner)
	if r, ok := k.rels[part]; ok {
		return r, nil
	}
	dir := path.Dir(owner)
	if owner == "" || dir == "." {
		dir = ""
	}
	r := &fbRels{part: part, dir: dir}
	data, err := k.read(part)
	if err != nil {
		return nil, err
	}
	if data != nil {
		d := newFBDoc(data)
		r.doc = d
		defer d.release()
		err := d.each(part, func(tk tokKind) error {
			switch {
			case tk == tokStart && d.depth == 1:
				r.at, r.self, r.root = d.end, d.self, string(d.tag())
			case tk == tokStart && d.local() == "Relationship":
				r.list = append(r.list, relation{d.x.attrString("Id"), d.x.attrString("Type"), d.x.attrString("Target")})
			case tk == tokEnd && d.depth == 0 && !r.self:
				r.at = d.start
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	k.rels[part] = r
	k.order = append(k.order, r)
	return r, nil
}

// byID returns the part a relationship points to.
func (r *fbRels) byID(id string) (relation, bool) {
	return rels{dir: r.dir, list: r.list}.byID(id)
}

// byType returns the part of the first relationship of a type.
func (r *fbRels) byType(suffix string) (string, bool) {
	return rels{dir: r.dir, list: r.list}.byType(suffix)
}

// addRel adds a relationship to part and returns its id.
func (r *fbRels) addRel(typ, part string) string {
	taken := map[string]bool{}
	for _, l := range [][]relation{r.list, r.add} {
		for _, x := range l {
			taken[x.id] = true
		}
	}
	id := ""
	for n := len(r.list) + len(r.add) + 1; ; n++ {
		if id = "rId" + strconv.Itoa(n); !taken[id] {
			break
		}
	}
	r.add = append(r.add, relation{id, typ, fbRelTarget(r.dir, part)})
	return id
}

// save puts the relationships part with its additions into k.
func (r *fbRels) save(k *fbPackage) {
	if len(r.add) == 0 {
		return
	}
	var b strings.Builder
	for _, x := range r.add {
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="%s" Target="%s"/>`, fbEscAttr(x.id), fbEscAttr(x.typ), fbEscAttr(x.target))
	}
	if r.doc == nil {
		k.set(r.part, []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+b.String()+`</Relationships>`))
		k.types.byDefault("rels", fbCTRels)
		return
	}
	if r.self {
		r.doc.replace(r.at-len(r.root), r.at, fbOpened([]byte(r.root))+b.String()+"</"+fbRootName(r.root)+">")
	} else {
		r.doc.insert(r.at, b.String())
	}
	k.set(r.part, r.doc.bytes())
}

// fbRootName is the qualified name of a start tag.
func fbRootName(tag string) string {
	name := tag[1:]
	if i := strings.IndexAny(name, " \t\r\n/>"); i >= 0 {
		name = name[:i]
	}
	return name
}

// fbTypes is [Content_Types].xml being added to.
type fbTypes struct {
	doc       *fbDoc
	defaults  map[string]bool // lower-case extensions
	overrides map[string]bool // lower-case part names, with their "/"
	add       []string
	at        int    // where new entries go
	root      string // the root's start tag, when it closes itself
}

func (k *fbPackage) contentTypes() error {
	const part = "[Content_Types].xml"
	data, err := k.read(part)
	if err != nil {
		return err
	}
	if data == nil {
		return errFBUnsupported
	}
	d := newFBDoc(data)
	defer d.release()
	t := &fbTypes{doc: d, defaults: map[string]bool{}, overrides: map[string]bool{}}
	k.types = t
	return d.each(part, func(tk tokKind) error {
		switch {
		case tk == tokStart && d.depth == 1 && d.self:
			t.root = string(d.tag())
			t.at = d.end
		case tk == tokStart && d.local() == "Default":
			t.defaults[strings.ToLower(d.x.attrString("Extension"))] = true
		case tk == tokStart && d.local() == "Override":
			t.overrides[strings.ToLower(d.x.attrString("PartName"))] = true
		case tk == tokEnd && d.depth == 0 && t.root == "":
			t.at = d.start
		}
		return nil
	})
}

// override gives a part its content type.
func (t *fbTypes) override(part, ct string) {
	name := "/" + part
	if t.overrides[strings.ToLower(name)] {
		return
	}
	t.overrides[strings.ToLower(name)] = true
	t.add = append(t.add, `<Override PartName="`+fbEscAttr(name)+`" ContentType="`+ct+`"/>`)
}

// byDefault gives an extension its content type when it has none.
func (t *fbTypes) byDefault(ext, ct string) {
	if t.defaults[ext] {
		return
	}
	t.defaults[ext] = true
	t.add = append(t.add, `<Default Extension="`+ext+`" ContentType="`+ct+`"/>`)
}

func (t *fbTypes) save(k *fbPackage) {
	if len(t.add) == 0 {
		return
	}
	if t.root != "" {
		t.doc.replace(t.at-len(t.root), t.at, fbOpened([]byte(t.root))+strings.Join(t.add, "")+"</"+fbRootName(t.root)+">")
	} else {
		t.doc.insert(t.at, strings.Join(t.add, ""))
	}
	k.set("[Content_Types].xml", t.doc.bytes())
}

// fbCoreXML fixes the document properties, so the same input gives the
// same bytes.
const fbCoreXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
	`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
	`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
	`xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
	`<dc:creator></dc:creator><cp:lastModifiedBy>` + fbAuthor + `</cp:lastModifiedBy>` +
	`<dcterms:created xsi:type="dcterms:W3CDTF">` + fbDocDate + `</dcterms:created>` +
	`<dcterms:modified xsi:type="dcterms:W3CDTF">` + fbDocDate + `</dcterms:modified></cp:coreProperties>`

// setCore replaces the document properties, or adds them.
func (k *fbPackage) setCore() error {
	root, err := k.relations("")
	if err != nil {
		return err
	}
	part, ok := root.byType("core-properties")
	if !ok {
		part = "docProps/core.xml"
		if k.exists(part) {
			part = k.unique("docProps/core", ".xml")
		}
		root.addRel(fbCoreRelType, part)
	}
	k.set(part, []byte(fbCoreXML))
	k.types.override(part, fbCTCore)
	return nil
}
