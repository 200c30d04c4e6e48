#!/usr/bin/env bash
# Measures the page's size and speed budgets (a report, not a test): builds
# dist/ if needed, then prints the numbers and writes target/web-budgets.json.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || scripts/build-web.sh
exec node scripts/budgets-web.mjs
