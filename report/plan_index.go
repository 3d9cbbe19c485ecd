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
