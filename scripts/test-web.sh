#!/usr/bin/env bash
# The page's browser tests, in one command (assumes scripts/setup.sh has run):
# rebuilds dist/ when its inputs changed and target/release/imr (the CLI the
# tests compare exports with), then runs tests/browser/*.test.mjs with node's
# test runner (TAP: the summary ends with "# pass N" / "# fail N").
set -euo pipefail
cd "$(dirname "$0")/.."
inputs=(src static index.html Trunk.toml Cargo.toml Cargo.lock crates/imr-core crates/imr-pdf crates/imr-pdf-web vendor scripts/web-single-file.mjs scripts/pdf-extractor.js scripts/pdf-extractor-pack.mjs scripts/web-env.sh scripts/build-web.sh)
if [ ! -f dist/index.html ] || [ -n "$(find "${inputs[@]}" -newer dist/index.html -print -quit)" ]; then
  scripts/build-web.sh
else
  echo "test-web: dist/ is up to date"
fi
cargo build --release --quiet -p imr-cli
cd tests/browser
exec node --test --test-concurrency=1 --test-reporter=tap
