#!/usr/bin/env bash
# Installs what is missing, then runs every test: formatting, the Rust
# workspace (core, CLI, PDF text, page components), the corpus score on the
# text renderings and on the PDFs, and the browser tests against a fresh
# build of the page. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo test (every workspace crate)"
cargo test --workspace

echo "== corpus score (goal: >= 99.5% overall, no rendering below 99%)"
cargo build --release -p imr-cli
python3 ../shared/tools/score.py --cli target/release/imr --set ../shared/corpus/dwc --min 99.5 | tee target/score.txt
python3 - <<'PY'
import re, sys
rows = re.findall(r"^== (\w+):.* = ([\d.]+)%", open("target/score.txt").read(), re.M)
low = [(name, pct) for name, pct in rows if float(pct) < 99.0]
if len(rows) != 5 or low:
    sys.exit(f"renderings below 99% (or missing): {low or rows}")
PY

echo "== corpus PDFs through the CLI (goal: >= 99.5%)"
bash scripts/score-pdf.sh 99.5

echo "== browser tests"
bash scripts/test-web.sh
