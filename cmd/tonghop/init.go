package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/tonghop/tonghop/report/xlsx"
)

var initCmd = command{
	name: "init",
	usage: [2]string{
		"[--lang vi|en] THƯ_MỤC\n\n  Tạo danh mục nhiệm vụ trống (danh-muc-nhiem-vu.xlsx) kèm hướng dẫn và một dòng ví dụ ở mỗi trang.",
		"[--lang vi|en] DIR\n\n  Make a blank plan workbook (danh-muc-nhiem-vu.xlsx) with instructions and one example row per sheet.",
	},
	example: "tonghop init ke-hoach-2022",
}

// planFileName is the plan workbook `init` writes.
const planFileName = "danh-muc-nhiem-vu.xlsx"

func runInit(e *env, args []string) error {
	lang := langFromArgs(args)
	var langFlag string
	fs := newFlags(initCmd, lang, e.stdout)
	fs.StringVar(&langFlag, "lang", "vi", lang.Pick("ngôn ngữ: vi hoặc en", "language: vi or en"))
	if err := parseFlags(fs, args, lang); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return &usageError{lang.Pick("Hãy chỉ ra đúng một thư mục. Xem: tonghop init -h", "Name exactly one folder. See: tonghop init -h")}
	}
	path := filepath.Join(fs.Arg(0), planFileName)
	if _, err := os.Stat(path); err == nil {
		return &failError{fmt.Sprintf(lang.Pick("Đã có %s; tonghop không ghi đè danh mục đang dùng. Hãy chọn thư mục khác hoặc đổi tên tệp cũ.", "%s already exists; tonghop does not overwrite a plan in use. Choose another folder or rename the old file."), path), nil}
	}
	if err := writeAtomic(path, func(w io.Writer) error { return xlsx.WritePlan(w, nil, parseLang(langFlag)) }); err != nil {
		return writeFailed(path, err, lang)
	}
	fmt.Fprintf(e.stdout, lang.Pick("Đã tạo danh mục nhiệm vụ trống: %s\nĐiền các trang “Thông tin”, “Ngành”, “Nhiệm vụ”, rồi tạo biểu mẫu: tonghop template --plan %s --all -o bieu-mau\n",
		"Created a blank plan: %s\nFill in the sheets “Thông tin”, “Ngành”, “Nhiệm vụ”, then make the templates: tonghop template --plan %s --all -o bieu-mau\n"), path, path)
	return nil
}
