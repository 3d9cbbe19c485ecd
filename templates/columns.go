package templates

import "strings"

// Field identifies one column of a task table, whatever its header says.
type Field int

// The task-table columns. The order is the order of the submission template.
const (
	FieldNone Field = iota
	FieldNo         // STT, ignored on input
	FieldID
	FieldSector // plan task sheet only
	FieldTitle
	FieldOutput
	FieldSubmitTo
	FieldLead
	FieldCoordinating
	FieldDeadline
	FieldOfficer
	FieldStage
	FieldPercent
	FieldDoneDate
	FieldIssuedDoc
	FieldDifficulties
	FieldProposals
	FieldNotes
	NumFields
)

// Column is one column of the specification.
type Column struct {
	Field Field
	Vi    string   // canonical Vietnamese header
	En    string   // canonical English header
	Alt   []string // other headers departments use; matched after Fold
	Width float64  // column width in templates and outputs (characters)
}

// Columns lists every task-table column once. Submission and plan layouts
// pick from it.
var Columns = []Column{
	{FieldNo, "STT", "No.", []string{"số thứ tự", "TT", "số TT"}, 5},
	{FieldID, "Mã nhiệm vụ", "Task ID", []string{"mã NV", "mã số", "mã số nhiệm vụ", "ID", "mã", "ký hiệu nhiệm vụ", "task code"}, 10},
	{FieldSector, "Ngành", "Sector", []string{"lĩnh vực", "ngành, lĩnh vực", "ngành lĩnh vực", "mã ngành", "sector code"}, 10},
	{FieldTitle, "Tên nhiệm vụ", "Task", []string{"nhiệm vụ", "nội dung nhiệm vụ", "nội dung", "tên nhiệm vụ trọng tâm", "nhiệm vụ trọng tâm", "tên NV", "task title", "title"}, 42},
	{FieldOutput, "Sản phẩm", "Output", []string{"sản phẩm đầu ra", "hình thức văn bản", "hình thức sản phẩm", "loại văn bản"}, 14},
	{FieldSubmitTo, "Cấp trình", "Submit to", []string{"cấp trình ban hành", "cơ quan trình", "trình cấp", "cấp có thẩm quyền", "cấp ban hành"}, 14},
	{FieldLead, "Cơ quan chủ trì", "Lead agency", []string{"đơn vị chủ trì", "chủ trì", "cơ quan chủ trì thực hiện", "lead"}, 16},
	{FieldCoordinating, "Cơ quan phối hợp", "Coordinating agencies", []string{"đơn vị phối hợp", "phối hợp", "cơ quan phối hợp thực hiện", "coordinating agency"}, 18},
	{FieldDeadline, "Thời hạn", "Deadline", []string{"thời hạn hoàn thành", "thời gian hoàn thành", "hạn hoàn thành", "thời hạn trình", "hạn", "due date", "deadline date"}, 12},
	{FieldOfficer, "Cán bộ phụ trách", "Responsible officer", []string{"cán bộ theo dõi", "người phụ trách", "cán bộ thực hiện", "CB phụ trách", "chuyên viên phụ trách", "officer"}, 16},
	{FieldStage, "Giai đoạn", "Stage", []string{"tiến độ", "tiến độ thực hiện", "tình hình thực hiện", "giai đoạn thực hiện", "trạng thái", "kết quả thực hiện", "progress", "status"}, 20},
	{FieldPercent, "Tỷ lệ hoàn thành (%)", "Percent complete", []string{"tỷ lệ hoàn thành", "tỉ lệ hoàn thành", "tỷ lệ hoàn thành %", "% hoàn thành", "tỷ lệ %", "tỷ lệ", "%", "percent", "% complete"}, 10},
	{FieldDoneDate, "Ngày hoàn thành", "Completion date", []string{"ngày hoàn thành thực tế", "thời điểm hoàn thành", "ngày ban hành", "completed on", "date completed"}, 12},
	{FieldIssuedDoc, "Văn bản ban hành", "Issued document", []string{"văn bản đã ban hành", "số, ký hiệu văn bản", "số ký hiệu văn bản", "kết quả (văn bản ban hành)", "văn bản", "issued"}, 24},
	{FieldDifficulties, "Khó khăn, vướng mắc", "Difficulties", []string{"khó khăn", "vướng mắc", "khó khăn vướng mắc", "khó khăn, vướng mắc (nếu có)", "issues"}, 28},
	{FieldProposals, "Đề xuất, kiến nghị", "Proposals", []string{"đề xuất", "kiến nghị", "kiến nghị, đề xuất", "đề xuất kiến nghị", "đề xuất, kiến nghị (nếu có)", "proposal"}, 28},
	{FieldNotes, "Ghi chú", "Notes", []string{"ghi chú khác", "note", "remarks"}, 16},
}

// SubmissionFields is the column order of the submission template.
var SubmissionFields = []Field{
	FieldNo, FieldID, FieldTitle, FieldOutput, FieldSubmitTo, FieldLead, FieldCoordinating,
	FieldDeadline, FieldOfficer, FieldStage, FieldPercent, FieldDoneDate, FieldIssuedDoc,
	FieldDifficulties, FieldProposals, FieldNotes,
}

// PlanFields is the column order of the plan's "Nhiệm vụ" sheet.
var PlanFields = []Field{
	FieldNo, FieldID, FieldSector, FieldTitle, FieldOutput, FieldSubmitTo, FieldLead,
	FieldCoordinating, FieldDeadline,
}

// Col returns the specification of f.
func Col(f Field) Column {
	if f > FieldNone && f < NumFields {
		if i := colIndex[f]; i >= 0 {
			return Columns[i]
		}
	}
	return Column{}
}

// colIndex is the position of each field in Columns: Header is called for
// every cell a reader or a writer labels.
var colIndex = func() (idx [NumFields]int) {
	for f := range idx {
		idx[f] = -1
		for i, c := range Columns {
			if c.Field == Field(f) {
				idx[f] = i
				break
			}
		}
	}
	return idx
}()

// Header returns the canonical header of f in the given language ("vi" or "en").
func (f Field) Header(lang string) string {
	if f <= FieldNone || f >= NumFields || colIndex[f] < 0 {
		return ""
	}
	c := &Columns[colIndex[f]]
	if lang == "en" {
		return c.En
	}
	return c.Vi
}

var columnKeys = func() foldKeys[Field] {
	k := foldKeys[Field]{m: map[string]Field{}}
	for _, c := range Columns {
		for _, name := range append([]string{c.Vi, c.En}, c.Alt...) {
			k.set(Fold(name), c.Field)
		}
	}
	return k
}()

// MatchColumn recognises a header cell. It tries the whole folded text, then
// the text without a trailing parenthesis ("Thời hạn (dd/mm/yyyy)") and
// without a leading numbering ("(9) Giai đoạn").
func MatchColumn(header string) (Field, bool) {
	f, ok, empty := columnKeys.match(header)
	if ok || empty {
		return f, ok
	}
	// Drop a parenthesised tail or head from the original text and retry.
	if i := indexParen(header); i > 0 {
		if f, ok, _ := columnKeys.match(header[:i]); ok {
			return f, true
		}
	}
	if j := closeParen(header); j >= 0 && j+1 < len(header) {
		if f, ok, _ := columnKeys.match(header[j+1:]); ok {
			return f, true
		}
	}
	return FieldNone, false
}

// foldKeys maps folded names to what they name. It matches a text without
// folding it all: a text whose folded form would be longer than the
// longest key names nothing, and headers are tried against every cell of
// a sheet's first rows, long titles included.
type foldKeys[T any] struct {
	m       map[string]T
	longest int
}

// set maps the folded name f to v, a later name replacing an earlier one.
// (Callers fold, so that the package's initialisation order sees that
// the keys need the fold table.)
func (k *foldKeys[T]) set(f string, v T) {
	k.m[f] = v
	k.longest = max(k.longest, len(f))
}

// setFirst maps the folded name f to v unless an earlier name folds the same.
func (k *foldKeys[T]) setFirst(f string, v T) {
	if _, ok := k.m[f]; !ok {
		k.set(f, v)
	}
}

// match looks up Fold(s); empty reports that s folds to nothing.
func (k *foldKeys[T]) match(s string) (v T, ok, empty bool) {
	var buf [64]byte
	b, fits := AppendFold(buf[:0], s, k.longest)
	if !fits {
		return v, false, false
	}
	if len(b) == 0 {
		return v, false, true
	}
	v, ok = k.m[string(b)]
	return v, ok, false
}

// indexParen is the byte index of the first '(' (no byte of a multi-byte
// UTF-8 sequence is one), or -1.
func indexParen(s string) int { return strings.IndexByte(s, '(') }

func closeParen(s string) int {
	for i, r := range s {
		if r == ')' {
			return i
		}
		if r != '(' && (r < '0' || r > '9') && r != ' ' {
			return -1
		}
	}
	return -1
}
