#!/bin/sh
# look.sh: render workbooks (or PDFs) to PDF and PNG pages for a visual check.
#
#   scripts/look.sh [-o DIR] [-r DPI] FILE.xlsx|FILE.pdf ...
#
# Each .xlsx is converted by LibreOffice (headless, its own profile so it
# does not clash with a running instance) to DIR/NAME.pdf, then every page
# becomes DIR/NAME.page-N.png. A repair prompt or a failed conversion is an error.
set -eu
out=${TMPDIR:-/tmp}/look
dpi=60
while getopts o:r: opt; do
	case $opt in
	o) out=$OPTARG ;;
	r) dpi=$OPTARG ;;
	*) echo "usage: $0 [-o DIR] [-r DPI] FILE..." >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || { echo "usage: $0 [-o DIR] [-r DPI] FILE..." >&2; exit 2; }
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for f in "$@"; do
	name=$(basename "${f%.*}")
	case $f in
	*.pdf) cp "$f" "$out/$name.pdf" ;;
	*)
		soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$f" >/dev/null 2>"$out/$name.log" || {
			echo "$f: LibreOffice could not convert it (see $out/$name.log)" >&2; exit 1; }
		[ -s "$out/$name.pdf" ] || { echo "$f: no PDF produced" >&2; exit 1; }
		;;
	esac
	rm -f "$out/$name".page-*.png
	pdftoppm -r "$dpi" -png "$out/$name.pdf" "$out/$name.page"
	pages=$(ls "$out/$name".page-*.png | wc -l)
	echo "$out/$name.pdf: $pages page(s)"
done
