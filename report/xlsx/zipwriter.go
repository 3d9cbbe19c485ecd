package xlsx

import (
	"archive/zip"
	"io"

	"github.com/xuri/excelize/v2"
)

// newZipWriter is the zip writer excelize saves our workbooks with.
func newZipWriter(w io.Writer) excelize.ZipWriter { return zip.NewWriter(w) }
