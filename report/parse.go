package report

import (
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tonghop/tonghop/templates"
)

// exampleDate is the date shown in messages that ask for a date.
const exampleDate = "15/03/2021"

// interp carries what is needed to turn one workbook's raw cells into values
// and findings.
type interp struct {
	file      string
	sheet     string
	date1904  bool
	findings  []Finding
	texts     map[textKey]textVal // what text made of a cell's text and font
	stages    map[string]stageVal // ParseStage's answers, by text
	deadlines map[string]dateVal  // deadline's answers for text cells

	font      string // the last font asked about, and whether it is TCVN3
	fontTCVN3 bool
}

// tcvn3Font reports whether a cell's font is a TCVN3 one; the cells of a
// sheet share a handful of fonts, and a row's cells mostly the same one.
func (in *interp) tcvn3Font(font string) bool {
	if font != in.font {
		in.font, in.fontTCVN3 = font, fontHint(font) == EncTCVN3
	}
	return in.fontTCVN3
}

type stageVal struct {
	st Stage
	ok bool
}

// stage is ParseStage, remembered: a submission uses a handful of stages.
func (in *interp) stage(text string) (Stage, bool) {
	v, seen := in.stages[text]
	if !seen {
		v.st, v.ok = ParseStage(text)
		if in.stages == nil {
			in.stages = map[string]stageVal{}
		}
		in.stages[text] = v
	}
	return v.st, v.ok
}

// dateVal is what ParseDeadline made of a cell, with the cell's text
// cleaned for the row or a finding.
type dateVal struct {
	t     time.Time
	ok    bool
	clean string
}

// deadline is ParseDeadline, remembered for text cells: deadlines written
// as periods ("Quý II/2021", "Tháng 6/2021") repeat down a sheet, and each
// costs a decomposition and several regular expressions.
func (in *interp) deadline(c Cell) dateVal {
	if c.IsNumber {
		t, ok := ParseDeadline(c, in.date1904)
		return dateVal{t: t, ok: ok, clean: CleanText(c.Text)}
	}
	v, seen := in.deadlines[c.Text]
	if !seen {
		if v, seen = sharedDeadlines.get(c.Text); !seen {
			v.t, v.ok = ParseDeadline(c, in.date1904) // a text: date1904 plays no part
			v.clean = strings.Clone(CleanText(c.Text))
			sharedDeadlines.put(strings.Clone(c.Text), v)
		}
		if in.deadlines == nil {
			in.deadlines = map[string]dateVal{}
		}
		in.deadlines[c.Text] = v
	}
	return v
}

// sharedMemo remembers the answers of a pure function of a text across the
// files of a run, on every core: departments' officers, stage words and
// deadline periods recur from file to file, and the first sight of a text
// in a file costs a legacy-encoding check or a series of regular
// expressions. Each file keeps its own map in front of it, without locks.
// Keys and values must not hold on to a file's strings (clone them): the
// memo outlives the files. It stops growing at max entries.
type sharedMemo[K comparable, V any] struct {
	mu  sync.RWMutex
	m   map[K]V
	max int
}

func newSharedMemo[K comparable, V any](max int) *sharedMemo[K, V] {
	return &sharedMemo[K, V]{m: map[K]V{}, max: max}
}

func (c *sharedMemo[K, V]) get(k K) (V, bool) {
	c.mu.RLock()
	v, ok := c.m[k]
	c.mu.RUnlock()
	return v, ok
}

func (c *sharedMemo[K, V]) put(k K, v V) {
	c.mu.Lock()
	if len(c.m) < c.max {
		c.m[k] = v
	}
	c.mu.Unlock()
}

var (
	sharedTexts     = newSharedMemo[textKey, textVal](1 << 16)
	sharedDeadlines = newSharedMemo[string, dateVal](1 << 14)
)

// textKey and textVal memoise interp.text: a submission repeats the same
// agencies, stages and officers on every row, and decoding (legacy
// detection, NFC) is the costly part of reading a row.
type textKey struct{ text, font string }

type textVal struct {
	clean string // the cell's text, decoded and cleaned
	enc   string // the legacy encoding found, if any
	shown string // the text as found, for the legacy warning
}

func (in *interp) add(f Finding) {
	f.File = in.file
	if f.Sheet == "" {
		f.Sheet = in.sheet
	}
	in.findings = append(in.findings, f)
}

// text returns a cell's text, NFC and trimmed, converting legacy TCVN3/VNI
// text with a warning at the cell.
func (in *interp) text(c *Cell, row int, col string) string {
	if c.IsNumber {
		return CleanText(c.Text)
	}
	if settled(c.Text, in.tcvn3Font(c.Font)) {
		return c.Text
	}
	k := textKey{c.Text, c.Font}
	v, seen := in.texts[k]
	if !seen {
		if v, seen = sharedTexts.get(k); !seen {
			out, enc := DecodeLegacy(c.Text, c.Font)
			v = textVal{clean: strings.Clone(CleanText(out)), enc: enc}
			if enc != "" {
				v.shown = strings.Clone(shorten(CleanText(c.Text), 40))
			}
			sharedTexts.put(textKey{strings.Clone(c.Text), strings.Clone(c.Font)}, v)
		}
		if in.texts == nil {
			in.texts = map[textKey]textVal{}
		}
		in.texts[k] = v
	}
	if v.enc != "" {
		in.add(Finding{Cell: c.Ref, Row: row, Column: col, Code: CodeTextLegacy, Severity: Warning,
			Value: v.shown, Want: v.enc})
	}
	return v.clean
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// InterpretPlan turns a plan workbook's raw cells into a Plan. Rows that
// cannot be used are left out with a finding.
func InterpretPlan(raw *RawPlan) *Plan {
	p := &Plan{File: raw.Name}
	in := &interp{file: raw.Name, date1904: raw.Date1904}
	in.findings = append(in.findings, raw.Findings...)
	for _, kv := range raw.Info {
		in.sheet = templates.SheetInfo
		v := in.text(&kv.Value, 0, kv.Label)
		switch kv.Key {
		case templates.InfoGoverningBody:
			p.Info.GoverningBody = v
		case templates.InfoIssuingBody:
			p.Info.IssuingBody = v
		case templates.InfoSymbol:
			p.Info.Symbol = v
		case templates.InfoPlace:
			p.Info.Place = v
		case templates.InfoPlanTitle:
			p.Info.PlanTitle = v
		case templates.InfoBasis:
			p.Info.Basis = v
		case templates.InfoSignerTitle:
			p.Info.SignerTitle = v
		case templates.InfoSigner:
			p.Info.Signer = v
		case templates.InfoRecipients:
			p.Info.Recipients = splitList(v)
		}
	}
	in.sheet = templates.SheetSectors
	for i, sr := range raw.Sectors {
		s := Sector{
			Code: in.text(&sr.Code, sr.Row, "Mã ngành"),
			Name: in.text(&sr.Name, sr.Row, "Tên ngành"),
			Lead: in.text(&sr.Lead, sr.Row, "Cơ quan chủ trì"),
		}
		if s.Code == "" && s.Name == "" {
			continue
		}
		if s.Code == "" {
			s.Code = s.Name
		}
		if s.Name == "" {
			s.Name = s.Code
		}
		s.Order = i + 1
		if n, err := strconv.Atoi(strings.TrimSpace(sr.Order.Text)); err == nil {
			s.Order = n
		}
		if _, dup := p.Sector(s.Code); dup {
			in.add(Finding{Cell: sr.Code.Ref, Row: sr.Row, Column: "Mã ngành", Code: CodePlanInvalid, Severity: Error,
				Value: "mã ngành “" + s.Code + "” lặp lại / duplicate sector code"})
			continue
		}
		p.Sectors = append(p.Sectors, s)
	}
	sortSectors(p.Sectors)
	in.sheet = raw.TaskSheet
	seen := map[string]int{}
	for _, r := range raw.Tasks {
		t := Task{
			ID:           in.text(&r.Cells[templates.FieldID], r.Row, colName(templates.FieldID)),
			Title:        in.text(&r.Cells[templates.FieldTitle], r.Row, colName(templates.FieldTitle)),
			Output:       in.text(&r.Cells[templates.FieldOutput], r.Row, colName(templates.FieldOutput)),
			SubmitTo:     in.text(&r.Cells[templates.FieldSubmitTo], r.Row, colName(templates.FieldSubmitTo)),
			Lead:         in.text(&r.Cells[templates.FieldLead], r.Row, colName(templates.FieldLead)),
			Coordinating: in.text(&r.Cells[templates.FieldCoordinating], r.Row, colName(templates.FieldCoordinating)),
		}
		sectorText := in.text(&r.Cells[templates.FieldSector], r.Row, colName(templates.FieldSector))
		if t.ID == "" && t.Title == "" {
			continue
		}
		cellOf := func(f templates.Field) string { return r.Cells[f].Ref }
		bad := func(f templates.Field, what string) {
			in.add(Finding{Cell: cellOf(f), Row: r.Row, Column: colName(f), Code: CodePlanInvalid, Severity: Error, Value: what})
		}
		if t.ID == "" {
			bad(templates.FieldID, "nhiệm vụ “"+shorten(t.Title, 40)+"” chưa có mã / task has no id")
			continue
		}
		if prev, dup := seen[fold(t.ID)]; dup {
			bad(templates.FieldID, "mã nhiệm vụ “"+t.ID+"” trùng với dòng "+strconv.Itoa(prev)+" / duplicate task id")
			continue
		}
		seen[fold(t.ID)] = r.Row
		sec, ok := p.Sector(sectorText)
		if !ok {
			bad(templates.FieldSector, "ngành “"+sectorText+"” của nhiệm vụ "+t.ID+" không có trong trang Ngành / unknown sector")
			continue
		}
		t.Sector = sec.Code
		dc := r.Cells[templates.FieldDeadline]
		if !dc.Empty() {
			d, ok := ParseDeadline(dc, raw.Date1904)
			if !ok {
				in.add(Finding{Cell: dc.Ref, Row: r.Row, Column: colName(templates.FieldDeadline), Code: CodeDateInvalid,
					Severity: Warning, Value: CleanText(dc.Text), Want: exampleDate})
			}
			t.Deadline = d
			if !dc.IsNumber {
				t.DeadlineText = CleanText(dc.Text)
			}
		}
		p.Tasks = append(p.Tasks, t)
	}
	if len(p.Tasks) == 0 {
		in.sheet = raw.TaskSheet
		in.add(Finding{Code: CodePlanInvalid, Severity: Error, Value: "không có nhiệm vụ nào / no tasks"})
	}
	p.Findings = in.findings
	return p
}

func sortSectors(ss []Sector) {
	for i := 1; i < len(ss); i++ {
		for j := i; j > 0 && ss[j].Order < ss[j-1].Order; j-- {
			ss[j], ss[j-1] = ss[j-1], ss[j]
		}
	}
}

// splitList splits a cell listing items one per line or separated by ";".
func splitList(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == ';' }) {
		part = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(part), "-–•+ "))
		part = strings.TrimRight(part, ";.,")
		if part != "" {
			out = append(out, part)
		}
	}
	return out
}

func colName(f templates.Field) string { return f.Header("vi") }

// Interpret turns a submission workbook's raw cells into a Submission,
// checking every row against SPEC §6 and the plan (nil without one). All
// findings of the file are reported, never only the first. The
// Submission holds none of raw's strings: it outlives the file's buffers.
func Interpret(raw *RawSubmission, plan *Plan) *Submission {
	s := interpret(raw, plan)
	compactTexts(s)
	return s
}

// Check is Interpret for a caller that keeps the findings and counts, not
// the rows (validate): it returns the Submission without its rows, with the
// numbers of rows accepted and proposed. Only the few texts left are
// copied out of raw's buffers, instead of every row's (compactTexts).
func Check(raw *RawSubmission, plan *Plan) (s *Submission, rows, proposed int) {
	s = interpret(raw, plan)
	rows, proposed = len(s.Rows), len(s.Proposed)
	s.Rows, s.Proposed = nil, nil
	walkTexts(s, func(p *string, _ int) { *p = strings.Clone(*p) })
	return s, rows, proposed
}

func interpret(raw *RawSubmission, plan *Plan) *Submission {
	s := &Submission{File: raw.File, Name: raw.Name, SHA256: raw.SHA256, Sheet: raw.TaskSheet}
	in := &interp{file: raw.Name, date1904: raw.Date1904}
	in.findings = append(in.findings, raw.Findings...)
	defer func() {
		SortFindings(in.findings)
		s.Findings = in.findings
	}()
	if raw.Refused() {
		s.Refused = true
		return s
	}
	// A file refused for its details (no sector, no period) still has its
	// rows checked: the department sees every problem at once.
	interpretInfo(in, raw, plan, s)
	infoRefused := s.Refused
	defer func() {
		if infoRefused {
			s.Rejected += len(s.Rows) + len(s.Proposed)
			s.Rows, s.Proposed = nil, nil
		}
	}()
	in.sheet = raw.TaskSheet
	if plan != nil && raw.Columns[templates.FieldID] == "" {
		in.add(Finding{Row: raw.HeaderRow, Column: colName(templates.FieldID), Code: CodeHeaderMissing, Severity: Error})
		s.Refused = true
		return s
	}
	if raw.Columns[templates.FieldOfficer] == "" {
		in.add(Finding{Row: raw.HeaderRow, Column: colName(templates.FieldOfficer), Code: CodeHeaderMissing, Severity: Warning})
	}
	if plan == nil && raw.Columns[templates.FieldDeadline] == "" {
		in.add(Finding{Row: raw.HeaderRow, Column: colName(templates.FieldDeadline), Code: CodeHeaderMissing, Severity: Error})
		s.Refused = true
		return s
	}
	rows := make([]Row, len(raw.Rows))
	ok := make([]bool, len(raw.Rows))
	for i := range raw.Rows {
		ok[i] = interpretRow(in, raw, &raw.Rows[i], plan, s, &rows[i])
	}
	markDuplicates(in, raw, rows, ok)
	// Sort the rows out into slices of their exact size: the rows of
	// every file stay in memory until the merge.
	const (
		accepted = iota
		rejected
		proposed
	)
	kind := make([]uint8, len(rows))
	var n [3]int
	for i := range rows {
		switch {
		case !ok[i]:
			kind[i] = rejected
		case plan != nil && !knownTask(plan, rows[i].ID):
			kind[i] = proposed
		}
		n[kind[i]]++
	}
	s.Rejected = n[rejected]
	if n[accepted] == len(rows) && len(rows) > 0 {
		s.Rows = rows
		return s
	}
	if n[accepted] > 0 {
		s.Rows = make([]Row, 0, n[accepted])
	}
	if n[proposed] > 0 {
		s.Proposed = make([]Row, 0, n[proposed])
	}
	for i := range rows {
		switch kind[i] {
		case accepted:
			s.Rows = append(s.Rows, rows[i])
		case proposed:
			s.Proposed = append(s.Proposed, rows[i])
		}
	}
	return s
}

func knownTask(plan *Plan, id string) bool {
	if id == "" {
		return false
	}
	_, ok := plan.Task(id)
	return ok
}

func interpretInfo(in *interp, raw *RawSubmission, plan *Plan, s *Submission) {
	in.sheet = raw.InfoSheet
	var sectorCell, periodCell, dateCell Cell
	for _, kv := range raw.Info {
		switch kv.Key {
		case templates.InfoSector:
			sectorCell = kv.Value
			s.SectorText = in.text(&kv.Value, 0, kv.Label)
		case templates.InfoPeriod:
			periodCell = kv.Value
		case templates.InfoReportDate:
			dateCell = kv.Value
		case templates.InfoPreparer:
			s.Preparer = in.text(&kv.Value, 0, kv.Label)
		case templates.InfoContact:
			s.Contact = in.text(&kv.Value, 0, kv.Label)
		}
	}
	// Report date.
	if !dateCell.Empty() {
		if d, ok := ParseDate(dateCell, raw.Date1904); ok {
			s.ReportDate = d
		} else {
			in.add(Finding{Cell: dateCell.Ref, Column: "Ngày báo cáo", Code: CodeDateInvalid, Severity: Error,
				Value: CleanText(dateCell.Text), Want: exampleDate})
		}
	} else {
		in.add(Finding{Cell: dateCell.Ref, Column: "Ngày báo cáo", Code: CodeReportDate, Severity: Warning, Want: exampleDate})
	}
	// Period, else the report date's month.
	switch p, ok := ParsePeriod(periodCell, raw.Date1904); {
	case ok:
		s.Period = p
	case !periodCell.Empty():
		in.add(Finding{Cell: periodCell.Ref, Column: "Kỳ báo cáo", Code: CodePeriodInvalid, Severity: Error,
			Value: CleanText(periodCell.Text), Want: "03/2021"})
		s.Refused = true
	case !s.ReportDate.IsZero():
		s.Period = PeriodOf(s.ReportDate)
		in.add(Finding{Column: "Kỳ báo cáo", Code: CodePeriodMissing, Severity: Warning, Want: s.Period.String()})
	default:
		in.add(Finding{Column: "Kỳ báo cáo", Code: CodePeriodMissing, Severity: Error, Want: "2021-03"})
		s.Refused = true
	}
	// Sector: resolved against the plan; without one, as written.
	if plan == nil {
		s.Sector = s.SectorText
		if s.Sector == "" {
			in.add(Finding{Cell: sectorCell.Ref, Column: "Ngành", Code: CodeSectorMissing, Severity: Error, Want: "YT"})
			s.Refused = true
		}
		return
	}
	if sec, ok := plan.Sector(s.SectorText); ok {
		s.Sector = sec.Code
		return
	}
	codes := make([]string, len(plan.Sectors))
	for i, sec := range plan.Sectors {
		codes[i] = sec.Code
	}
	code := "Ngành " + strings.Join(codes, ", ")
	if inferred := inferSector(raw, plan); inferred != "" {
		s.Sector = inferred
		c := CodeSectorMissing
		if s.SectorText != "" {
			c = CodeSectorUnknown
		}
		in.add(Finding{Cell: sectorCell.Ref, Column: "Ngành", Code: c, Severity: Warning, Value: s.SectorText, Want: inferred})
		return
	}
	if s.SectorText == "" {
		in.add(Finding{Cell: sectorCell.Ref, Column: "Ngành", Code: CodeSectorMissing, Severity: Error, Want: strings.Join(codes, ", ")})
	} else {
		in.add(Finding{Cell: sectorCell.Ref, Column: "Ngành", Code: CodeSectorUnknown, Severity: Error, Value: s.SectorText, Want: strings.TrimPrefix(code, "Ngành ")})
	}
	s.Refused = true
}

// inferSector returns the one sector owning every known task id of the file,
// or "" when there is none or more than one.
func inferSector(raw *RawSubmission, plan *Plan) string {
	found := ""
	for _, r := range raw.Rows {
		t, ok := plan.Task(CleanText(r.Cells[templates.FieldID].Text))
		if !ok {
			continue
		}
		if found != "" && found != t.Sector {
			return ""
		}
		found = t.Sector
	}
	return found
}

// interpretRow reads one task row into row (zero); it returns false when an
// error rejects the row.
func interpretRow(in *interp, raw *RawSubmission, rr *RawRow, plan *Plan, s *Submission, row *Row) bool {
	// ref is where a finding about field f goes: its cell, or where the
	// cell would be when it is empty. Built only for findings.
	ref := func(f templates.Field) string {
		if r := rr.Cells[f].Ref; r != "" || raw.Columns[f] == "" {
			return r
		}
		return raw.Columns[f] + strconv.Itoa(rr.Row)
	}
	txt := func(f templates.Field) string { return in.text(&rr.Cells[f], rr.Row, colName(f)) }
	row.Row, row.ID, row.Title = rr.Row, txt(templates.FieldID), txt(templates.FieldTitle)
	row.Output, row.SubmitTo = txt(templates.FieldOutput), txt(templates.FieldSubmitTo)
	row.Lead, row.Coordinating = txt(templates.FieldLead), txt(templates.FieldCoordinating)
	row.Officer, row.StageText = txt(templates.FieldOfficer), txt(templates.FieldStage)
	row.IssuedDoc, row.Difficulties = txt(templates.FieldIssuedDoc), txt(templates.FieldDifficulties)
	row.Proposals, row.Notes = txt(templates.FieldProposals), txt(templates.FieldNotes)
	ok := true
	fail := func(f templates.Field, code Code, value, want string) {
		in.add(Finding{Cell: ref(f), Row: rr.Row, Column: colName(f), Code: code, Severity: Error, Value: value, Want: want})
		ok = false
	}
	warn := func(f templates.Field, code Code, value, want string) {
		in.add(Finding{Cell: ref(f), Row: rr.Row, Column: colName(f), Code: code, Severity: Warning, Value: value, Want: want})
	}
	var task Task
	inPlan := false
	if plan != nil && row.ID != "" {
		task, inPlan = plan.Task(row.ID)
	}
	switch {
	case plan != nil && !inPlan:
		warn(templates.FieldID, CodeTaskUnknownID, row.ID, "")
	case inPlan && s.Sector != "" && task.Sector != s.Sector:
		in.add(Finding{Cell: ref(templates.FieldID), Row: rr.Row, Column: colName(templates.FieldID), Code: CodeTaskWrongSector,
			Severity: Error, Value: row.ID, Want: task.Sector, Other: s.Sector})
		ok = false
	}
	if row.Title == "" && !inPlan {
		fail(templates.FieldTitle, CodeTitleMissing, "", "")
	}
	// Stage.
	if row.StageText == "" {
		fail(templates.FieldStage, CodeStageMissing, "", "")
	} else if st, good := in.stage(row.StageText); good {
		row.Stage = st
	} else {
		fail(templates.FieldStage, CodeStageUnknown, row.StageText, stageList())
	}
	// Deadline: the plan's value wins.
	if dc := rr.Cells[templates.FieldDeadline]; !dc.Empty() {
		d := in.deadline(dc)
		switch {
		case !d.ok && inPlan:
			warn(templates.FieldDeadline, CodeDateInvalid, d.clean, exampleDate)
		case !d.ok:
			fail(templates.FieldDeadline, CodeDateInvalid, d.clean, exampleDate)
		default:
			row.Deadline = d.t
			if !dc.IsNumber {
				row.DeadlineText = d.clean
			}
		}
	} else if plan == nil {
		fail(templates.FieldDeadline, CodeDeadlineMissing, "", "")
	}
	// Percent.
	if pc := rr.Cells[templates.FieldPercent]; !pc.Empty() {
		if v, good := ParsePercent(pc); good {
			row.Percent, row.HasPercent = v, true
		} else {
			warn(templates.FieldPercent, CodePercentInvalid, CleanText(pc.Text), "")
		}
	}
	// Completion date.
	if ddc := rr.Cells[templates.FieldDoneDate]; !ddc.Empty() {
		if d, good := ParseDate(ddc, in.date1904); good {
			row.DoneDate = d
		} else {
			fail(templates.FieldDoneDate, CodeDateInvalid, CleanText(ddc.Text), exampleDate)
		}
	}
	if row.Stage == StageDone {
		switch {
		case row.DoneDate.IsZero() && ok && rr.Cells[templates.FieldDoneDate].Empty():
			fail(templates.FieldDoneDate, CodeDoneMissingDate, "", exampleDate)
		case !row.DoneDate.IsZero() && !s.ReportDate.IsZero() && row.DoneDate.After(s.ReportDate):
			fail(templates.FieldDoneDate, CodeDoneFutureDate, DateCell(row.DoneDate), DateCell(s.ReportDate))
		}
		if row.HasPercent && row.Percent < 100 {
			warn(templates.FieldPercent, CodePercentDone, Percent(row.Percent, VI), "")
		}
	} else if !row.DoneDate.IsZero() && row.Stage != StageUnknown {
		warn(templates.FieldDoneDate, CodeDateNotDone, DateCell(row.DoneDate), "")
	}
	if row.Officer == "" && raw.Columns[templates.FieldOfficer] != "" {
		warn(templates.FieldOfficer, CodeOfficerMissing, "", "")
	}
	if inPlan {
		checkAgainstPlan(row, &task, warn)
	}
	return ok
}

// checkAgainstPlan warns where the row restates a plan value differently.
func checkAgainstPlan(row *Row, t *Task, warn func(templates.Field, Code, string, string)) {
	for _, p := range []struct {
		f         templates.Field
		got, want string
	}{
		{templates.FieldOutput, row.Output, t.Output},
		{templates.FieldSubmitTo, row.SubmitTo, t.SubmitTo},
		{templates.FieldLead, row.Lead, t.Lead},
		{templates.FieldCoordinating, row.Coordinating, t.Coordinating},
	} {
		if p.got != "" && p.want != "" && p.got != p.want && fold(p.got) != fold(p.want) {
			warn(p.f, CodeTaskMismatch, shorten(p.got, 60), shorten(p.want, 60))
		}
	}
	if !row.Deadline.IsZero() && !t.Deadline.IsZero() && !row.Deadline.Equal(t.Deadline) {
		want := t.DeadlineText
		if want == "" {
			want = DateCell(t.Deadline)
		}
		got := row.DeadlineText
		if got == "" {
			got = DateCell(row.Deadline)
		}
		warn(templates.FieldDeadline, CodeTaskMismatch, got, want)
	}
}

// markDuplicates rejects every row whose id appears on more than one row:
// which of them is right only the department can say.
func markDuplicates(in *interp, raw *RawSubmission, rows []Row, ok []bool) {
	flagged := map[int]bool{}
	ref := func(i int) string {
		if c := &raw.Rows[i].Cells[templates.FieldID]; c.Ref != "" {
			return c.Ref
		}
		return raw.Columns[templates.FieldID] + strconv.Itoa(rows[i].Row)
	}
	// The folded ids, all in one string: one allocation, not one per row.
	var buf []byte
	ends := make([]int, len(rows))
	for i := range rows {
		buf, _ = templates.AppendFold(buf, rows[i].ID, -1)
		ends[i] = len(buf)
	}
	folded := string(buf)
	first := make(map[string]int, len(rows))
	for i := range rows {
		r := &rows[i]
		if r.ID == "" {
			continue
		}
		from := 0
		if i > 0 {
			from = ends[i-1]
		}
		k := folded[from:ends[i]]
		j, seen := first[k]
		if !seen {
			first[k] = i
			continue
		}
		in.add(Finding{Cell: ref(i), Row: r.Row, Column: colName(templates.FieldID), Code: CodeTaskDuplicateID, Severity: Error,
			Value: r.ID, Other: strconv.Itoa(rows[j].Row)})
		if !flagged[j] {
			flagged[j] = true
			in.add(Finding{Cell: ref(j), Row: rows[j].Row, Column: colName(templates.FieldID), Code: CodeTaskDuplicateID, Severity: Error,
				Value: r.ID, Other: strconv.Itoa(r.Row)})
		}
		ok[i], ok[j] = false, false
	}
}

func stageList() string {
	var names []string
	for _, st := range Stages {
		names = append(names, "“"+st.Label(VI)+"”")
	}
	return strings.Join(names, ", ")
}
