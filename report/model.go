package report

import (
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/tonghop/tonghop/templates"
)

// Lang selects the language of everything a user reads.
type Lang string

// The supported languages. Vietnamese is the default.
const (
	VI Lang = "vi"
	EN Lang = "en"
)

// Pick returns vi or en according to l.
func (l Lang) Pick(vi, en string) string {
	if l == EN {
		return en
	}
	return vi
}

// Info is the plan's "Thông tin" sheet: who issues the report and how it is signed.
type Info struct {
	GoverningBody string // "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"
	IssuingBody   string // "VĂN PHÒNG"
	Symbol        string // "BC-VP"
	Place         string // "Lâm Đồng"
	PlanTitle     string
	Basis         string // the decision that assigned the tasks
	SignerTitle   string
	Signer        string
	Recipients    []string
}

// Sector is one ngành/lĩnh vực of the plan.
type Sector struct {
	Code  string // "YT"
	Name  string // "Y tế", as used in sentences
	Lead  string // "Sở Y tế"
	Order int
}

// Task is one assigned task.
type Task struct {
	ID           string
	Sector       string // sector code
	Title        string
	Output       string
	SubmitTo     string
	Lead         string
	Coordinating string
	Deadline     time.Time // zero when unknown
	DeadlineText string    // as written ("Quý II/2021")
}

// Plan is the year's list of sectors and tasks.
type Plan struct {
	File     string
	Info     Info
	Sectors  []Sector // in report order
	Tasks    []Task   // in plan order
	Findings []Finding

	taskIndex   atomic.Pointer[taskIndex]   // built by the first Task lookup
	sectorIndex atomic.Pointer[sectorIndex] // built by the first Sector lookup
}

// Sector returns the sector a department names: its code, its name or its
// lead agency, compared after folding; else the one whose code starts the
// text ("GD - Giáo dục") or whose name or agency it contains ("Sở Giáo
// dục và Đào tạo tỉnh Lâm Đồng"), when exactly one does ("Y tế, Giáo
// dục" names two and resolves to none).
func (p *Plan) Sector(codeOrName string) (Sector, bool) {
	k := fold(codeOrName)
	if k == "" {
		return Sector{}, false
	}
	idx := p.sectors()
	if i, ok := idx.exact[k]; ok {
		return p.Sectors[i], true
	}
	found := -1
	padded := " " + k + " "
	for i, f := range idx.folded {
		n := 0
		if strings.HasPrefix(padded, " "+f.code+" ") {
			n = len(f.code)
		}
		for _, name := range []string{f.name, f.lead} {
			if name != "" && strings.Contains(padded, " "+name+" ") && len(name) > n {
				n = len(name)
			}
		}
		if n > 0 {
			if found >= 0 {
				return Sector{}, false
			}
			found = i
		}
	}
	if found >= 0 {
		return p.Sectors[found], true
	}
	return Sector{}, false
}

// Task returns the task with the given id. It is called for every row
// of every submission, so it looks ids up in an index built on first use
// (see taskIndex) rather than folding every id of the plan each time.
func (p *Plan) Task(id string) (Task, bool) {
	var buf [64]byte
	k, _ := templates.AppendFold(buf[:0], id, -1)
	if i, ok := p.tasks().byID[string(k)]; ok {
		return p.Tasks[i], true
	}
	return Task{}, false
}

// Period is a reporting month.
type Period struct {
	Year  int
	Month time.Month
}

// IsZero reports whether p is unset.
func (p Period) IsZero() bool { return p.Year == 0 }

// String formats p as YYYY-MM.
func (p Period) String() string {
	if p.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d", p.Year, int(p.Month))
}

// Before reports whether p is earlier than q.
func (p Period) Before(q Period) bool {
	return p.Year < q.Year || (p.Year == q.Year && p.Month < q.Month)
}

// Next returns the month after p.
func (p Period) Next() Period {
	if p.Month == time.December {
		return Period{p.Year + 1, time.January}
	}
	return Period{p.Year, p.Month + 1}
}

// Last returns the last day of p.
func (p Period) Last() time.Time { return Date(p.Year, p.Month+1, 0) }

// PeriodOf returns the month of a date.
func PeriodOf(t time.Time) Period { return Period{t.Year(), t.Month()} }

// Date returns midnight UTC of the given day; every date in tonghop is such a
// value, so comparisons and day counts need no time zone.
func Date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Days returns the number of days from a to b.
func Days(a, b time.Time) int { return int(b.Sub(a).Hours() / 24) }

// Submission is one department's workbook, interpreted.
type Submission struct {
	File       string // as given on the command line
	Name       string // base name, used in messages
	SHA256     string
	Sheet      string // the task sheet
	Sector     string // sector code (resolved against the plan when there is one)
	SectorText string // as written
	Period     Period
	ReportDate time.Time
	Preparer   string
	Contact    string
	Rows       []Row // accepted task rows
	Proposed   []Row // rows whose id is empty or not in the plan
	Rejected   int   // rows rejected by errors
	Refused    bool  // the whole file is unusable
	Findings   []Finding
}

// Row is one task row of a submission.
type Row struct {
	Row          int // 1-based sheet row
	ID           string
	Title        string
	Output       string
	SubmitTo     string
	Lead         string
	Coordinating string
	Deadline     time.Time
	DeadlineText string
	Officer      string
	Stage        Stage
	StageText    string // as written
	Percent      float64
	HasPercent   bool
	DoneDate     time.Time
	IssuedDoc    string
	Difficulties string
	Proposals    string
	Notes        string
}
