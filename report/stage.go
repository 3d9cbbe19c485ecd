package report

import (
	"slices"
	"strconv"
	"strings"
)

// Stage is where a task stands in the drafting procedure
// (draft → comments → synthesis → finalise → submit → done).
type Stage int

// The stages of SPEC §4, in procedure order, then the special ones.
const (
	StageUnknown      Stage = iota // not given or not recognised
	StageNotStarted                // Chưa triển khai
	StageDrafting                  // Đang xây dựng dự thảo
	StageConsulting                // Đang lấy ý kiến
	StageSynthesizing              // Đang tổng hợp, giải trình, tiếp thu
	StageFinalizing                // Đang hoàn thiện dự thảo
	StageSubmitted                 // Đã trình cấp có thẩm quyền
	StageDone                      // Hoàn thành
	StageInProgress                // Đang triển khai / Đang thực hiện: in progress, stage unknown
	StageAdjust                    // Đề nghị điều chỉnh: asks to change the task
	StageStopped                   // Dừng thực hiện: listed, not counted
)

// Stages lists the stages a template offers, in order.
var Stages = []Stage{
	StageNotStarted, StageDrafting, StageConsulting, StageSynthesizing, StageFinalizing,
	StageSubmitted, StageDone, StageInProgress, StageAdjust, StageStopped,
}

var stageLabels = map[Stage][2]string{
	StageUnknown:      {"Không rõ", "Unknown"},
	StageNotStarted:   {"Chưa triển khai", "Not started"},
	StageDrafting:     {"Đang xây dựng dự thảo", "Drafting"},
	StageConsulting:   {"Đang lấy ý kiến", "Collecting comments"},
	StageSynthesizing: {"Đang tổng hợp, giải trình, tiếp thu", "Synthesising comments"},
	StageFinalizing:   {"Đang hoàn thiện dự thảo", "Finalising the draft"},
	StageSubmitted:    {"Đã trình cấp có thẩm quyền", "Submitted for approval"},
	StageDone:         {"Hoàn thành", "Completed"},
	StageInProgress:   {"Đang triển khai", "In progress"},
	StageAdjust:       {"Đề nghị điều chỉnh", "Change requested"},
	StageStopped:      {"Dừng thực hiện", "Stopped"},
}

// Label returns the stage's name in l.
func (s Stage) Label(l Lang) string {
	v := stageLabels[s]
	return l.Pick(v[0], v[1])
}

// stageWords maps folded stage texts to stages, longest first, so that the
// most specific phrase wins a prefix match ("đã hoàn thành dự thảo" is
// Drafting, "đã hoàn thành" Done).
var stageWords []stageWord

type stageWord struct {
	key   string
	stage Stage
}

func init() {
	add := func(s Stage, texts ...string) {
		for _, t := range texts {
			stageWords = append(stageWords, stageWord{fold(t), s})
		}
	}
	add(StageNotStarted, "Chưa triển khai", "Chưa thực hiện", "Chưa bắt đầu", "Not started")
	add(StageDrafting, "Đang xây dựng dự thảo", "Xây dựng dự thảo", "Đang xây dựng", "Đang soạn thảo", "Đang dự thảo",
		"Đã hoàn thành dự thảo", "Hoàn thành dự thảo", "Đã xây dựng dự thảo", "Drafting")
	add(StageConsulting, "Đang lấy ý kiến", "Lấy ý kiến", "Đang xin ý kiến", "Đang lấy ý kiến góp ý", "Đã gửi lấy ý kiến",
		"Collecting comments")
	add(StageSynthesizing, "Đang tổng hợp, giải trình, tiếp thu", "Đang tổng hợp giải trình tiếp thu", "Đang tổng hợp",
		"Đang giải trình", "Đang tiếp thu", "Tổng hợp, giải trình, tiếp thu", "Synthesising comments", "Synthesizing comments")
	add(StageFinalizing, "Đang hoàn thiện dự thảo", "Hoàn thiện dự thảo", "Đang hoàn thiện", "Finalising the draft",
		"Finalizing the draft", "Finalising", "Finalizing")
	add(StageSubmitted, "Đã trình cấp có thẩm quyền", "Đã trình", "Đã trình UBND tỉnh", "Đã trình HĐND tỉnh",
		"Trình cấp có thẩm quyền", "Đã trình cấp có thẩm quyền ban hành", "Submitted for approval", "Submitted")
	add(StageDone, "Hoàn thành", "Đã hoàn thành", "Đã ban hành", "Completed", "Complete", "Done")
	add(StageInProgress, "Đang triển khai", "Đang thực hiện", "Đang triển khai thực hiện", "Chưa hoàn thành", "In progress")
	add(StageAdjust, "Đề nghị điều chỉnh", "Đề xuất điều chỉnh", "Xin điều chỉnh", "Change requested")
	add(StageStopped, "Dừng thực hiện", "Tạm dừng", "Tạm dừng thực hiện", "Dừng triển khai", "Không thực hiện",
		"Stopped")
	// Never a bare "Dừng": it folds like "Đúng" ("đúng tiến độ").
	slices.SortStableFunc(stageWords, func(a, b stageWord) int { return len(b.key) - len(a.key) })
}

// stageRank orders stages when a text names several ("Đã xây dựng dự
// thảo, đang lấy ý kiến"): the furthest step of the procedure wins, and a
// request to change or stop the task wins over any step.
var stageRank = map[Stage]int{
	StageNotStarted: 1, StageInProgress: 2, StageDrafting: 3, StageConsulting: 4, StageSynthesizing: 5,
	StageFinalizing: 6, StageSubmitted: 7, StageDone: 8, StageAdjust: 9, StageStopped: 10,
}

// ParseStage recognises a stage as departments write it: with or without
// diacritics, in any case, with trailing words ("Đang lấy ý kiến góp ý"),
// in English. A text of several clauses takes the furthest stage it names
// ("Đã xây dựng dự thảo, đang lấy ý kiến" is Consulting). "Hoàn thành 80%"
// is not done: it is in progress.
func ParseStage(text string) (Stage, bool) {
	k := fold(text)
	for _, w := range stageWords {
		if k == w.key {
			return w.stage, true
		}
	}
	best, _ := matchStage(k)
	for _, clause := range strings.FieldsFunc(text, func(r rune) bool {
		return r == ',' || r == ';' || r == '\n' || r == '(' || r == ')' || r == '.' || r == ':'
	}) {
		if st, ok := matchStage(fold(clause)); ok && stageRank[st] > stageRank[best] {
			best = st
		}
	}
	return best, best != StageUnknown
}

// matchStage matches a folded text that is a stage phrase or starts with one.
func matchStage(k string) (Stage, bool) {
	for _, w := range stageWords {
		if k == w.key {
			return w.stage, true
		}
	}
	for _, w := range stageWords {
		if rest, ok := strings.CutPrefix(k, w.key+" "); ok {
			if w.stage == StageDone && partPercent(rest) {
				return StageInProgress, true
			}
			return w.stage, true
		}
	}
	return StageUnknown, false
}

// partPercent reports whether folded text such as "80 %" or "dat 80 %"
// gives a share below 100 percent.
func partPercent(rest string) bool {
	f := strings.Fields(rest)
	for i := 1; i < len(f); i++ {
		if f[i] == "%" {
			if n, err := strconv.Atoi(f[i-1]); err == nil && n < 100 {
				return true
			}
		}
	}
	return false
}
