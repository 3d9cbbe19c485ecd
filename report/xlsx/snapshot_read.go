package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tonghop/tonghop/report"
)

// Limits of ReadSnapshot. Last period's consolidated workbook is our own
// output and as large as its month: at a million tasks (about Excel's row
// limit) it is some 220 MB, and its task table inflates to far more than
// that. Only the parts the snapshot needs are inflated (the package's and
// the workbook's relationships, the workbook, the shared strings and the
// hidden sheet), each bounded, so the file itself may be large; the task
// table is never read. Variables only so that tests can lower them.
var (
	maxSnapshotFileBytes  int64 = 2 << 30   // on disk
	maxSnapshotSheetBytes int64 = 512 << 20 // the hidden sheet, inflated
	maxSnapshotStrsBytes  int64 = 256 << 20 // the shared strings, inflated
	maxSnapshotMetaBytes  int64 = 16 << 20  // the workbook and relationships parts
)

// ReadSnapshot reads last period's figures from its consolidated workbook
// (--previous), in either language. r is the file, size bytes long: an
// *os.File is read in place, never loaded whole, and of the hidden sheet
// only one row at a time is held, streamed through the reader's strict XML
// scanner. Errors are *SnapshotError.
func ReadSnapshot(name string, r io.ReaderAt, size int64) (*report.Snapshot, error) {
	if size > maxSnapshotFileBytes {
		return nil, snapshotError(name, "tệp quá lớn", "the file is too large", nil)
	}
	var magic [4]byte
	if n, err := r.ReadAt(magic[:], 0); n < len(magic) && err != nil && err != io.EOF {
		return nil, snapshotError(name, "không đọc được tệp", "the file cannot be read", err)
	}
	if size < int64(len(magic)) || !bytes.Equal(magic[:], magicZip) {
		return nil, snapshotError(name, "tệp không phải bảng tính Excel (.xlsx)", "the file is not an Excel workbook (.xlsx)", nil)
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, snapshotError(name, "tệp bị hỏng", "the file is damaged", err)
	}
	p, perr := newPkg(zr, pkgLimits{
		meta: maxSnapshotMetaBytes, strs: maxSnapshotStrsBytes, sheet: maxSnapshotSheetBytes,
		total: 3*maxSnapshotMetaBytes + maxSnapshotStrsBytes + maxSnapshotSheetBytes,
	})
	if perr != nil {
		return nil, snapshotPkgError(name, perr, false)
	}
	sh, perr := p.findSnapshotSheet()
	if perr != nil {
		return nil, snapshotPkgError(name, perr, false)
	}
	if sh == nil {
		return nil, snapshotError(name, "tệp không phải bảng tổng hợp do tonghop tạo (thiếu trang ẩn \"tonghop\")",
			"it is not a consolidated workbook written by tonghop (the hidden sheet \"tonghop\" is missing)", nil)
	}
	snap, perr, err := p.readSnapshotSheet(*sh)
	switch {
	case perr != nil:
		return nil, snapshotPkgError(name, perr, true)
	case err != nil:
		return nil, snapshotError(name, "trang \"tonghop\" bị sửa hoặc hỏng ("+err.Error()+")",
			"the sheet \"tonghop\" was edited or is damaged ("+err.Error()+")", err)
	}
	return snap, nil
}

// findSnapshotSheet finds the hidden sheet, by name as Excel compares names,
// and reads the shared strings its cells may refer to; nil when the
// workbook has no such sheet.
func (p *pkg) findSnapshotSheet() (*sheetRef, *pkgError) {
	wb, perr := p.workbookPart()
	if perr != nil {
		return nil, perr
	}
	rl, perr := p.readSheetList(wb)
	if perr != nil {
		return nil, perr
	}
	i := slices.IndexFunc(p.sheets, func(sh sheetRef) bool { return strings.EqualFold(sh.name, wSnapSheet) })
	if i < 0 {
		return nil, nil
	}
	ss := p.partByType(rl, wb, "sharedStrings")
	if perr := p.checkPartSize(ss, p.limits().strs); perr != nil {
		return nil, perr
	}
	if perr := p.readSharedStrings(ss); perr != nil {
		return nil, perr
	}
	return &p.sheets[i], nil
}

// checkPartSize refuses a part whose directory entry says it inflates past
// limit or is suspiciously well compressed, before inflating anything (the
// inflated bytes are counted as well, whatever the entry says).
func (p *pkg) checkPartSize(part string, limit int64) *pkgError {
	if f := p.files[strings.ToLower(part)]; f != nil && !partFits(f, limit) {
		return &pkgError{finding: tooLarge(int64(min(f.UncompressedSize64, 1<<62)), limit)}
	}
	return nil
}

// readSnapshotSheet streams the hidden sheet into a snapshot: a refusal of
// the part, or the cell that does not hold what the layout says.
func (p *pkg) readSnapshotSheet(sh sheetRef) (*report.Snapshot, *pkgError, error) {
	if perr := p.checkPartSize(sh.part, p.limits().sheet); perr != nil {
		return nil, perr, nil
	}
	c, perr := p.openSheet(sh)
	if perr != nil {
		return nil, perr, nil
	}
	defer c.close()
	s := snapshotRows{size: c.aboutRows}
	var err error
	if perr := c.scan(func(r *srow) bool {
		err = s.row(r.num, r.cells)
		return err == nil
	}); perr != nil {
		return nil, perr, nil
	}
	if err != nil {
		return nil, nil, err
	}
	snap, err := s.end()
	return snap, nil, err
}

// snapshotPkgError says why the package or its hidden sheet (inSheet)
// cannot be read.
func snapshotPkgError(name string, perr *pkgError, inSheet bool) *SnapshotError {
	switch perr.finding.Code {
	case report.CodeFileTooLarge, report.CodeSheetTooLarge:
		return snapshotError(name, "tệp quá lớn", "the file is too large", perr)
	case report.CodeFileNotXLSX, report.CodeFileXLS, report.CodeFileODS, report.CodeFileEncrypted:
		return snapshotError(name, "tệp không phải bảng tính Excel (.xlsx)", "the file is not an Excel workbook (.xlsx)", perr)
	}
	if inSheet {
		return snapshotError(name, "trang \"tonghop\" bị hỏng", "the sheet \"tonghop\" is damaged", perr)
	}
	return snapshotError(name, "tệp bị hỏng", "the file is damaged", perr)
}

// snapshotRows interprets the hidden sheet's rows as they are read (the
// layout is described in snapshot.go); errors name the cell. Rows 1 to 4
// are kept until the first row of figures, the others are not kept.
type snapshotRows struct {
	head [4][]rcell
	snap *report.Snapshot
	cols [len(wSnapFields)]int // column of each Counts field, 0 if absent
	size func() int            // about how many rows the sheet has, if known
}

// row takes the next row, num, and its non-empty cells in column order.
func (s *snapshotRows) row(num int, cells []rcell) error {
	if num <= len(s.head) {
		s.head[num-1] = slices.Clone(cells) // cells is reused for the next row
		return nil
	}
	if s.snap == nil {
		if err := s.start(); err != nil {
			return err
		}
	}
	switch kind, key := snapText(cells, 1), snapText(cells, 2); kind {
	case "totals", "sector":
		var c report.Counts
		ptrs := wCountFields(&c)
		for j, col := range s.cols {
			if col == 0 {
				continue // a field added after this workbook was written
			}
			n, err := strconv.Atoi(snapText(cells, col))
			if err != nil {
				return errors.New(wRef(col, num))
			}
			*ptrs[j] = n
		}
		if kind == "totals" {
			s.snap.Totals = c
		} else {
			s.snap.Sectors[strings.Clone(key)] = c
		}
	case "task":
		st, ok := wParseStatusKey(snapText(cells, 3))
		if !ok || key == "" {
			return errors.New(wRef(3, num))
		}
		// A copy: key is part of the row's text, which need not stay.
		s.snap.Status[strings.Clone(key)] = st
	case "":
	default:
		return errors.New(wRef(1, num))
	}
	return nil
}

// start checks the rows above the figures and learns the columns of the
// fields.
func (s *snapshotRows) start() error {
	cell := func(row, col int) string { return snapText(s.head[row-1], col) }
	if cell(1, 1) != wSnapMagic {
		return errors.New("A1")
	}
	if v, err := strconv.Atoi(cell(1, 2)); err != nil || v > wSnapVersion {
		return errors.New("B1")
	}
	t, err := time.Parse("2006-01", cell(2, 2))
	if cell(2, 1) != "period" || err != nil {
		return errors.New("B2")
	}
	tasks := 0
	if s.size != nil {
		tasks = min(max(s.size()-len(s.head), 0), maxSheetRows)
	}
	s.snap = &report.Snapshot{Period: report.Period{Year: t.Year(), Month: t.Month()},
		Sectors: map[string]report.Counts{}, Status: make(map[string]report.Status, tasks)}
	for _, c := range s.head[3] {
		if c.col < 3 {
			continue
		}
		// A field named twice is read from its last column.
		if j := slices.Index(wSnapFields[:], strings.TrimSpace(c.Text)); j >= 0 {
			s.cols[j] = c.col
		}
	}
	return nil
}

// end returns the snapshot once every row is read.
func (s *snapshotRows) end() (*report.Snapshot, error) {
	if s.snap == nil {
		if err := s.start(); err != nil {
			return nil, err
		}
	}
	return s.snap, nil
}

// snapText is the text of the cell in column col (1-based), trimmed.
func snapText(cells []rcell, col int) string {
	for _, c := range cells {
		if c.col == col {
			return strings.TrimSpace(c.Text)
		}
		if c.col > col {
			break
		}
	}
	return ""
}
