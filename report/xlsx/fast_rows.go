package xlsx

import (
	"errors"
	"fmt"
	"strconv"
)

// wbody is the rows of a sheet that the workbook writes itself instead of
// through excelize's cell model (see wzip).
type wbody interface {
	// dims is the last column and row holding a cell (0, 0 for none).
	dims() (cols, rows int)
	// write hands the <row> elements to d, deflated, in order.
	write(p *wpool, d *wdeflated) error
	// mergeCells is the sheet's <mergeCell> elements and their number,
	// once written.
	mergeCells() ([]byte, int)
	// end closes the rows written while the workbook was set up.
	end()
}

// wChunkSize is the XML a list sheet gathers before a piece is deflated.
const wChunkSize = 256 << 10

// wrows writes rows of a list sheet top to bottom as XML. The row being
// written is held as cells by column, so that a cell may be styled or
// written again (excelize allowed it) until the next row starts. With a
// pool (the rows written in turn while the workbook is set up: titles,
// headers) it hands each piece to the pool as soon as it is full, and the
// deflated pieces wait, in order, for the sheet to be written; without
// (a table's piece, in a worker) the rows stay in buf.
type wrows struct {
	pool   *wpool
	buf    []byte
	chunks []*wchunk
	row    int // the row being built, 0 before the first
	cells  []wpending
	height float64
	fitted bool   // the height follows from the lines of the measured cells
	scrap  []byte // the cells of a row whose height is not known yet
	nCol   int    // last column and row holding a cell
	nRow   int
	merges []byte
	nMerge int
	sst    *wsst
	seen   wsstCache
	ended  bool
	err    error
}

// wpending is a cell of the row being built. Its value is kept unboxed:
// an interface holding it would be one allocation per cell.
type wpending struct {
	set   bool
	style int
	kind  wkind
	s     string
	i     int64
	f     float64
	width float64 // measure the text's lines in this width (0: no)
}

type wkind uint8

const (
	wEmpty wkind = iota
	wText
	wInt
	wFloat
)

// value sets the cell's value from v: nil keeps the one there. It reports
// false for a type a cell cannot hold (v must not escape: see wpending).
func (c *wpending) value(v any) bool {
	switch x := v.(type) {
	case nil:
	case string:
		c.kind, c.s = wText, x
	case int:
		c.kind, c.i = wInt, int64(x)
	case float64:
		c.kind, c.f = wFloat, x
	default:
		return false
	}
	return true
}

// appendCell appends the XML of c, in column col of the row being built.
func (w *wrows) appendCell(dst []byte, c *wpending, col int) []byte {
	row := w.row
	switch c.kind {
	case wText:
		if k, ok := w.seen.lookup(w.sst, col, c.s); ok {
			return appendSharedCell(dst, col, row, c.style, k)
		}
		return appendTextCell(dst, col, row, c.style, c.s)
	case wInt:
		return appendIntCell(dst, col, row, c.style, c.i)
	case wFloat:
		return appendFloatCell(dst, col, row, c.style, c.f)
	}
	return appendEmptyCell(dst, col, row, c.style)
}

// newWRows writes rows deflated by p, texts of sst as shared strings.
func newWRows(p *wpool, sst *wsst) *wrows { return &wrows{pool: p, sst: sst} }

// at makes row the one being built, writing out the one before.
func (w *wrows) at(row int) bool {
	switch {
	case row == w.row:
		return true
	case row < w.row || row < 1:
		if w.err == nil {
			w.err = fmt.Errorf("row %d written after row %d", row, w.row)
		}
		return false
	}
	w.endRow()
	w.row = row
	return true
}

// set writes a value (nil keeps the value there) and a style.
func (w *wrows) set(col, row int, v any, style int) {
	if col < 1 || !w.at(row) {
		if w.err == nil && col < 1 {
			w.err = fmt.Errorf("column %d", col)
		}
		return
	}
	for len(w.cells) < col {
		w.cells = append(w.cells, wpending{})
	}
	c := &w.cells[col-1]
	c.set, c.style = true, style
	if !c.value(v) && w.err == nil {
		w.err = fmt.Errorf("cell %s: a value of an unknown type", wRef(col, row))
	}
}

func (w *wrows) setHeight(row int, h float64) {
	if w.at(row) {
		w.height, w.fitted = h, false
	}
}

// measure has the lines of a text cell, wrapped in width, count towards
// the height of its row (fit).
func (w *wrows) measure(col, row int, width float64) {
	if w.at(row) && col <= len(w.cells) {
		w.cells[col-1].width = width
	}
}

// fit makes the row as tall as its tallest measured cell: the lines are
// counted while the text is written, in one pass over it.
func (w *wrows) fit(row int) {
	if w.at(row) {
		w.fitted = true
	}
}

func (w *wrows) merge(c1, r1, c2, r2 int) {
	w.merges = append(w.merges, `<mergeCell ref="`...)
	w.merges = appendCol(w.merges, c1)
	w.merges = strconv.AppendInt(w.merges, int64(r1), 10)
	w.merges = append(w.merges, ':')
	w.merges = appendCol(w.merges, c2)
	w.merges = strconv.AppendInt(w.merges, int64(r2), 10)
	w.merges = append(w.merges, `"/>`...)
	w.nMerge++
}

func (w *wrows) endRow() {
	last := 0
	for i, c := range w.cells {
		if c.set {
			last = i + 1
		}
	}
	if last == 0 && w.height == 0 && !w.fitted {
		w.cells, w.height = w.cells[:0], 0
		return
	}
	if w.fitted {
		lines := 1
		b := w.scrap[:0]
		for i := range w.cells[:last] {
			c := &w.cells[i]
			switch {
			case c.kind == wText && c.width > 0:
				if k, ok := w.seen.lookup(w.sst, i+1, c.s); ok {
					b = appendSharedCell(b, i+1, w.row, c.style, k)
					lines = max(lines, wLines(c.s, c.width))
					continue
				}
				var n int
				b, n = appendTextCellLines(b, i+1, w.row, c.style, c.s, c.width)
				lines = max(lines, n)
			case c.set:
				b = w.appendCell(b, c, i+1)
			}
		}
		w.scrap = b
		w.buf = append(appendRowStart(w.buf, w.row, wRowHeight(lines, 0)), b...)
	} else {
		w.buf = appendRowStart(w.buf, w.row, w.height)
		for i := range w.cells[:last] {
			if c := &w.cells[i]; c.set {
				w.buf = w.appendCell(w.buf, c, i+1)
			}
		}
	}
	w.buf = append(w.buf, wRowEnd...)
	w.nCol, w.nRow = max(w.nCol, last), w.row
	clear(w.cells)
	w.cells, w.height, w.fitted = w.cells[:0], 0, false
	if len(w.buf) >= wChunkSize && w.pool != nil {
		w.flush()
	}
}

// flush hands the gathered XML to the pool.
func (w *wrows) flush() {
	if len(w.buf) == 0 {
		return
	}
	c := &wchunk{raw: w.buf}
	w.pool.submit(c)
	w.chunks = append(w.chunks, c)
	w.buf = w.pool.rawBuffer()
}

// end writes the last row out; the rows are complete. The rows of a
// table's piece (no pool) are ended by the piece.
func (w *wrows) end() {
	if w.pool == nil || w.ended {
		return
	}
	w.endRow()
	w.flush()
	w.buf, w.ended = nil, true
}

func (w *wrows) dims() (int, int)          { return w.nCol, w.nRow }
func (w *wrows) mergeCells() ([]byte, int) { return w.merges, w.nMerge }

func (w *wrows) write(p *wpool, d *wdeflated) error {
	if w.err != nil {
		return w.err
	}
	if !w.ended {
		return errors.New("rows not ended")
	}
	for i, c := range w.chunks {
		<-c.done
		if err := d.chunk(c); err != nil {
			return err
		}
		p.recycle(c)
		w.chunks[i] = nil
	}
	return nil
}

// appendValueCell appends a cell of the value types list sheets hold.
func appendValueCell(dst []byte, col, row, style int, v any) []byte {
	switch x := v.(type) {
	case nil:
		return appendEmptyCell(dst, col, row, style)
	case string:
		return appendTextCell(dst, col, row, style, x)
	case int:
		return appendIntCell(dst, col, row, style, int64(x))
	case float64:
		return appendFloatCell(dst, col, row, style, x)
	}
	return appendTextCell(dst, col, row, style, fmt.Sprint(v))
}

// wstreamed is a sheet whose rows are made while it is written: the pool's
// workers make and deflate the pieces, at most a few at a time. Its size
// is known beforehand (it must be: the dimension precedes the rows).
type wstreamed struct {
	cols, rows int
	// pieces is the number of pieces; piece(i) makes the XML of the i-th.
	pieces int
	piece  func(i int, w *wscratch, dst []byte) []byte
}

func (s *wstreamed) dims() (int, int)          { return s.cols, s.rows }
func (s *wstreamed) mergeCells() ([]byte, int) { return nil, 0 }
func (s *wstreamed) end()                      {}

func (s *wstreamed) write(p *wpool, d *wdeflated) error {
	piece := func(_ *wchunk, i int, w *wscratch, dst []byte) []byte { return s.piece(i, w, dst) }
	return p.stream(s.pieces, piece, d.chunk)
}
