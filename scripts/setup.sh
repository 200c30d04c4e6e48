#!/usr/bin/env bash
# Installs everything the web page's build and browser tests need, skipping
# what is already there (re-runs take seconds). Needs no stdin (CI has none).
#   - the wasm32 standard library: Debian's rustc-web + rust-web-src + lld-22
#     (see ../shared/TOOLCHAIN.md), also where rustup could add its wasm32
#     target: only a standard library built from source takes the size options
#     that keep the page within its budget (rustup's makes it ~75 KB larger)
#   - Debian's chromium (+ chromium-driver) for the browser tests
#   - trunk 0.21.14, and wasm-bindgen-cli at the version in Cargo.lock
#   - npm packages in tests/browser (playwright-core, @axe-core/playwright, binaryen)
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "setup: $*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

packages=(chromium chromium-driver rustc-web rust-web-src lld-22)

missing=()
for p in "${packages[@]}"; do installed "$p" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" </dev/null
else
  say "Debian packages: ${packages[*]} already installed"
fi

export PATH="$HOME/.cargo/bin:$PATH"
if trunk --version 2>/dev/null | grep -qx "trunk 0.21.14"; then
  say "trunk 0.21.14: already installed"
else
  say "cargo install trunk 0.21.14 (about 10 minutes)"
  cargo install --locked trunk --version 0.21.14
fi

bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print }' Cargo.lock)
if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $bindgen"; then
  say "wasm-bindgen-cli $bindgen: already installed"
else
  # Not --locked: the registry copy lacks one pinned dependency (TOOLCHAIN.md).
  say "cargo install wasm-bindgen-cli $bindgen (the version in Cargo.lock)"
  cargo install --force wasm-bindgen-cli --version "$bindgen"
fi

stamp=tests/browser/node_modules/.package-lock.json
if [ -f "$stamp" ] && [ "$stamp" -nt tests/browser/package-lock.json ]; then
  say "npm packages in tests/browser: already installed"
else
  say "npm ci in tests/browser"
  npm ci --prefix tests/browser --no-audit --no-fund
fi
say "done"
