#!/bin/sh
# Runs a command with Node.js >= 22.17 first on PATH. MikroORM 7 needs Node 22,
# and machines still ship Node 20, so when the machine's node is older we
# install Node 24 from the npm registry's `node` package into a cache folder
# (once) and put it first on PATH for this command and its children.
set -e

node_is_recent() {
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 17) ? 0 : 1)' 2>/dev/null
}

if ! node_is_recent; then
  cache="${LEKGOTLA_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lekgotla/node-24}"
  if [ ! -x "$cache/node_modules/.bin/node" ]; then
    echo "lekgotla: installing Node 24 from the npm registry into $cache" >&2
    mkdir -p "$cache"
    npm install --prefix "$cache" --no-save --no-audit --no-fund --loglevel=error node@24 >&2
  fi
  PATH="$cache/node_modules/.bin:$PATH"
  export PATH
fi

PATH="$(pwd)/node_modules/.bin:$PATH"
export PATH
exec "$@"
