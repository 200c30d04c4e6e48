#!/usr/bin/env bash
# Builds the page (release) into dist/: first the PDF extractor
# (crates/imr-pdf-web, its own wasm: see below), then Trunk compiles the page
# and its post_build hook (scripts/web-single-file.mjs) folds it into one
# self-contained index.html plus dist/imr-pdf.js, loaded only for PDFs.
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

# The PDF extractor is built here, not by Trunk: Trunk builds one wasm per page
# and would inject it into index.html, while this one must stay out of the first
# load. The glue and the optimized wasm go to $IMR_PDF_WEB_DIR, where
# scripts/pdf-extractor-pack.mjs (run by the post_build hook) picks them up.
cargo build --release --quiet --target wasm32-unknown-unknown -p imr-pdf-web
export IMR_PDF_WEB_DIR="$CARGO_TARGET_DIR/imr-pdf-web"
built="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/imr_pdf_web.wasm"
if [ ! "$IMR_PDF_WEB_DIR/imr_pdf_web_bg.wasm" -nt "$built" ]; then
  wasm-bindgen --target no-modules --no-typescript --out-dir "$IMR_PDF_WEB_DIR" "$built"
  # The same wasm-opt as the page's (binaryen 132 from npm; see TOOLCHAIN.md).
  wasm-opt -Oz "$IMR_PDF_WEB_DIR/imr_pdf_web_bg.wasm" -o "$IMR_PDF_WEB_DIR/imr_pdf_web_bg.wasm"
fi

trunk build --release --offline "$@"
ls -l dist
