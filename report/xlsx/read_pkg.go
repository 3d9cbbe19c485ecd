package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/tonghop/tonghop/report"
)

// The reader reads the OOXML parts itself rather than through excelize:
// excelize's streaming reader drops decoder, cell and shared-string errors
// silently and gives no cell types or styles while streaming (PITFALLS).
// Reading the parts directly lets every doubt refuse the file, keeps memory
// to the task table, and gives each cell's type and style in one pass.

// pkgError is a reason to refuse the whole file.
type pkgError struct {
	finding report.Finding
	err     error
}

func (e *pkgError) Error() string {
	if e.err != nil {
		return string(e.finding.Code) + ": " + e.err.Error()
	}
	return string(e.finding.Code) + ": " + e.finding.Value
}

func (e *pkgError) Unwrap() error { return e.err }

func corrupt(what string, err error) *pkgError {
	return &pkgError{finding: fileFinding(report.CodeFileCorrupt, what), err: err}
}

// xfStyle is what the reader needs of one cell format (cellXfs entry).
type xfStyle struct {
	date, percent bool
	font          string
}

type sheetRef struct {
	name   string
	part   string // zip entry name
	hidden bool
}

// pkg is an opened workbook package.
type pkg struct {
	files    map[string]*zip.File // by lower-case name
	date1904 bool
	sheets   []sheetRef
	strs     sharedStrings
	styles   []xfStyle
	lim      pkgLimits
	unzipped int64
}

// pkgLimits bounds what is inflated of a package: each part read, by kind,
// and all the parts read together. The zero value stands for a
// submission's limits (maxPartBytes, maxUnzippedBytes).
type pkgLimits struct {
	meta  int64 // a part other than a worksheet or the shared strings
	strs  int64 // the shared-string table
	sheet int64 // a worksheet
	total int64 // every part read
}

func (p *pkg) limits() pkgLimits {
	if p.lim == (pkgLimits{}) {
		return pkgLimits{meta: maxPartBytes, strs: maxPartBytes, sheet: maxPartBytes, total: maxUnzippedBytes}
	}
	return p.lim
}

// openPackage opens data (already sniffed as a zip) as an xlsx package:
// central-directory checks, workbook, shared strings and styles.
func openPackage(data []byte) (*pkg, *pkgError) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, corrupt("ZIP", err)
	}
	p, perr := newPkg(zr, pkgLimits{})
	if perr != nil {
		return nil, perr
	}
	// Every part, whether read or not: a submission's parts are all small.
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if !partFits(f, maxPartBytes) {
			return nil, &pkgError{finding: tooLarge(int64(min(f.UncompressedSize64, 1<<62)), maxPartBytes)}
		}
	}
	if total > uint64(maxUnzippedBytes) {
		return nil, &pkgError{finding: tooLarge(int64(min(total, 1<<62)), maxUnzippedBytes)}
	}
	wbPart, perr := p.workbookPart()
	if perr != nil {
		return nil, perr
	}
	if err := p.readWorkbook(wbPart); err != nil {
		return nil, err
	}
	return p, nil
}

// newPkg makes the package of an xlsx zip: sniffed, its parts listed,
// nothing inflated yet.
func newPkg(zr *zip.Reader, lim pkgLimits) (*pkg, *pkgError) {
	useFastInflate(zr)
	if f, ok := sniffZip(zr); !ok {
		return nil, &pkgError{finding: f}
	}
	p := &pkg{files: make(map[string]*zip.File, len(zr.File)), lim: lim}
	for _, f := range zr.File {
		p.files[strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))] = f
	}
	return p, nil
}

// partFits says whether a part's directory entry is within limit once
// inflated, and not suspiciously well compressed (a zip bomb).
func partFits(f *zip.File, limit int64) bool {
	u := f.UncompressedSize64
	return u <= uint64(limit) && (u <= 1<<20 || u <= maxPartRatio*(f.CompressedSize64+1))
}

// workbookPart is the workbook part the package's relationships name.
func (p *pkg) workbookPart() (string, *pkgError) {
	rels, err := p.readRels("_rels/.rels")
	if err != nil {
		return "", err
	}
	if t, ok := rels.byType("officeDocument"); ok {
		return t, nil
	}
	return "xl/workbook.xml", nil
}

// open returns a reader of one part that counts what it inflates and fails
// past the limits, whatever the zip's headers claimed.
func (p *pkg) open(name string) (io.ReadCloser, *pkgError) {
	return p.openLimited(name, p.limits().meta)
}

// openLimited is open with limit for the part's inflated size.
func (p *pkg) openLimited(name string, limit int64) (io.ReadCloser, *pkgError) {
	f := p.files[strings.ToLower(name)]
	if f == nil {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, corrupt("ZIP", err)
	}
	return &countingReader{rc: rc, p: p, limit: limit, total: p.limits().total}, nil
}

type countingReader struct {
	rc           io.ReadCloser
	p            *pkg
	n            int64
	limit, total int64
}

var errInflateLimit = errors.New("inflated size over the limit")

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.rc.Read(b)
	c.n += int64(n)
	c.p.unzipped += int64(n)
	if c.n > c.limit || c.p.unzipped > c.total {
		return n, errInflateLimit
	}
	return n, err
}

func (c *countingReader) Close() error { return c.rc.Close() }

// decodeErr turns an error met while reading a part into a refusal.
func decodeErr(part string, err error) *pkgError {
	if errors.Is(err, errInflateLimit) {
		return &pkgError{finding: tooLarge(maxUnzippedBytes+1, maxUnzippedBytes), err: err}
	}
	if errors.Is(err, errDoctype) {
		return corrupt("DOCTYPE", err)
	}
	var se *xmlSyntaxError
	if errors.As(err, &se) {
		return corrupt("XML "+path.Base(part), err)
	}
	return corrupt("ZIP "+path.Base(part), err)
}

var errDoctype = errors.New("DOCTYPE in an XML part")

// walk calls fn for every start tag of a part with the path of local
// element names, the tag's own name last. A missing part is not an error.
func (p *pkg) walk(part string, fn func(x *xmlScanner, path []string) bool) (bool, *pkgError) {
	rc, perr := p.open(part)
	if perr != nil || rc == nil {
		return false, perr
	}
	defer rc.Close()
	x := newXMLScanner(rc)
	defer x.release()
	path := make([]string, 0, 8)
	names := map[string]string{}
	for {
		k, err := x.next()
		if err != nil {
			return true, decodeErr(part, err)
		}
		switch k {
		case tokEOF:
			return true, nil
		case tokStart:
			name, ok := names[string(x.local)]
			if !ok {
				name = string(x.local)
				names[name] = name
			}
			path = append(path, name)
			if !fn(x, path) {
				return true, nil
			}
		case tokEnd:
			path = path[:len(path)-1]
		}
	}
}

type relation struct{ id, typ, target string }

type rels struct {
	dir  string
	list []relation
}

func (r rels) resolve(target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join(r.dir, target)), "/")
}

func (r rels) byType(suffix string) (string, bool) {
	for _, x := range r.list {
		if strings.HasSuffix(x.typ, "/"+suffix) {
			return r.resolve(x.target), true
		}
	}
	return "", false
}

func (r rels) byID(id string) (relation, bool) {
	for _, x := range r.list {
		if x.id == id {
			x.target = r.resolve(x.target)
			return x, true
		}
	}
	return relation{}, false
}

// readRels reads a relationships part; dir is the folder of the part the
// relations belong to.
func (p *pkg) readRels(part string) (rels, *pkgError) {
	dir := path.Dir(path.Dir(part)) // "xl/_rels/workbook.xml.rels" -> "xl"
	if dir == "." {
		dir = ""
	}
	r := rels{dir: dir}
	_, err := p.walk(part, func(x *xmlScanner, path []string) bool {
		if path[len(path)-1] == "Relationship" {
			r.list = append(r.list, relation{x.attrString("Id"), x.attrString("Type"), x.attrString("Target")})
		}
		return true
	})
	return r, err
}

func (p *pkg) readWorkbook(part string) *pkgError {
	rl, perr := p.readSheetList(part)
	if perr != nil {
		return perr
	}
	ss, st := p.partByType(rl, part, "sharedStrings"), p.partByType(rl, part, "styles")
	if perr := p.readSharedStrings(ss); perr != nil {
		return perr
	}
	return p.readStyles(st)
}

// partByType is the workbook part related to the workbook by type, or the
// usual name for one beside it.
func (p *pkg) partByType(rl rels, workbook, typ string) string {
	if t, ok := rl.byType(typ); ok {
		return t
	}
	return path.Join(path.Dir(workbook), typ+".xml")
}

// readSheetList reads the workbook part's sheets and its relationships.
func (p *pkg) readSheetList(part string) (rels, *pkgError) {
	rl, perr := p.readRels(path.Join(path.Dir(part), "_rels", path.Base(part)+".rels"))
	if perr != nil {
		return rels{}, perr
	}
	type entry struct{ name, rid, state string }
	var entries []entry
	found, perr := p.walk(part, func(x *xmlScanner, path []string) bool {
		switch path[len(path)-1] {
		case "workbookPr":
			v := x.attrString("date1904")
			p.date1904 = v == "1" || v == "true"
		case "sheet":
			entries = append(entries, entry{x.attrString("name"), x.relAttr(), x.attrString("state")})
		}
		return true
	})
	if perr != nil {
		return rels{}, perr
	}
	if !found {
		return rels{}, corrupt("workbook.xml", errors.New("no workbook part"))
	}
	for _, e := range entries {
		rel, ok := rl.byID(e.rid)
		if !ok || !strings.HasSuffix(rel.typ, "/worksheet") {
			continue // chart sheets, dialog sheets, dangling entries
		}
		if p.files[strings.ToLower(rel.target)] == nil {
			return rels{}, corrupt("ZIP", fmt.Errorf("sheet %q: missing part %s", e.name, rel.target))
		}
		p.sheets = append(p.sheets, sheetRef{name: e.name, part: rel.target, hidden: e.state == "hidden" || e.state == "veryHidden"})
	}
	return rl, nil
}

// sharedStrings is a workbook's shared-string table: every string is a
// slice of one text, so the table costs two allocations however many
// strings it has, and a cell's text costs none.
type sharedStrings struct {
	text string
	ends []uint32 // end of each string in text
}

func (t *sharedStrings) len() int { return len(t.ends) }

func (t *sharedStrings) at(i int) string {
	from := uint32(0)
	if i > 0 {
		from = t.ends[i-1]
	}
	return t.text[from:t.ends[i]]
}

func (p *pkg) numStrings() int { return p.strs.len() }

func (p *pkg) sharedString(i int) string { return p.strs.at(i) }

// sstArenas keeps the buffers shared-string tables are gathered in.
var sstArenas = sync.Pool{New: func() any { return new([]byte) }}

// readSharedStrings reads the shared-string table: each <si>'s text, that
// of its <t> elements (directly inside them, phonetic runs left out), with
// Excel's _xHHHH_ escapes decoded. A missing part is an empty table.
func (p *pkg) readSharedStrings(part string) *pkgError {
	rc, perr := p.openLimited(part, p.limits().strs)
	if perr != nil || rc == nil {
		return perr
	}
	defer rc.Close()
	x := newXMLScanner(rc)
	defer x.release()
	ap := sstArenas.Get().(*[]byte)
	defer sstArenas.Put(ap)
	arena := (*ap)[:0]
	if f := p.files[strings.ToLower(part)]; f != nil && uint64(cap(arena)) < f.UncompressedSize64 {
		// The text is shorter than the part: one allocation, not a
		// doubling series (a hint only; the part may lie about its size).
		arena = make([]byte, 0, min(f.UncompressedSize64, 4<<20))
	}
	var ends []uint32
	last := 0 // end of the last string
	inSI, inT, phonetic := false, false, false
	end := func() {
		if bytes.Contains(arena[last:], []byte("_x")) {
			s := appendUnescapeOOXML(nil, arena[last:])
			arena = append(arena[:last], s...)
		}
		last = len(arena)
		ends = append(ends, uint32(last))
	}
	for {
		if !phonetic {
			// Most strings: read whole, without a token for each part.
			if t, ok := x.simpleString(); ok {
				arena = append(arena[:last], t...)
				end()
				inSI, inT = false, false
				continue
			}
		}
		k, err := x.next()
		if err != nil {
			return decodeErr(part, err)
		}
		switch k {
		case tokEOF:
			if len(arena) > math.MaxUint32 {
				return &pkgError{finding: tooLarge(int64(len(arena)), maxPartBytes)}
			}
			p.strs = sharedStrings{text: string(arena), ends: ends}
			if cap(arena) <= 4<<20 {
				*ap = arena
			}
			return nil
		case tokText:
			if inT && x.topLocal() == "t" {
				arena = append(arena, x.text...)
			}
		case tokStart:
			switch string(x.local) {
			case "si":
				inSI = true
				arena = arena[:last]
			case "rPh":
				phonetic = true
			case "t":
				inT = inSI && !phonetic
			}
		case tokEnd:
			switch string(x.local) {
			case "si":
				end()
				inSI = false
			case "rPh":
				phonetic = false
			case "t":
				inT = false
			}
		}
	}
}

// numFmt ids that Excel treats as dates and times, whatever the locale.
func builtinDate(id int) bool {
	return (id >= 14 && id <= 22) || (id >= 45 && id <= 47)
}

func (p *pkg) readStyles(part string) *pkgError {
	fmts := map[int]string{}
	var fonts []string
	type xf struct{ numFmt, font int }
	var xfs []xf
	_, perr := p.walk(part, func(x *xmlScanner, stack []string) bool {
		parent := ""
		if len(stack) >= 2 {
			parent = stack[len(stack)-2]
		}
		switch local := stack[len(stack)-1]; {
		case local == "numFmt" && parent == "numFmts":
			id, _ := strconv.Atoi(x.attrString("numFmtId"))
			fmts[id] = x.attrString("formatCode")
		case local == "font" && parent == "fonts" && len(stack) == 3:
			fonts = append(fonts, "")
		case local == "name" && parent == "font" && len(stack) == 4 && stack[1] == "fonts":
			if len(fonts) > 0 {
				fonts[len(fonts)-1] = x.attrString("val")
			}
		case local == "xf" && parent == "cellXfs":
			n, _ := strconv.Atoi(x.attrString("numFmtId"))
			f, _ := strconv.Atoi(x.attrString("fontId"))
			xfs = append(xfs, xf{n, f})
		}
		return true
	})
	if perr != nil {
		return perr
	}
	p.styles = make([]xfStyle, len(xfs))
	for i, x := range xfs {
		s := xfStyle{}
		if x.font >= 0 && x.font < len(fonts) {
			s.font = fonts[x.font]
		}
		if code, ok := fmts[x.numFmt]; ok {
			s.date, s.percent = classifyNumFmt(code)
		} else {
			s.date = builtinDate(x.numFmt)
			s.percent = x.numFmt == 9 || x.numFmt == 10
		}
		p.styles[i] = s
	}
	return nil
}

// classifyNumFmt tells a date/time format code and a percent format code
// apart from others, ignoring quoted text, escapes, fills and brackets
// (colours, conditions, locales) except elapsed-time ones ([h], [mm]).
func classifyNumFmt(code string) (date, percent bool) {
	// Only the first section (positive numbers) decides.
	lower := strings.ToLower(code)
	if lower == "general" || lower == "@" {
		return false, false
	}
	for i := 0; i < len(lower); i++ {
		c := lower[i]
		switch c {
		case '"':
			j := strings.IndexByte(lower[i+1:], '"')
			if j < 0 {
				return date, percent
			}
			i += j + 1
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(lower[i:], ']')
			if j < 0 {
				return date, percent
			}
			inner := lower[i+1 : i+j]
			if strings.Trim(inner, "hms") == "" && inner != "" {
				date = true
			}
			i += j
		case ';':
			return date, percent
		case '%':
			percent = true
		case 'd', 'm', 'y', 'h', 's':
			date = true
		case 'e':
			// "E+" is scientific notation, not a date part.
			if i+1 < len(lower) && (lower[i+1] == '+' || lower[i+1] == '-') {
				i++
			}
		}
	}
	return date, percent
}

// appendUnescapeOOXML appends s to dst with its _xHHHH_ escapes decoded.
func appendUnescapeOOXML(dst, s []byte) []byte {
	if !bytes.Contains(s, []byte("_x")) {
		return append(dst, s...)
	}
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if v, err := strconv.ParseUint(bytesView(s[i+2:i+6]), 16, 16); err == nil {
				dst = utf8.AppendRune(dst, rune(v))
				i += 7
				continue
			}
		}
		dst = append(dst, s[i])
		i++
	}
	return dst
}
