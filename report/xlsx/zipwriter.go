package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"sort"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// newZipWriter is the zip writer excelize saves our workbooks with.
func newZipWriter(w io.Writer) excelize.ZipWriter { return zip.NewWriter(w) }

// wzip is the zip writer excelize saves the consolidated workbook with.
// It writes to the destination itself (excelize's own buffer stays empty,
// so the workbook is never held whole in memory). excelize writes each
// sheet listed in bodies with no rows; wzip takes that XML and writes the
// entry as what comes before <sheetData>, the sheet's rows, and the rest,
// with <mergeCells> at its place in the schema. Those entries are deflated
// in pieces on the pool and stored raw, with a data descriptor.
type wzip struct {
	zw     *zip.Writer
	pool   *wpool
	bodies map[string]wbody // by part name
	sst    *wsst            // written as xl/sharedStrings.xml, if any
	done   map[string]bool
	part   string // a part excelize is writing that wzip completes, if any
	skel   bytes.Buffer
	fw     wflater // for the parts' beginnings and ends
}

// The parts that declare the shared-string table wzip adds (excelize
// writes none: it holds no text of its own).
const (
	wSSTPart    = "xl/sharedStrings.xml"
	wTypesPart  = "[Content_Types].xml"
	wRelsPart   = "xl/_rels/workbook.xml.rels"
	wSSTType    = `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"></Override>`
	wSSTRelID   = "rIdSharedStrings"
	wSSTRelship = `<Relationship Id="` + wSSTRelID + `" Target="sharedStrings.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"></Relationship>`
)

func newWZip(w io.Writer, p *wpool, bodies map[string]wbody, sst *wsst) *wzip {
	return &wzip{zw: zip.NewWriter(w), pool: p, bodies: bodies, sst: sst, done: map[string]bool{}}
}

func (z *wzip) Create(name string) (io.Writer, error) {
	if err := z.endPart(); err != nil {
		return nil, err
	}
	_, body := z.bodies[name]
	declares := z.sst != nil && (name == wTypesPart || name == wRelsPart)
	if name == wSSTPart && z.sst != nil {
		return nil, errors.New("excelize wrote shared strings of its own")
	}
	if body || declares {
		z.part = name
		z.skel.Reset()
		return &z.skel, nil
	}
	// As zip.Writer.Create, which excelize would call.
	return z.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
}

// declare adds the shared-string table to the content types or to the
// workbook's relationships.
func (z *wzip) declare(name string, content []byte) error {
	add, end := wSSTType, "</Types>"
	if name == wRelsPart {
		add, end = wSSTRelship, "</Relationships>"
		if bytes.Contains(content, []byte(`"`+wSSTRelID+`"`)) {
			return fmt.Errorf("%s: relationship %s taken", name, wSSTRelID)
		}
	}
	at := bytes.LastIndex(content, []byte(end))
	if at < 0 {
		return fmt.Errorf("%s: no %s", name, end)
	}
	w, err := z.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
	if err != nil {
		return err
	}
	_, err = w.Write(append(append(bytes.Clone(content[:at]), add...), content[at:]...))
	z.done[name] = true
	return err
}

func (z *wzip) AddFS(fs.FS) error { return errors.New("zip: AddFS not supported") }

func (z *wzip) Close() error {
	if err := z.endPart(); err != nil {
		return err
	}
	var missing []string
	for name := range z.bodies {
		if !z.done[name] {
			missing = append(missing, name)
		}
	}
	if z.sst != nil {
		for _, name := range []string{wTypesPart, wRelsPart} {
			if !z.done[name] {
				missing = append(missing, name)
			}
		}
		w, err := z.zw.CreateHeader(&zip.FileHeader{Name: wSSTPart, Method: zip.Deflate})
		if err != nil {
			return err
		}
		if _, err := w.Write(z.sst.part()); err != nil {
			return err
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return fmt.Errorf("sheet parts not written: %v", missing)
	}
	return z.zw.Close()
}

// endPart writes the sheet part whose skeleton excelize just gave.
func (z *wzip) endPart() error {
	name := z.part
	if name == "" {
		return nil
	}
	z.part = ""
	body, ok := z.bodies[name]
	if !ok {
		return z.declare(name, z.skel.Bytes())
	}
	prefix, rest, err := wsplitSheet(z.skel.Bytes())
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	fh := &zip.FileHeader{Name: name, Method: zip.Deflate, Flags: 0x8, // sizes in a data descriptor
		CreatorVersion: 20, ReaderVersion: 20}
	fw, err := z.zw.CreateRaw(fh)
	if err != nil {
		return err
	}
	if z.fw == nil {
		z.fw = newWFlater()
	}
	d := newWDeflated(fw, z.fw)
	if err := d.text(prefix, false); err != nil {
		return err
	}
	if err := body.write(z.pool, d); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	merges, n := body.mergeCells()
	suffix, err := wsheetEnd(rest, merges, n)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := d.text(suffix, true); err != nil {
		return err
	}
	// The writer keeps fh and writes the descriptor and the central
	// directory from it.
	fh.CRC32 = d.crc
	fh.CompressedSize64, fh.UncompressedSize64 = uint64(d.zlen), uint64(d.n)
	fh.CompressedSize = uint32(min(d.zlen, math.MaxUint32))
	fh.UncompressedSize = uint32(min(d.n, math.MaxUint32))
	z.done[name] = true
	return nil
}

// The elements CT_Worksheet allows between <sheetData> and <mergeCells>
// (ECMA-376 Part 1, §18.3.1.99), so that <mergeCells> goes after them.
var wBeforeMerges = map[string]bool{
	"sheetCalcPr": true, "sheetProtection": true, "protectedRanges": true, "scenarios": true,
	"autoFilter": true, "sortState": true, "dataConsolidate": true, "customSheetViews": true,
}

// wsplitSheet cuts the XML of a sheet with no rows at its empty
// <sheetData>: what goes before the rows, and the rest.
func wsplitSheet(skel []byte) (prefix, rest []byte, err error) {
	empty := []byte("<sheetData></sheetData>")
	at := bytes.Index(skel, empty)
	if at < 0 {
		empty = []byte("<sheetData/>")
		at = bytes.Index(skel, empty)
	}
	if at < 0 {
		return nil, nil, errors.New("no empty <sheetData> in the sheet")
	}
	return append(bytes.Clone(skel[:at]), "<sheetData>"...), skel[at+len(empty):], nil
}

// wsheetEnd is what follows the rows: </sheetData>, then rest with the n
// <mergeCell> elements of merges (if any) at their place.
func wsheetEnd(rest, merges []byte, n int) ([]byte, error) {
	pos := 0
	for {
		name, end, ok := wnextElement(rest[pos:])
		if name == "mergeCells" {
			return nil, errors.New("the sheet has merged cells of its own")
		}
		if !wBeforeMerges[name] {
			break
		}
		if !ok {
			return nil, fmt.Errorf("cannot find the end of <%s>", name)
		}
		pos += end
	}
	suffix := append([]byte("</sheetData>"), rest[:pos]...)
	if n > 0 {
		suffix = append(suffix, `<mergeCells count="`...)
		suffix = strconv.AppendInt(suffix, int64(n), 10)
		suffix = append(suffix, `">`...)
		suffix = append(suffix, merges...)
		suffix = append(suffix, "</mergeCells>"...)
	}
	return append(suffix, rest[pos:]...), nil
}

// wnextElement returns the name of the element b starts with and where it
// ends. It serves excelize's own output, which has no comments, no
// white space between elements and no element nested in one of its name.
func wnextElement(b []byte) (name string, end int, ok bool) {
	if len(b) < 2 || b[0] != '<' || b[1] == '/' {
		return "", 0, false
	}
	n := bytes.IndexAny(b, " />")
	gt := bytes.IndexByte(b, '>')
	if n < 0 || gt < 0 {
		return "", 0, false
	}
	name = string(b[1:n])
	if b[gt-1] == '/' {
		return name, gt + 1, true
	}
	closing := []byte("</" + name + ">")
	i := bytes.Index(b, closing)
	if i < 0 {
		return name, 0, false
	}
	return name, i + len(closing), true
}
