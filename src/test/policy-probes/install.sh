#!/bin/sh
# Installs the pinned policy evaluator into $1 (under target/), from package-lock.json. Does nothing when that
# lock is already installed there, so a build with the evaluator in place runs offline. Test time only.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
into=$1
mkdir -p "$into"
cp "$here/package.json" "$here/package-lock.json" "$here/probe.mjs" "$into/"
if [ -f "$into/node_modules/.installed-lock" ] && cmp -s "$here/package-lock.json" "$into/node_modules/.installed-lock"; then
  exit 0
fi
cd "$into"
npm ci --prefer-offline --no-audit --no-fund --loglevel=error
cp package-lock.json node_modules/.installed-lock
