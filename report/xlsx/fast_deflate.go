package xlsx

import (
	"hash/crc32"
	"io"
	"runtime"
	"sync"

	kflate "github.com/klauspost/compress/flate"
)

// The sheets of the consolidated workbook are deflated in pieces on all
// cores. Each piece is compressed on its own and ends with a sync
// flush (an empty stored block), which leaves the stream byte-aligned and
// open: pieces written one after the other, and a last one that closes
// the stream, make one valid deflate stream. Where a piece ends is decided
// by the content (a number of rows, or a size reached at the end of a
// row), never by timing, so the bytes do not depend on scheduling.

// wchunk is one piece of a part's XML: given (raw) or made by gen in a
// worker, then deflated there.
type wchunk struct {
	raw []byte
	gen func(c *wchunk, w *wscratch, dst []byte) []byte
	// What gen found besides the rows: merged ranges (<mergeCell>
	// elements) and a failure.
	merges []byte
	nMerge int
	err    error

	z    []byte // deflated, ending with a sync flush
	crc  uint32 // CRC-32 of the XML
	n    int64  // length of the XML
	done chan struct{}
}

// wscratch is a worker's own memory for making pieces, kept from one
// piece to the next: what it holds never changes what a piece holds.
type wscratch struct {
	seen  wsstCache // see wsstCache
	cells []byte    // the cells of a row whose height is not known yet
}

// wpool deflates chunks on a fixed number of workers.
type wpool struct {
	jobs    chan *wchunk
	wg      sync.WaitGroup // the workers
	workers int
	raws    sync.Pool // *[]byte: buffers of XML given to be deflated
	zs      sync.Pool // *[]byte: buffers of deflated XML already written
}

func newWPool(workers int) *wpool {
	workers = max(workers, 1)
	p := &wpool{jobs: make(chan *wchunk, 2*workers), workers: workers}
	for range workers {
		p.wg.Add(1)
		go p.work()
	}
	return p
}

// newDefaultWPool has a worker per core the Go scheduler may use.
func newDefaultWPool() *wpool { return newWPool(runtime.GOMAXPROCS(0)) }

func (p *wpool) work() {
	defer p.wg.Done()
	var (
		fw      = newWFlater()
		made    []byte // the worker's buffer for generated XML
		out     wbytes // and for deflated XML
		scratch wscratch
	)
	for c := range p.jobs {
		in := c.raw
		if c.gen != nil {
			made = c.gen(c, &scratch, made[:0])
			in = made
		}
		c.n, c.crc = int64(len(in)), crc32.ChecksumIEEE(in)
		out.b = out.b[:0]
		fw.Reset(&out)
		_, _ = fw.Write(in) // appending to a slice does not fail
		_ = fw.Flush()
		c.z = append(p.zBuffer(len(out.b)), out.b...) // at its size: it may wait a while
		if c.raw != nil {
			raw := c.raw[:0]
			p.raws.Put(&raw)
			c.raw = nil
		}
		close(c.done)
	}
}

// rawBuffer returns a buffer for a chunk's XML, one the workers are done
// with if there is one.
func (p *wpool) rawBuffer() []byte {
	if b, ok := p.raws.Get().(*[]byte); ok {
		return *b
	}
	return make([]byte, 0, wChunkSize+wChunkSize/4)
}

// wbytes is an io.Writer that appends to a slice.
type wbytes struct{ b []byte }

func (w *wbytes) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

// submit queues c; its done channel closes once it is deflated.
func (p *wpool) submit(c *wchunk) {
	c.done = make(chan struct{})
	p.jobs <- c
}

// zBuffer returns an empty buffer for n bytes of deflated XML, one that a
// written chunk gave back if it is large enough.
func (p *wpool) zBuffer(n int) []byte {
	if b, ok := p.zs.Get().(*[]byte); ok && cap(*b) >= n {
		return (*b)[:0]
	}
	return make([]byte, 0, n+n/4)
}

// recycle gives a written chunk's deflated bytes back for later chunks.
func (p *wpool) recycle(c *wchunk) {
	if c.z != nil {
		z := c.z[:0]
		p.zs.Put(&z)
		c.z = nil
	}
}

// close stops the workers once the queued chunks are done.
func (p *wpool) close() {
	close(p.jobs)
	p.wg.Wait()
}

// stream makes n pieces on the pool, the i-th by piece, deflates them and
// hands them to write in order, with a bounded number in flight so that
// memory does not grow with the length of the part.
func (p *wpool) stream(n int, piece func(c *wchunk, i int, w *wscratch, dst []byte) []byte, write func(*wchunk) error) error {
	window := 2*p.workers + 2
	var queue []*wchunk
	next := 0
	fill := func() {
		for ; next < n && len(queue) < window; next++ {
			i := next
			c := &wchunk{gen: func(c *wchunk, w *wscratch, dst []byte) []byte { return piece(c, i, w, dst) }}
			p.submit(c)
			queue = append(queue, c)
		}
	}
	fill()
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		<-c.done
		if err := write(c); err != nil {
			for _, q := range queue { // let the workers finish what was queued
				<-q.done
			}
			return err
		}
		p.recycle(c)
		fill()
	}
	return nil
}

// wdeflated is a part's deflate stream as it is written: the running
// CRC-32 and sizes that the zip entry needs.
type wdeflated struct {
	w       io.Writer
	crc     uint32
	n, zlen int64
	fw      wflater
	buf     wbytes
}

// newWDeflated starts a stream to w; fw deflates the pieces made here.
func newWDeflated(w io.Writer, fw wflater) *wdeflated { return &wdeflated{w: w, fw: fw} }

// chunk writes a piece deflated by the pool.
func (d *wdeflated) chunk(c *wchunk) error {
	d.crc = crc32Combine(d.crc, c.crc, c.n)
	d.n += c.n
	d.zlen += int64(len(c.z))
	_, err := d.w.Write(c.z)
	return err
}

// text deflates a small piece here; last ends the stream.
func (d *wdeflated) text(b []byte, last bool) error {
	d.buf.b = d.buf.b[:0]
	d.fw.Reset(&d.buf)
	_, _ = d.fw.Write(b)
	if last {
		_ = d.fw.Close()
	} else {
		_ = d.fw.Flush()
	}
	return d.chunk(&wchunk{z: d.buf.b, crc: crc32.ChecksumIEEE(b), n: int64(len(b))})
}

// wflater is the deflate writer the pieces are compressed with.
type wflater interface {
	io.Writer
	Flush() error
	Close() error
	Reset(io.Writer)
}

// newWFlater is klauspost's deflate at level 1. On the task table of a
// 100,000-task month (120 MB of XML, pieces of 512 KB, one core) it took
// 215 ms for 17.6 MB where compress/flate took 763 ms for 17.8 MB at
// BestSpeed and 1.24 s for 12.3 MB at the default level; klauspost's
// levels 2 and 3 gave 4 and 6 % less for 10 % more time.
func newWFlater() wflater {
	fw, _ := kflate.NewWriter(nil, kflate.BestSpeed) // the level is valid
	return fw
}

// crc32Combine returns the CRC-32 (IEEE) of a+b from crc1 of a, crc2 of b
// and the length of b, as zlib's crc32_combine does: crc1 is multiplied by
// x^(8·len2) modulo the CRC polynomial, in the reflected bit order.
func crc32Combine(crc1, crc2 uint32, len2 int64) uint32 {
	if len2 <= 0 {
		return crc1
	}
	return crcMulMod(crcX2n(len2, 3), crc1) ^ crc2
}

// crcMulMod multiplies a and b modulo the CRC-32 polynomial (bit 31 is x^0).
func crcMulMod(a, b uint32) uint32 {
	var p uint32
	for m := uint32(1) << 31; m != 0; m >>= 1 {
		if a&m != 0 {
			p ^= b
		}
		if b&1 != 0 {
			b = b>>1 ^ crc32.IEEE
		} else {
			b >>= 1
		}
	}
	return p
}

// crcX2nTable[k] is x^(2^k) modulo the polynomial.
var crcX2nTable = func() (t [32]uint32) {
	p := uint32(1) << 30 // x^1
	t[0] = p
	for k := 1; k < 32; k++ {
		p = crcMulMod(p, p)
		t[k] = p
	}
	return t
}()

// crcX2n returns x^(n·2^k) modulo the polynomial.
func crcX2n(n int64, k uint) uint32 {
	p := uint32(1) << 31 // x^0
	for ; n != 0; n >>= 1 {
		if n&1 != 0 {
			p = crcMulMod(crcX2nTable[k&31], p)
		}
		k++
	}
	return p
}
