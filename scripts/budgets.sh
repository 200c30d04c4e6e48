#!/usr/bin/env bash
# Measures the page's size and speed budgets (a report, not a test): builds
# dist/ if needed, then prints the numbers and writes target/web-budgets.json.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || scripts/build-web.sh
node scripts/budgets-web.mjs
# The batch view: worker speed, 1,000 letters, memory for 10,000 (about a minute).
exec node scripts/batch-bench.mjs
