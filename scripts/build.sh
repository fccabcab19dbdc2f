#!/bin/sh
# Brings dist/ up to date with the sources, as `npm start`, `kb` and the tests need it.
# - Nothing to do (a few milliseconds) when no source, migration or tsconfig changed since the last good build.
# - Otherwise an incremental build (tsc -b with its tsbuildinfo): only what changed is type-checked and written.
# dist/ is never emptied, so a server running from it keeps its files; builds started at the same moment
# (a `kb` beside `npm start`) take turns, and the second finds the work done.
set -e
cd "$(dirname "$0")/.."
stamp=dist/.built
lock=dist/.build-lock

up_to_date() {
  # Folders count too: their time changes when a file in them is added, renamed or deleted.
  [ -f "$stamp" ] && [ -z "$(find src migrations tsconfig.json tsconfig.build.json \( -type d -o -name '*.ts' -o -name '*.json' \) -newer "$stamp" 2>/dev/null | head -n 1)" ]
}

up_to_date && exit 0
mkdir -p dist
until mkdir "$lock" 2>/dev/null; do
  # A build that was killed leaves its lock behind; its process is gone.
  holder=$(cat "$lock/pid" 2>/dev/null || true)
  if [ -n "$holder" ] && ! kill -0 "$holder" 2>/dev/null; then rm -rf "$lock"; fi
  sleep 0.2
done
echo $$ > "$lock/pid"
trap 'rm -rf "$lock"' EXIT
trap 'exit 130' INT TERM
up_to_date && exit 0
touch "$stamp.next"
sh scripts/with-node.sh tsc -b tsconfig.build.json
# Compiled migrations whose source is gone would still run; the sources are what counts.
for compiled in dist/migrations/*.js; do
  [ -e "$compiled" ] || continue
  name=$(basename "$compiled" .js)
  [ -e "migrations/$name.ts" ] || rm -f "$compiled" "$compiled.map"
done
# The stamp carries the time the build started, so a change made during the build is built next time.
mv "$stamp.next" "$stamp"
