package xlsx

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"path/filepath"
	"strconv"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/templates"
)

// FileError is returned by ReadPlan for a file that cannot be used at all.
// Its Finding says why in the user's language (Finding.Message).
type FileError struct {
	Finding report.Finding
	Err     error // the underlying cause, if any, for logs
}

func (e *FileError) Error() string { return e.Finding.Message(report.EN) }

func (e *FileError) Unwrap() error { return e.Err }

// ReadSubmission reads a submission workbook. name is the file's path as
// given (used in findings by its base name). It never fails: a file that
// cannot be used comes back with a file.* finding and no rows. The task
// table and the info sheet are found by their content, whatever the
// sheets are called; cells come back raw for the core to interpret.
func ReadSubmission(name string, r io.Reader) *report.RawSubmission {
	return readSubmissionWith(name, r, nil)
}

// Reader reads submission workbooks one after the other, reusing its
// buffers from one to the next: the RawSubmission a call returns (its rows)
// is valid only until the next call. A loader that interprets each file
// before reading the next keeps one Reader per goroutine and allocates
// the task rows (a kilobyte each) once instead of once per file. The zero
// Reader is ready to use; it is not safe for concurrent use.
type Reader struct {
	rows []report.RawRow // zero past used
	used int
}

// ReadSubmission is xlsx.ReadSubmission with rd's buffers.
func (rd *Reader) ReadSubmission(name string, r io.Reader) *report.RawSubmission {
	return rd.read(func(rows []report.RawRow) *report.RawSubmission { return readSubmissionWith(name, r, rows) })
}

// ReadSubmissionBytes is ReadSubmission of a file already in memory
// (at most the reader's size limit), without copying it: data must not
// change until the next call. A loader that reads every file into one
// reused buffer saves a copy of each file into fresh memory.
func (rd *Reader) ReadSubmissionBytes(name string, data []byte) *report.RawSubmission {
	return rd.read(func(rows []report.RawRow) *report.RawSubmission { return readSubmissionData(name, data, rows) })
}

func (rd *Reader) read(readWith func(rows []report.RawRow) *report.RawSubmission) *report.RawSubmission {
	// The last file's rows: not to be kept alive, and the table reader
	// takes zero slots.
	clear(rd.rows[:rd.used])
	raw := readWith(rd.rows[:0])
	if cap(raw.Rows) >= cap(rd.rows) && cap(raw.Rows) > 0 {
		rd.rows = raw.Rows[:cap(raw.Rows)]
	}
	// Rows are filled from the first slot on: past the rows returned the
	// slots are zero, unless the file was refused half-read (then clear
	// them all).
	rd.used = len(rd.rows)
	if len(raw.Rows) > 0 && &raw.Rows[0] == &rd.rows[0] {
		rd.used = len(raw.Rows)
	}
	return raw
}

func readSubmissionWith(name string, r io.Reader, rows []report.RawRow) *report.RawSubmission {
	data, err := readAll(r)
	if err != nil {
		return &report.RawSubmission{File: name, Name: filepath.Base(name),
			Findings: []report.Finding{at(fileFinding(report.CodeFileUnreadable, "I/O"), filepath.Base(name))}}
	}
	return readSubmissionData(name, data, rows)
}

func readSubmissionData(name string, data []byte, rows []report.RawRow) *report.RawSubmission {
	raw := &report.RawSubmission{File: name, Name: filepath.Base(name)}
	p, f := open(name, data)
	sum := sha256.Sum256(data)
	raw.SHA256 = hex.EncodeToString(sum[:])
	if p == nil {
		raw.Findings = append(raw.Findings, at(f, raw.Name))
		return raw
	}
	raw.Date1904 = p.date1904
	if perr := readSubmission(p, raw, rows); perr != nil {
		*raw = report.RawSubmission{File: raw.File, Name: raw.Name, SHA256: raw.SHA256, Date1904: raw.Date1904}
		raw.Findings = []report.Finding{at(perr.finding, raw.Name)}
	}
	return raw
}

// load reads the bytes and opens the package, or says why it cannot.
func load(name string, r io.Reader) ([]byte, *pkg, report.Finding) {
	data, err := readAll(r)
	if err != nil {
		return nil, nil, fileFinding(report.CodeFileUnreadable, "I/O")
	}
	p, f := open(name, data)
	return data, p, f
}

// open opens the package in data, or says why it cannot.
func open(name string, data []byte) (*pkg, report.Finding) {
	if f, ok := sniff(name, data); !ok {
		return nil, f
	}
	p, perr := openPackage(data)
	if perr != nil {
		return nil, perr.finding
	}
	return p, report.Finding{}
}

// readAll reads up to one byte past the size limit, into a buffer of the
// right size when r tells its length (a bytes.Reader does).
func readAll(r io.Reader) ([]byte, error) {
	lr := io.LimitReader(r, maxFileBytes+1)
	l, ok := r.(interface{ Len() int })
	if !ok {
		return io.ReadAll(lr)
	}
	b := make([]byte, 0, min(int64(l.Len()), maxFileBytes)+1)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // the length was wrong: grow
		}
		n, err := lr.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

func at(f report.Finding, file string) report.Finding {
	f.File = file
	return f
}

// sheetHead is the first rows of a sheet, where headers and info rows are,
// and the scan that read them, stopped after them (nil when the reader
// did not keep it open: see maxOpenHeads).
type sheetHead struct {
	p    *pkg
	ref  sheetRef
	rows []*srow
	stop *srow // the row the scan stopped at (read, not one of rows)
	cur  *sheetCursor
}

// maxOpenHeads is how many stopped scans the reader keeps open to read on
// (each holds a decompressor and a buffer): the task sheet and the info
// sheet are among the first of a workbook. The scans of later long sheets
// are closed; such a sheet, if chosen, is read again from its start.
const maxOpenHeads = 4

// heads reads the first rows of every sheet. The caller closes the
// returned heads (closeHeads), whatever it reads on.
func (p *pkg) heads() ([]sheetHead, *pkgError) {
	out := make([]sheetHead, 0, len(p.sheets))
	open := 0
	for _, sh := range p.sheets {
		c, perr := p.openSheet(sh)
		if perr != nil {
			closeHeads(out)
			return nil, perr
		}
		h := sheetHead{p: p, ref: sh, cur: c}
		perr = c.scan(func(r *srow) bool {
			if r.num > headInfoRows {
				h.stop = r.clone()
				return false
			}
			h.rows = append(h.rows, r.clone()) // r is reused for the next row
			return true
		})
		switch {
		case perr != nil:
		case !c.done && open < maxOpenHeads:
			open++
		case !c.done:
			c.close()
			h.cur = nil
		default:
			c.close() // read to its end: its rows and merges are all known
		}
		out = append(out, h)
		if perr != nil {
			closeHeads(out)
			return nil, perr
		}
	}
	return out, nil
}

func closeHeads(heads []sheetHead) {
	for _, h := range heads {
		if h.cur != nil {
			h.cur.close()
		}
	}
}

// all calls fn for every row of the sheet, as scanSheet does: the head's
// rows again, then the rest of the part (or, when the scan was not kept
// open, every row from a new scan). It returns the sheet's merged ranges.
// Once per sheet.
func (h *sheetHead) all(fn func(*srow) bool) ([]area, *pkgError) {
	if h.cur == nil {
		return h.p.scanSheet(h.ref, fn)
	}
	for _, r := range h.rows {
		if !fn(r) {
			return h.cur.s.merges, nil
		}
	}
	if h.stop != nil && !fn(h.stop) {
		return h.cur.s.merges, nil
	}
	if perr := h.cur.scan(fn); perr != nil {
		return nil, perr
	}
	return h.cur.s.merges, nil
}

// headInfoRows is how many rows of each sheet are looked at to find the
// task table and the info rows.
const headInfoRows = 60

// taskSheet picks the sheet whose header names the most task columns.
// Ties go to a sheet called "Nhiệm vụ", then to visible sheets, then to
// the first.
func taskSheet(heads []sheetHead, usable func(header) bool) (int, header) {
	best, bestH := -1, header{}
	rank := func(i int, h header) [4]int {
		named, visible := 0, 0
		if templates.Fold(heads[i].ref.name) == templates.Fold(templates.SheetTasks) {
			named = 1
		}
		if !heads[i].ref.hidden {
			visible = 1
		}
		u := 0
		if usable(h) {
			u = 1
		}
		return [4]int{u, h.n, named, visible}
	}
	for i, sh := range heads {
		h, ok := findHeader(sh.rows)
		if !ok {
			continue
		}
		if best < 0 || greater(rank(i, h), rank(best, bestH)) {
			best, bestH = i, h
		}
	}
	return best, bestH
}

func greater(a, b [4]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] > b[i]
		}
	}
	return false
}

func submissionUsable(h header) bool {
	return h.has(templates.FieldTitle) && h.has(templates.FieldStage)
}

func readSubmission(p *pkg, raw *report.RawSubmission, buf []report.RawRow) *pkgError {
	heads, perr := p.heads()
	if perr != nil {
		return perr
	}
	defer closeHeads(heads)
	ti, h := taskSheet(heads, submissionUsable)
	if ti < 0 {
		raw.Findings = append(raw.Findings, report.Finding{File: raw.Name, Code: report.CodeSheetMissing, Severity: report.Error})
		raw.InfoSheet, raw.Info = findInfo(p, heads, -1)
		return nil
	}
	sh := heads[ti].ref
	raw.TaskSheet, raw.HeaderRow = sh.name, h.first
	for f, col := range h.fields {
		if col > 0 {
			raw.Columns[f] = colName(col)
		}
	}
	for _, f := range []templates.Field{templates.FieldTitle, templates.FieldStage} {
		if !h.has(f) {
			raw.Findings = append(raw.Findings, report.Finding{File: raw.Name, Sheet: sh.name, Row: h.first,
				Column: f.Header("vi"), Code: report.CodeHeaderMissing, Severity: report.Error})
		}
	}
	raw.InfoSheet, raw.Info = findInfo(p, heads, ti)
	if raw.InfoSheet == "" {
		raw.Info = titleInfo(heads[ti].rows, h.first)
		if len(raw.Info) > 0 {
			raw.InfoSheet = sh.name
		}
	}
	if !submissionUsable(h) {
		return nil
	}
	rows, perr := readRows(&heads[ti], &h, buf)
	if perr != nil {
		return perr
	}
	raw.Rows = rows
	return nil
}

// readRows reads the whole task sheet and returns its data rows, in buf
// (zero, empty) when it is large enough.
func readRows(sh *sheetHead, h *header, buf []report.RawRow) ([]report.RawRow, *pkgError) {
	about := 0
	if sh.cur != nil {
		about = sh.cur.aboutRows() - h.last
	}
	t := newTableReader(h, about, buf)
	merges, perr := sh.all(func(r *srow) bool {
		t.add(r)
		return true
	})
	if perr != nil {
		return nil, perr
	}
	if t.tooBig {
		return nil, &pkgError{finding: report.Finding{Sheet: sh.ref.name, Code: report.CodeSheetTooLarge,
			Severity: report.Error, Value: "> " + strconv.Itoa(maxTaskRows), Want: strconv.Itoa(maxTaskRows)}}
	}
	fillMerged(h, t.rows, merges)
	return t.rows, nil
}

// findInfo picks the sheet (other than the task sheet skip) with the most
// key/value rows and reads them.
func findInfo(p *pkg, heads []sheetHead, skip int) (string, []report.RawInfo) {
	best, bestN := -1, 0
	for i, sh := range heads {
		if i == skip {
			continue
		}
		n := len(infoRows(sh.rows, nil))
		named := templates.Fold(sh.ref.name) == templates.Fold(templates.SheetInfo)
		if n > bestN || (n == bestN && n > 0 && named) {
			best, bestN = i, n
		}
	}
	if best < 0 {
		return "", nil
	}
	// Read the chosen sheet on to its end for its merged cells: a label
	// merged over two columns has its value after the merge.
	sh := heads[best]
	merges, perr := sh.all(func(*srow) bool { return true })
	if perr != nil {
		merges = nil
	}
	return sh.ref.name, infoRows(sh.rows, merges)
}

// titleInfo reads "Ngành: Y tế" style cells in the title block above a
// task table, for workbooks without an info sheet.
func titleInfo(rows []*srow, headerRow int) []report.RawInfo {
	var above []*srow
	for _, r := range rows {
		if r.num < headerRow {
			above = append(above, r)
		}
	}
	return infoRows(above, nil)
}
