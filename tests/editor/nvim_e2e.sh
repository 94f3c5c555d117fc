#!/usr/bin/env bash
# Runs nvim_e2e.lua in headless Neovim against a preflight binary (default: target/debug/preflight).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:-$here/../../target/debug/preflight}"
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
cat > "$dir/main.tf" <<'TF'
resource "aws_s3_bucket" "site" {
  bucket = "café-site"
  acl    = "public-read"
}
TF
PREFLIGHT_BIN="$bin" E2E_DIR="$dir" timeout 120 \
  nvim --headless -n -i NONE -u NONE --cmd 'set noswapfile' -c "luafile $here/nvim_e2e.lua" 2>&1
