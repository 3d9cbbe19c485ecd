// Command floor is the least any workbook reader must do, the yardstick of
// the benchmarks: for every .xlsx in the folders given, read the file,
// inflate each worksheet and the shared-string table, and count rows, cells
// and strings by scanning the bytes; on all cores, as tonghop reads. No XML
// parsing, no values, no output files. It inflates with the decompressor
// tonghop's reader uses (klauspost/compress's flate, pooled), so that the
// floor is the least a reader must do with the best tools we use.
//
// With -rewrite it also deflates every inflated byte again, at the fastest
// level of the same library (the level tonghop writes its workbook with),
// into nothing: the least a tool must do that reads the inbox and writes
// it back once. tonghop writes more than that (its consolidated workbook
// holds the task table and the lists drawn from it: about 1,5 times the
// inbox's XML), so this second floor is still below what it must do.
//
//	go run ./bench/floor [-rewrite] DIR...
package main

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/klauspost/compress/flate"
)

type counts struct{ files, rows, cells, strings, bytes atomic.Int64 }

var rewrite = flag.Bool("rewrite", false, "also deflate every inflated byte again (level 1), as a writer of the same data must")

func main() {
	flag.Parse()
	var paths []string
	for _, arg := range flag.Args() {
		m, _ := filepath.Glob(filepath.Join(arg, "*.xlsx"))
		if len(m) == 0 {
			m = []string{arg}
		}
		paths = append(paths, m...)
	}
	sort.Strings(paths)
	var c counts
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := make([]byte, 64<<10)
			var w *flate.Writer
			if *rewrite {
				w, _ = flate.NewWriter(io.Discard, flate.BestSpeed)
			}
			for {
				i := int(next.Add(1)) - 1
				if i >= len(paths) {
					return
				}
				if err := scan(paths[i], buf, w, &c); err != nil {
					fmt.Fprintf(os.Stderr, "floor: %s: %v\n", paths[i], err)
				}
			}
		}()
	}
	wg.Wait()
	fmt.Printf("%d files, %d rows, %d cells, %d shared strings, %d bytes of XML\n",
		c.files.Load(), c.rows.Load(), c.cells.Load(), c.strings.Load(), c.bytes.Load())
}

// scan counts the rows, cells and strings of one file; with w it also
// deflates each part's bytes through w.
func scan(path string, buf []byte, w *flate.Writer, c *counts) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	zr.RegisterDecompressor(zip.Deflate, inflate)
	c.files.Add(1)
	for _, f := range zr.File {
		name := strings.ToLower(f.Name)
		var tags [][]byte
		var dst []*atomic.Int64
		switch {
		case strings.HasPrefix(name, "xl/worksheets/") && strings.HasSuffix(name, ".xml"):
			tags, dst = [][]byte{[]byte("<row "), []byte("<c ")}, []*atomic.Int64{&c.rows, &c.cells}
		case name == "xl/sharedstrings.xml":
			tags, dst = [][]byte{[]byte("<si>")}, []*atomic.Int64{&c.strings}
		default:
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		var r io.Reader = rc
		if w != nil {
			w.Reset(io.Discard)
			r = io.TeeReader(rc, w)
		}
		n, total, err := count(r, buf, tags)
		rc.Close()
		if w != nil && err == nil {
			err = w.Close()
		}
		if err != nil {
			return err
		}
		for i, d := range dst {
			d.Add(n[i])
		}
		c.bytes.Add(total)
	}
	return nil
}

// count counts the occurrences of each tag in r, across buffer boundaries.
func count(r io.Reader, buf []byte, tags [][]byte) ([]int64, int64, error) {
	n := make([]int64, len(tags))
	var total int64
	const keep = 8 // longer than any tag
	carry := 0
	for {
		m, err := r.Read(buf[carry:])
		total += int64(m)
		win := buf[:carry+m]
		for i, t := range tags {
			n[i] += int64(bytes.Count(win, t))
		}
		// Keep the tail so a tag cut by the buffer is seen once: drop
		// any tag wholly inside the kept tail from the next count.
		if len(win) > keep {
			tail := win[len(win)-keep:]
			for i, t := range tags {
				n[i] -= int64(bytes.Count(tail, t))
			}
			copy(buf, tail)
			carry = keep
		} else {
			carry = len(win)
			for i, t := range tags {
				n[i] -= int64(bytes.Count(win, t))
			}
		}
		if err == io.EOF {
			for i, t := range tags {
				n[i] += int64(bytes.Count(buf[:carry], t))
			}
			return n, total, nil
		}
		if err != nil {
			return n, total, err
		}
	}
}

var inflaters sync.Pool

// inflate is a pooled klauspost flate reader, as the reader's.
func inflate(r io.Reader) io.ReadCloser {
	if fr, ok := inflaters.Get().(io.ReadCloser); ok && fr.(flate.Resetter).Reset(r, nil) == nil {
		return pooled{fr}
	}
	return pooled{flate.NewReader(r)}
}

type pooled struct{ io.ReadCloser }

func (p pooled) Close() error {
	err := p.ReadCloser.Close()
	inflaters.Put(p.ReadCloser)
	return err
}
