#!/usr/bin/env bash
# Checks the bundled server from a third-party LSP client: Neovim's built-in client, headless.
# Usage: bash test/nvim/run.sh      (after `npm run build`; needs nvim 0.7 or later and node)
# Prints one PASS/FAIL line per check, then "nvim: N passed, N failed"; exits non-zero on a failure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
server="$(cd "$here/../.." && pwd)/dist/server/server.js"
limit_seconds=60

if ! command -v nvim >/dev/null; then
  echo "FAIL nvim is installed (Neovim 0.7 or later is needed)"
  echo "nvim: 0 passed, 1 failed"
  exit 1
fi
if [ ! -f "$server" ]; then
  echo "FAIL $server exists: run \`npm run build\` first"
  echo "nvim: 0 passed, 1 failed"
  exit 1
fi

echo "== $(nvim --version | head -n 1), server $server"
status=0
# -u NONE -i NONE -n: no user config, no shada, no swap file, so the run is the same anywhere.
CONDUCT_SERVER="$server" timeout "$limit_seconds" \
  nvim --headless -u NONE -i NONE -n -c "luafile $here/lspClient.lua" "$here/CODE_OF_CONDUCT.md" || status=$?

if [ "$status" -eq 124 ]; then
  # The script's own waits have timeouts, so this means Neovim itself hung.
  echo "FAIL Neovim finished within $limit_seconds s"
  echo "nvim: 0 passed, 1 failed"
fi
exit "$status"
