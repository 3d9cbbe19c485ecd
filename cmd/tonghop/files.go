package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/report/xlsx"
)

// inputExts are the file endings taken from a folder: workbooks, and the
// files that must be refused by name with a clear message.
var inputExts = []string{".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".csv", ".xltx"}

// collectInputs expands FILE|DIR arguments into a sorted list of files. A
// folder gives its workbooks (not recursively); "~$" lock files and hidden
// files are skipped.
func collectInputs(args []string, lang report.Lang) ([]string, error) {
	var files []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, &usageError{fmt.Sprintf(lang.Pick("Không tìm thấy %s: %s.", "Cannot find %s: %s."), a, describe(err, lang))}
		}
		if !st.IsDir() {
			files = append(files, a)
			continue
		}
		entries, err := os.ReadDir(a)
		if err != nil {
			return nil, &failError{fmt.Sprintf(lang.Pick("Không đọc được thư mục %s: %s.", "Cannot read folder %s: %s."), a, describe(err, lang)), err}
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".") {
				continue
			}
			if slices.Contains(inputExts, strings.ToLower(filepath.Ext(name))) {
				files = append(files, filepath.Join(a, name))
			}
		}
	}
	slices.Sort(files)
	return slices.Compact(files), nil
}

// maxInputSize bounds what is read of one input file into memory.
const maxInputSize = 50 << 20

// readInput reads a whole input file, never more than maxInputSize+1 bytes
// (the reader refuses larger files by their size). The file is opened
// read-only and closed at once: inputs are never modified or locked.
func readInput(path string) ([]byte, error) {
	var b bytes.Buffer
	return readInputInto(&b, path)
}

// readInputInto is readInput into b, sized from the file's size: reading
// every file into a fresh slice grown by doubling cost twice its size in
// garbage (230 MB at 1000 files of 115 KB).
func readInputInto(b *bytes.Buffer, path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b.Reset()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		b.Grow(int(min(fi.Size(), maxInputSize+1)) + bytes.MinRead) // ReadFrom wants MinRead spare to see EOF
	}
	_, err = b.ReadFrom(io.LimitReader(f, maxInputSize+1))
	return b.Bytes(), err
}

// writeAtomic writes a file through a temporary file in the same folder,
// renamed into place only when complete.
func writeAtomic(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriterSize(tmp, 1<<16)
	if err := write(bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	// On disk before it takes the name: after a power cut the office finds
	// the old file or the new one, never a name with nothing behind it.
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// describe turns a file-system error into words for an office user.
func describe(err error, lang report.Lang) string {
	var rl *xlsx.RowLimitError
	switch {
	case errors.As(err, &rl):
		return fmt.Sprintf(lang.Pick("trang tính “%s” cần %s dòng, nhiều hơn %s dòng mà một trang tính Excel chứa được; hãy tổng hợp riêng từng nhóm ngành hoặc địa phương",
			"the sheet “%s” needs %s rows, more than the %s an Excel sheet can hold; consolidate each group of sectors or localities separately"),
			rl.Sheet, report.Number(rl.Rows, lang), report.Number(rl.Limit, lang))
	case errors.Is(err, fs.ErrNotExist):
		return lang.Pick("không có tệp hoặc thư mục này", "no such file or folder")
	case errors.Is(err, fs.ErrPermission):
		return lang.Pick("không có quyền truy cập", "permission denied")
	case errors.Is(err, syscall.ENOSPC):
		return lang.Pick("ổ đĩa đã đầy", "the disk is full")
	case errors.Is(err, syscall.EROFS):
		return lang.Pick("ổ đĩa chỉ cho phép đọc", "the disk is read-only")
	case errors.Is(err, syscall.ENOTDIR):
		return lang.Pick("một phần của đường dẫn không phải thư mục", "part of the path is not a folder")
	case errors.Is(err, syscall.EISDIR):
		return lang.Pick("đây là thư mục, không phải tệp", "it is a folder, not a file")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return lang.Pick("lỗi hệ thống tệp (", "file system error (") + pe.Err.Error() + ")"
	}
	return lang.Pick("lỗi không xác định", "unexpected error")
}
