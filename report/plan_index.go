package report

// taskIndex maps the folded ids of a plan's tasks to their positions, the
// first task of an id winning as in a scan in plan order. It remembers
// the slice it was built from: a plan whose Tasks were replaced or
// appended to since gets a new index. Tasks are not to be edited in place
// once looked up (nothing does: a Plan is read-only once interpreted).
type taskIndex struct {
	tasks []Task
	byID  map[string]int
}

// tasks returns the index of p.Tasks, building it when there is none or
// the tasks changed. Concurrent readers are safe: at worst two build the
// same index and one of them is kept.
func (p *Plan) tasks() *taskIndex {
	idx := p.taskIndex.Load()
	if idx != nil && sameTasks(idx.tasks, p.Tasks) {
		return idx
	}
	idx = &taskIndex{tasks: p.Tasks, byID: make(map[string]int, len(p.Tasks))}
	for i, t := range p.Tasks {
		k := fold(t.ID)
		if _, dup := idx.byID[k]; !dup {
			idx.byID[k] = i
		}
	}
	p.taskIndex.Store(idx)
	return idx
}

func sameTasks(a, b []Task) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// sectorIndex holds the folded code, name and lead agency of a plan's
// sectors and, for exact matches, each folded text's first sector. It
// keeps the texts it was built from and is checked against p.Sectors on
// every lookup (a string comparison per text, no folding): InterpretPlan
// looks sectors up while it appends them and sorts them afterwards.
type sectorIndex struct {
	src    []sectorTexts // as indexed
	folded []sectorTexts
	exact  map[string]int
}

type sectorTexts struct{ code, name, lead string }

// sectors returns the index of p.Sectors, extending it when sectors were
// appended since and rebuilding it when any changed.
func (p *Plan) sectors() *sectorIndex {
	old := p.sectorIndex.Load()
	valid := 0
	if old != nil && len(old.src) <= len(p.Sectors) {
		for valid < len(old.src) && old.src[valid] == textsOf(p.Sectors[valid]) {
			valid++
		}
		if valid == len(p.Sectors) {
			return old
		}
		if valid < len(old.src) {
			valid = 0
		}
	}
	idx := &sectorIndex{exact: make(map[string]int, 3*len(p.Sectors))}
	if valid > 0 {
		idx.src = append(idx.src, old.src...)
		idx.folded = append(idx.folded, old.folded...)
		for k, v := range old.exact {
			idx.exact[k] = v
		}
	}
	for i := valid; i < len(p.Sectors); i++ {
		t := textsOf(p.Sectors[i])
		f := sectorTexts{fold(t.code), fold(t.name), fold(t.lead)}
		idx.src = append(idx.src, t)
		idx.folded = append(idx.folded, f)
		for _, k := range []string{f.code, f.name, f.lead} {
			if _, taken := idx.exact[k]; !taken {
				idx.exact[k] = i
			}
		}
	}
	p.sectorIndex.Store(idx)
	return idx
}

func textsOf(s Sector) sectorTexts { return sectorTexts{s.Code, s.Name, s.Lead} }
