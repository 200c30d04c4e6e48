#!/usr/bin/env bash
# Scores the CLI on the corpus PDFs as a user would run it: every PDF in
# ../shared/corpus/dwc/pdf goes through `imr parse --jsonl` (text extracted by
# imr-pdf, the same code the page runs), scored against the gold by
# ../shared/tools/score.py. score.py reads a set folder with gold/ and one
# folder of <case>.txt per variant, so a temporary set gets a "pdf" variant
# whose <case>.txt are links to the PDFs: the CLI recognizes them by content.
# Usage: scripts/score-pdf.sh [MIN_PERCENT]   (default 99.5; exit 1 below it)
set -euo pipefail
cd "$(dirname "$0")/.."
min="${1:-99.5}"
corpus="$(cd ../shared/corpus/dwc && pwd)"
set_dir="$(mktemp -d)"
trap 'rm -rf "$set_dir"' EXIT
ln -s "$corpus/gold" "$set_dir/gold"
mkdir "$set_dir/pdf"
for pdf in "$corpus"/pdf/*.pdf; do
  ln -s "$pdf" "$set_dir/pdf/$(basename "$pdf" .pdf).txt"
done
cargo build --release --quiet -p imr-cli
python3 ../shared/tools/score.py --cli target/release/imr --set "$set_dir" --variants pdf --min "$min"
