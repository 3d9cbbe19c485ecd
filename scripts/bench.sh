#!/usr/bin/env bash
# Benchmarks tonghop end to end against the pandas peer and the floor,
# with and without writing the data back (see BENCHMARKS.md). One run does everything and prints a markdown report.
#
#   scripts/bench.sh                         # sizes 6x10 200x500 1000x1000
#   SIZES="6x10 200x500" scripts/bench.sh    # chosen sizes (FILESxROWS)
#   scripts/bench.sh --quick                 # 6x10 and 50x100, one run each
#
# Environment: SIZES, RUNS (timed runs per tool and size, default 3; the
# pandas peer runs once from a million rows, five minutes a run), BENCH_CACHE (default bench/.cache:
# inboxes are generated once and reused), PYTHON (default /usr/bin/python3,
# which has python3-pandas and python3-openpyxl), SKIP_PEER=1, SKIP_GROWTH=1.
# Times are medians: wall, CPU (user+sys); memory is the largest peak RSS.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
SIZES=${SIZES:-"6x10 200x500 1000x1000"}
RUNS=${RUNS:-3}
QUICK=0
if [[ ${1:-} == --quick ]]; then
	QUICK=1
	SIZES=${SIZES_QUICK:-"6x10 50x100"}
	RUNS=1
fi
CACHE=${BENCH_CACHE:-$ROOT/bench/.cache}
PYTHON=${PYTHON:-/usr/bin/python3}
mkdir -p "$CACHE/bin"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

log() { echo "bench: $*" >&2; }

# What it needs, said before minutes of work rather than after.
[[ -x /usr/bin/time ]] || { log "needs /usr/bin/time: apt-get install -y time"; exit 2; }
if [[ ${SKIP_PEER:-0} != 1 ]] && ! "$PYTHON" -c 'import pandas, openpyxl' 2>/dev/null; then
	log "the pandas peer needs pandas and openpyxl for $PYTHON: apt-get install -y python3-pandas python3-openpyxl (or SKIP_PEER=1)"
	exit 2
fi

log "building"
go build -o "$CACHE/bin/tonghop" ./cmd/tonghop
go build -o "$CACHE/bin/floor" ./bench/floor
go build -o "$CACHE/bin/geninbox" ./bench/geninbox
TONGHOP=$CACHE/bin/tonghop
FLOOR=$CACHE/bin/floor

# The inbox key changes when the generator changes.
GENKEY=$(cat bench/inbox/*.go bench/geninbox/*.go | sha256sum | cut -c1-12)

# inbox FILES ROWS [plan] prints the folder of a generated inbox.
inbox() {
	local dir=$CACHE/inbox-$1x$2${3:+-plan}-$GENKEY
	if [[ ! -f $dir/.done ]]; then
		rm -rf "$dir"
		log "generating $1 files × $2 rows${3:+ with a plan} into $dir"
		"$CACHE/bin/geninbox" -files "$1" -rows "$2" ${3:+-plan} -o "$dir" >&2
		touch "$dir/.done"
	fi
	echo "$dir"
}

# measure RUNS CMD... runs CMD RUNS times and prints "wall cpu rss_mb":
# the median wall time (clock read around the command, in seconds), the
# median CPU time (user+sys from /usr/bin/time, 10 ms resolution) and the
# largest peak RSS. Exit status 1 (some input rejected) counts as success.
measure() {
	local runs=$1
	shift
	local f=$WORK/times
	: >"$f"
	for ((i = 0; i < runs; i++)); do
		rm -rf "$WORK/out"
		mkdir -p "$WORK/out"
		local st=0 t0 t1
		t0=$(date +%s%N)
		/usr/bin/time -f "%U %S %M" -o "$WORK/t1" "$@" >"$WORK/stdout" 2>"$WORK/stderr" || st=$?
		t1=$(date +%s%N)
		if ((st > 1)); then
			log "FAILED ($st): $*"
			cat "$WORK/stderr" >&2
			return 1
		fi
		echo "$(((t1 - t0) / 1000)) $(tail -n1 "$WORK/t1")" >>"$f"
	done
	awk -v n="$runs" '
		{ wall[NR] = $1 / 1e6; cpu[NR] = $2 + $3; if ($4 > rss) rss = $4 }
		END {
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) {
				if (wall[j] < wall[i]) { t = wall[i]; wall[i] = wall[j]; wall[j] = t }
				if (cpu[j] < cpu[i]) { t = cpu[i]; cpu[i] = cpu[j]; cpu[j] = t }
			}
			m = int((n + 1) / 2)
			printf "%.3f %.2f %.0f\n", wall[m], cpu[m], rss / 1024
		}' "$f"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "-" && b > 0) printf "%.3g", a / b; else print "-" }'; }

REPORT=$WORK/report.md
{
	echo "## Benchmark run $(date -u +%Y-%m-%dT%H:%MZ)"
	echo
	echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/ {print $2}') GiB;" \
		"$(go version | cut -d' ' -f3); pandas $($PYTHON -c 'import pandas; print(pandas.__version__)' 2>/dev/null || echo '?')," \
		"openpyxl $($PYTHON -c 'import openpyxl; print(openpyxl.__version__)' 2>/dev/null || echo '?');" \
		"load average at start: $(cut -d' ' -f1-3 /proc/loadavg); runs per cell: $RUNS."
	echo
	echo "| size (files × rows) | tool | wall s | CPU s | peak RSS MB |"
	echo "|---|---|---:|---:|---:|"
} >"$REPORT"
RATIOS=$WORK/ratios.md
{
	echo
	echo "| size | speed-up over pandas, wall (target ≥ 20) | speed-up over pandas, CPU | tonghop ÷ floor, wall (target ≤ 2) | tonghop ÷ floor, CPU | tonghop ÷ floor with write-back, wall | tonghop ÷ floor with write-back, CPU | validate ÷ floor, wall |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|"
} >"$RATIOS"

for size in $SIZES; do
	files=${size%x*}
	rows=${size#*x}
	dir=$(inbox "$files" "$rows")
	runs=$RUNS
	peerruns=$RUNS
	((files * rows >= 1000000)) && peerruns=1 # the peer sparingly: minutes per run
	log "$size: tonghop"
	read -r tw tc tm < <(measure "$runs" "$TONGHOP" consolidate -q -o "$WORK/out" "$dir/2021-03")
	echo "| $files × $rows | tonghop consolidate | $tw | $tc | $tm |" >>"$REPORT"
	log "$size: tonghop validate"
	read -r vw vc vm < <(measure "$runs" "$TONGHOP" validate -q "$dir/2021-03")
	echo "| $files × $rows | tonghop validate (read and check, no outputs) | $vw | $vc | $vm |" >>"$REPORT"
	log "$size: floor"
	read -r fw fc fm < <(measure "$runs" "$FLOOR" "$dir/2021-03")
	echo "| $files × $rows | floor (unzip + scan) | $fw | $fc | $fm |" >>"$REPORT"
	log "$size: floor with write-back"
	read -r xw xc xm < <(measure "$runs" "$FLOOR" -rewrite "$dir/2021-03")
	echo "| $files × $rows | floor with write-back (unzip + scan + deflate) | $xw | $xc | $xm |" >>"$REPORT"
	pw=- pc=-
	if [[ ${SKIP_PEER:-0} != 1 ]]; then
		log "$size: pandas peer"
		read -r pw pc pm < <(measure "$peerruns" "$PYTHON" bench/peer/peer.py -o "$WORK/out/peer.xlsx" "$dir/2021-03")
		echo "| $files × $rows | pandas peer | $pw | $pc | $pm |" >>"$REPORT"
	fi
	echo "| $files × $rows | $(ratio "$pw" "$tw") | $(ratio "$pc" "$tc") | $(ratio "$tw" "$fw") | $(ratio "$tc" "$fc") | $(ratio "$tw" "$xw") | $(ratio "$tc" "$xc") | $(ratio "$vw" "$fw") |" >>"$RATIOS"
done
cat "$RATIOS" >>"$REPORT"

# The reference month, with its plan: the samples.
log "reference month"
SAMPLES=$CACHE/samples-$(cat samples/generate/*.go | sha256sum | cut -c1-12)
if [[ ! -d $SAMPLES/2021-03 ]]; then
	go run ./samples/generate -dir "$SAMPLES" >&2
fi
refruns=10
((QUICK)) && refruns=3
read -r rw rc rm_ < <(measure "$refruns" "$TONGHOP" consolidate -q --plan "$SAMPLES/plan.xlsx" -o "$WORK/out" "$SAMPLES/2021-03")
{
	echo
	echo "Reference month (samples/2021-03: 6 files, 55 tasks, with the plan; median of $refruns):" \
		"wall $rw s, CPU $rc s, peak RSS $rm_ MB; target < 0.15 s wall."
} >>"$REPORT"

# Memory growth: the same rows per file, ten times the files; and the
# same tasks in ten times fewer files, which tells what the files
# themselves cost apart from the tasks they bring.
if [[ ${SKIP_GROWTH:-0} != 1 ]]; then
	grows=20
	small=100 large=1000
	((QUICK)) && small=20 large=200
	log "memory growth: $small vs $large files × $grows rows, and $small × $((grows * large / small))"
	d1=$(inbox $small $grows)
	d2=$(inbox $large $grows)
	d3=$(inbox $small $((grows * large / small)))
	read -r g1w g1c g1m < <(measure 1 "$TONGHOP" consolidate -q -o "$WORK/out" "$d1/2021-03")
	read -r g2w g2c g2m < <(measure 1 "$TONGHOP" consolidate -q -o "$WORK/out" "$d2/2021-03")
	read -r g3w g3c g3m < <(measure 1 "$TONGHOP" consolidate -q -o "$WORK/out" "$d3/2021-03")
	read -r v1w v1c v1m < <(measure 1 "$TONGHOP" validate -q "$d1/2021-03")
	read -r v2w v2c v2m < <(measure 1 "$TONGHOP" validate -q "$d2/2021-03")
	read -r v3w v3c v3m < <(measure 1 "$TONGHOP" validate -q "$d3/2021-03")
	{
		echo
		echo "Memory growth: $small files × $grows rows peak RSS $g1m MB ($g1w s);" \
			"$large files × $grows rows $g2m MB ($g2w s): ×$(ratio "$g2m" "$g1m") for ×$((large / small)) files and tasks;" \
			"the same $((grows * large)) tasks in $small files × $((grows * large / small)) rows: $g3m MB ($g3w s)." \
			"validate, the same three: $v1m MB, $v2m MB, $v3m MB."
	} >>"$REPORT"
fi

# With a plan (small sizes only: see BENCHMARKS.md, "what limits us now").
if [[ ${SKIP_PLAN:-0} != 1 ]]; then
	pd=$(inbox 20 100 plan)
	log "with a plan: 20 × 100"
	read -r aw ac am < <(measure 1 "$TONGHOP" consolidate -q -o "$WORK/out" "$pd/2021-03")
	read -r bw bc bm < <(measure 1 "$TONGHOP" consolidate -q --plan "$pd/plan.xlsx" -o "$WORK/out" "$pd/2021-03")
	{
		echo
		echo "With a plan (20 files × 100 rows, 2.000 tasks): without --plan wall $aw s, CPU $ac s;" \
			"with --plan wall $bw s, CPU $bc s."
	} >>"$REPORT"
fi

mkdir -p "$CACHE/results"
out=$CACHE/results/bench-$(date -u +%Y%m%dT%H%M%S).md
cp "$REPORT" "$out"
cat "$REPORT"
log "report saved to $out"
