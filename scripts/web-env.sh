# Sourced by the web scripts: the environment for building the page for wasm32.
# Uses Debian's rustc-web with the standard library built from source (see
# ../shared/TOOLCHAIN.md), which scripts/setup.sh installs: only that library
# takes the size options below. Without it, rustup's wasm32 target if installed
# (a page some 75 KB gzipped larger, over its budget).
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$REPO_ROOT/tests/browser/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# A target dir of its own, so the wasm build never waits on native builds' lock.
export CARGO_TARGET_DIR="${WEB_TARGET_DIR:-$REPO_ROOT/target/web}"
# Smaller code for the browser (the native release profile stays as it is).
export CARGO_PROFILE_RELEASE_OPT_LEVEL=z
export CARGO_PROFILE_RELEASE_PANIC=abort

if ! [ -x /usr/bin/rustc ] && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  WEB_TOOLCHAIN=rustup
else
  WEB_TOOLCHAIN=debian
  export RUSTC=/usr/bin/rustc
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  # The standard library's small-code variants (sorts, formatting): a few
  # dozen KB less wasm; nothing the page does is hot enough to miss the fast ones.
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/bin/wasm-ld-22
  # With the standard library built here too, drop what only panics and Debug
  # printing need (about a fifth of the wasm). A panic then traps, and the
  # page's loader shows its crash notice (see scripts/web-single-file.mjs).
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
fi
export WEB_TOOLCHAIN
