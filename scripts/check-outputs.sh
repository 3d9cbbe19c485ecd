#!/usr/bin/env bash
# Makes every kind of workbook tonghop writes from the bundled samples and
# opens each with independent readers, checking sheet names and key values:
# openpyxl (Debian's python3-openpyxl) always, LibreOffice when soffice is
# installed (CI installs it): every sheet exported to CSV, so the rows we
# write as XML ourselves are read back by an office suite.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go build -o "$out/tonghop" ./cmd/tonghop
t="$out/tonghop"
"$t" consolidate -q --plan samples/plan.xlsx -o "$out/03" samples/2021-03 >/dev/null
# April has a proposed new task, a warning: exit 0; the messy inbox exits 1.
"$t" consolidate -q --plan samples/plan.xlsx --previous "$out/03/tong-hop-2021-03.xlsx" -o "$out/04" samples/2021-04 >/dev/null
"$t" consolidate -q --plan samples/plan.xlsx -o "$out/messy" samples/inbox-messy >/dev/null || [ $? -eq 1 ]
"$t" template --plan samples/plan.xlsx --all --period 2021-05 -o "$out/tpl" >/dev/null
"$t" init "$out/init" >/dev/null
check() { /usr/bin/python3 scripts/check_openpyxl.py "$@"; }
check "$out/03/tong-hop-2021-03.xlsx" --sheets "Tổng hợp,Nhiệm vụ,Quá hạn - Sắp đến hạn,Khó khăn - Đề xuất,Đôn đốc,Nhiệm vụ đề xuất,Nguồn" \
	--cell "Tổng hợp!B13=Tổng cộng" --cell "Tổng hợp!C13=55" --cell "Tổng hợp!D13=12"
check "$out/04/tong-hop-2021-04.xlsx" --sheets "Tổng hợp,Nhiệm vụ,Nguồn"
check "$out/messy/tong-hop-2021-03.xlsx" --sheets "Tổng hợp,Nhiệm vụ,Nguồn" --cell "Tổng hợp!C13=55"
for f in "$out"/messy/gop-y/*.xlsx; do check "$f"; done
check "$out/tpl/bieu-mau-YT-2021-05.xlsx" --sheets "Hướng dẫn,Thông tin,Nhiệm vụ" --cell "Thông tin!B1=YT" --cell "Thông tin!B2=2021-05"
check "$out/init/danh-muc-nhiem-vu.xlsx" --sheets "Hướng dẫn,Thông tin,Ngành,Nhiệm vụ" --cell "Ngành!A1=Mã ngành"
echo "openpyxl: every workbook opened cleanly"

if ! command -v soffice >/dev/null 2>&1; then
	echo "LibreOffice: soffice not installed, skipped"
	exit 0
fi
# toCSV DIR FILE... exports every sheet of each FILE to DIR/<name>-<sheet>.csv,
# in one start of LibreOffice.
toCSV() {
	local dir=$1
	shift
	local st=0
	timeout "${LO_TIMEOUT:-300}" soffice --headless "-env:UserInstallation=file://$out/lo-profile" \
		--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
		--outdir "$dir" "$@" >"$out/lo.log" 2>&1 || st=$?
	if [ "$st" -eq 124 ]; then
		# LibreOffice itself hung (a first start on a strange machine), not a
		# book it could not read: say so rather than fail the change.
		echo "WARNING: LibreOffice did not finish in ${LO_TIMEOUT:-300} s; its read-back is skipped"
		exit 0
	fi
	[ "$st" -eq 0 ] || { cat "$out/lo.log"; exit 1; }
}
fail() { echo "LibreOffice: $*"; exit 1; }
books=("$out/03/tong-hop-2021-03.xlsx" "$out"/messy/gop-y/*.xlsx "$out/tpl/bieu-mau-YT-2021-05.xlsx")
toCSV "$out/lo" "${books[@]}"
for f in "${books[@]}"; do
	n=$(basename "$f" .xlsx)
	ls "$out/lo/$n-"*.csv >/dev/null 2>&1 || fail "$n.xlsx gave no sheet"
done
c=$out/lo/tong-hop-2021-03
grep -q '^,Tổng cộng,55,12,12,0,43,0,0,1,' "$c-Tổng hợp.csv" || fail "the summary's totals are not 55 tasks, 12 done"
[ "$(grep -c '' "$c-Nhiệm vụ.csv")" -eq 56 ] || fail "the task table has not 55 rows under its header"
grep -q '^1,Y tế,YT-01,.*,Đang thực hiện trong hạn,' "$c-Nhiệm vụ.csv" || fail "task YT-01 is not on track in the task table"
[ "$(grep -c ',Sử dụng$' "$c-Nguồn.csv")" -eq 6 ] || fail "the sources sheet does not list 6 files used"
grep -q '^period,2021-03,' "$c-tonghop.csv" || fail "the hidden snapshot sheet has no period"
echo "LibreOffice: ${#books[@]} workbooks opened cleanly"
