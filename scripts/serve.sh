#!/usr/bin/env bash
# Builds the page (release) into dist/ and serves it on http://127.0.0.1:8080/
# (or $PORT). Runs scripts/setup.sh first, so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-web.sh
exec node tests/browser/server.mjs dist "${PORT:-8080}"
