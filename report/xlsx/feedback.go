package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"slices"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/templates"
)

// Fill colours of problem cells: Excel's own "bad" red and "neutral"
// yellow, which stay readable printed in black and white.
const (
	fbErrorFill   = "FFC7CE"
	fbWarningFill = "FFEB9C"
	fbAuthor      = "tonghop"
	fbDocDate     = "2000-01-01T00:00:00Z"
)

// WriteFeedback writes a copy of the submission (original bytes) with
// every problem cell highlighted (its style kept, a fill added) and
// commented, plus a first sheet listing every finding with a link to its
// cell. For a file that could not be opened, or whose package cannot be
// annotated safely, it writes a new workbook with only the list. The
// output is deterministic: same input, same bytes. ext is the file
// extension the output must be saved under: ".xlsx", or the original's
// own for a copy of a macro-enabled workbook or a template.
//
// The copy is the original package with a few parts edited (see
// feedback_xml.go): what needs no change keeps its compressed bytes.
func WriteFeedback(w io.Writer, original []byte, findings []report.Finding, lang report.Lang) (ext string, err error) {
	fs := slices.Clone(findings)
	report.SortFindings(fs)
	// A file refused as a whole gets no copy, nor does one with a sheet over
	// Excel's row limit: Excel would not open the copy either.
	copyable := !slices.ContainsFunc(fs, func(f report.Finding) bool { return f.IsFile() || f.Code == report.CodeSheetTooLarge })
	if copyable {
		if k := fbOpenPackage(original); k != nil && k.annotate(fs, lang) == nil {
			return k.extension(), k.write(w)
		}
	}
	k := fbBlank()
	if err := k.annotate(fs, lang); err != nil {
		return "", fmt.Errorf("feedback: list of findings: %w", err)
	}
	return ".xlsx", k.write(w)
}

// fbMainTypes maps the content type of a workbook's main part to the file
// extension Excel insists on for it: a macro-enabled workbook or a template
// saved under ".xlsx" is refused as "not valid" without a way to open it.
var fbMainTypes = []struct{ contentType, ext string }{
	{"application/vnd.ms-excel.sheet.macroEnabled.main+xml", ".xlsm"},
	{"application/vnd.ms-excel.template.macroEnabled.main+xml", ".xltm"},
	{"application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml", ".xltx"},
}

// extension is the file extension the copy needs, from its content types.
func (k *fbPackage) extension() string {
	if k.types != nil {
		ct := k.types.doc.src // the original's: the main part keeps its type
		for _, m := range fbMainTypes {
			if bytes.Contains(ct, []byte(`"`+m.contentType+`"`)) {
				return m.ext
			}
		}
	}
	return ".xlsx"
}

// annotate marks the problem cells, adds the list as the first and active
// sheet and fixes the document properties.
func (k *fbPackage) annotate(fs []report.Finding, lang report.Lang) error {
	if err := k.contentTypes(); err != nil {
		return err
	}
	b, err := k.workbook()
	if err != nil {
		return err
	}
	st, err := k.styles(b)
	if err != nil {
		return err
	}
	sheets := map[string]bool{} // the worksheets findings can point into
	for _, sh := range b.sheets {
		sheets[sh.name] = sh.part != ""
	}
	bySheet := fbTargets(fs, sheets, lang)
	for _, sh := range b.sheets {
		if sh.part == "" {
			continue
		}
		targets := bySheet[sh.name]
		s, err := k.patchSheet(sh, targets, st)
		if err != nil {
			return err
		}
		if s == nil {
			continue
		}
		if len(targets) > 0 {
			if err := k.addNotes(b, s, targets, st.font0); err != nil {
				return err
			}
		}
		s.save(k)
	}
	part := k.unique(path.Join(b.dir, "worksheets", "sheet"), ".xml")
	k.set(part, fbListSheet(fs, sheets, lang, st.list, k.ns))
	b.addFirstSheet(k, b.uniqueName(lang.Pick("Góp ý", "Findings")), part)
	if err := k.setCore(); err != nil {
		return err
	}
	st.save(k)
	b.save(k)
	for _, r := range k.order {
		r.save(k)
	}
	k.types.save(k)
	return nil
}

// fbTarget is a cell that gets a fill and a comment.
type fbTarget struct {
	cell     string
	col, row int
	worst    report.Severity
	texts    []string
}

func fbLocated(f report.Finding, sheets map[string]bool) bool {
	if f.Sheet == "" || f.Cell == "" || !sheets[f.Sheet] {
		return false
	}
	_, _, err := excelize.CellNameToCoordinates(f.Cell)
	return err == nil
}

// fbTargets groups the located findings by sheet and cell, cells in the
// order of their first finding.
func fbTargets(fs []report.Finding, sheets map[string]bool, lang report.Lang) map[string][]*fbTarget {
	out := map[string][]*fbTarget{}
	index := map[[2]string]*fbTarget{}
	for _, x := range fs {
		if !fbLocated(x, sheets) {
			continue
		}
		col, row, _ := excelize.CellNameToCoordinates(x.Cell)
		cell, _ := excelize.CoordinatesToCellName(col, row) // "j5" is J5
		k := [2]string{x.Sheet, cell}
		t := index[k]
		if t == nil {
			t = &fbTarget{cell: cell, col: col, row: row}
			index[k] = t
			out[x.Sheet] = append(out[x.Sheet], t)
		}
		if x.Severity == report.Error {
			t.worst = report.Error
		}
		t.texts = append(t.texts, x.Severity.Label(lang)+": "+x.Text(lang))
	}
	return out
}

// fbEnglishColumn translates a canonical Vietnamese column or key name.
func fbEnglishColumn(vi string) string {
	if f, ok := templates.MatchColumn(vi); ok {
		return f.Header("en")
	}
	if k, ok := templates.MatchInfo(vi); ok {
		return k.Label("en")
	}
	return vi
}
