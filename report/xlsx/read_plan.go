package xlsx

import (
	"io"
	"path/filepath"
	"slices"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/templates"
)

// ReadPlan reads a plan workbook: its info rows, its sectors sheet and its
// task table, each found by content. The error, a *FileError, is only for
// a file that cannot be used at all (not a workbook, damaged, no task
// table).
func ReadPlan(name string, r io.Reader) (*report.RawPlan, error) {
	base := filepath.Base(name)
	_, p, f := load(name, r)
	if p == nil {
		return nil, &FileError{Finding: at(f, base)}
	}
	plan := &report.RawPlan{File: name, Name: base, Date1904: p.date1904}
	if perr := readPlan(p, plan); perr != nil {
		return nil, &FileError{Finding: at(perr.finding, base), Err: perr.err}
	}
	return plan, nil
}

func planUsable(h header) bool {
	return h.has(templates.FieldTitle) && (h.has(templates.FieldID) || h.has(templates.FieldSector))
}

func readPlan(p *pkg, plan *report.RawPlan) *pkgError {
	heads, perr := p.heads()
	if perr != nil {
		return perr
	}
	defer closeHeads(heads)
	ti, h := taskSheet(heads, planUsable)
	if ti < 0 || !h.has(templates.FieldTitle) {
		return &pkgError{finding: report.Finding{Code: report.CodeSheetMissing, Severity: report.Error}}
	}
	sh := heads[ti].ref
	plan.TaskSheet = sh.name
	for _, f := range []templates.Field{templates.FieldID, templates.FieldSector} {
		if !h.has(f) {
			plan.Findings = append(plan.Findings, report.Finding{File: plan.Name, Sheet: sh.name, Row: h.first,
				Column: f.Header("vi"), Code: report.CodeHeaderMissing, Severity: report.Error})
		}
	}
	rows, perr := readRows(&heads[ti], &h, nil)
	if perr != nil {
		return perr
	}
	plan.Tasks = rows

	si := sectorSheet(heads, ti)
	if si >= 0 {
		sectors, perr := readSectors(&heads[si])
		if perr != nil {
			return perr
		}
		plan.Sectors = sectors
	}
	_, plan.Info = findInfoExcept(p, heads, ti, si)
	return nil
}

// sectorHeader is the header row of a sectors sheet: column -> column kind.
type sectorHeader struct {
	row  int
	cols map[int]templates.SectorColumn
}

func findSectorHeader(rows []*srow) (sectorHeader, bool) {
	var best sectorHeader
	bestN := 0
	for _, r := range rows {
		if r.num > headRows {
			break
		}
		h := sectorHeader{row: r.num, cols: map[int]templates.SectorColumn{}}
		seen := map[templates.SectorColumn]bool{}
		for _, c := range r.cells {
			if k, ok := templates.MatchSectorColumn(c.Text); ok && !c.IsNumber && !seen[k] {
				seen[k] = true
				h.cols[c.col] = k
			}
		}
		if (seen[templates.SectorCode] || seen[templates.SectorName]) && len(h.cols) >= 2 && len(h.cols) > bestN {
			best, bestN = h, len(h.cols)
		}
	}
	return best, bestN > 0
}

// sectorSheet picks the sheet, other than the task sheet, with a sectors
// header; -1 when there is none.
func sectorSheet(heads []sheetHead, task int) int {
	best, bestN := -1, 0
	for i, sh := range heads {
		if i == task {
			continue
		}
		h, ok := findSectorHeader(sh.rows)
		if !ok {
			continue
		}
		n := len(h.cols)
		if templates.Fold(sh.ref.name) == templates.Fold(templates.SheetSectors) {
			n += 10
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	return best
}

func readSectors(sh *sheetHead) ([]report.RawSectorRow, *pkgError) {
	h, _ := findSectorHeader(sh.rows)
	var out []report.RawSectorRow
	_, perr := sh.all(func(r *srow) bool {
		if r.num <= h.row {
			return true
		}
		row := report.RawSectorRow{Row: r.num}
		filled := false
		for _, c := range r.cells {
			k, ok := h.cols[c.col]
			if !ok || c.Empty() {
				continue
			}
			filled = true
			switch k {
			case templates.SectorCode:
				row.Code = c.Cell
			case templates.SectorName:
				row.Name = c.Cell
			case templates.SectorLead:
				row.Lead = c.Cell
			case templates.SectorOrder:
				row.Order = c.Cell
			}
		}
		if filled && !(row.Code.Empty() && row.Name.Empty()) && !footerRow(r) {
			out = append(out, row)
		}
		return len(out) < maxTaskRows
	})
	return out, perr
}

// findInfoExcept is findInfo skipping the task and sectors sheets.
func findInfoExcept(p *pkg, heads []sheetHead, skip ...int) (string, []report.RawInfo) {
	rest := make([]sheetHead, 0, len(heads))
	for i, h := range heads {
		if !slices.Contains(skip, i) {
			rest = append(rest, h)
		}
	}
	return findInfo(p, rest, -1)
}
