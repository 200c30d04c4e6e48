#!/usr/bin/env bash
# Builds the page (release) into dist/: Trunk compiles it, then the post_build
# hook (scripts/web-single-file.mjs) folds it into one self-contained index.html.
# Assumes scripts/setup.sh has run.
set -euo pipefail
source "$(dirname "$0")/web-env.sh"
cd "$REPO_ROOT"
# Trunk.toml pins the wasm-bindgen CLI; it must be the version Cargo.lock uses.
locked=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print }' Cargo.lock)
grep -q "^wasm_bindgen = \"$locked\"" Trunk.toml ||
  { echo "build-web: set wasm_bindgen = \"$locked\" in Trunk.toml (Cargo.lock's version)" >&2; exit 1; }
echo "build-web: wasm toolchain: $WEB_TOOLCHAIN; target dir: $CARGO_TARGET_DIR"
# Trunk runs cargo offline; with -Z build-std the standard library's own
# dependencies must be in cargo's cache first (a no-op once they are).
cargo fetch --target wasm32-unknown-unknown --quiet
trunk build --release --offline "$@"
ls -l dist
