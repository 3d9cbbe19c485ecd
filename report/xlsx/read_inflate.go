package xlsx

import (
	"archive/zip"
	"errors"
	"io"
	"sync"

	"github.com/klauspost/compress/flate"
)

// The reader inflates parts with klauspost/compress's flate rather than
// the standard library's: the same format and checks (archive/zip still
// reads the directory and verifies every part's CRC-32 and size), about
// 1.6 times faster, and inflating is most of what reading a workbook
// costs. bench/floor inflates with the same, so that the floor stays the
// least any reader must do.

// useFastInflate makes zr inflate its deflated parts with klauspost's flate.
func useFastInflate(zr *zip.Reader) {
	zr.RegisterDecompressor(zip.Deflate, newInflater)
}

// inflaters keeps decompressors between parts and files: each holds a
// 32 KiB window and its tables.
var inflaters sync.Pool

func newInflater(r io.Reader) io.ReadCloser {
	if fr, ok := inflaters.Get().(io.ReadCloser); ok {
		if err := fr.(flate.Resetter).Reset(r, nil); err == nil {
			return &inflater{fr: fr}
		}
	}
	return &inflater{fr: flate.NewReader(r)}
}

// inflater returns its decompressor to the pool when closed.
type inflater struct {
	mu sync.Mutex
	fr io.ReadCloser
}

var errReadAfterClose = errors.New("read after close")

func (f *inflater) Read(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fr == nil {
		return 0, errReadAfterClose
	}
	return f.fr.Read(p)
}

func (f *inflater) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	var err error
	if f.fr != nil {
		err = f.fr.Close()
		inflaters.Put(f.fr)
		f.fr = nil
	}
	return err
}
