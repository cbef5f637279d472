#!/bin/sh
# Installs the pinned test-time tools under target/, the independent ones side by side (most of the time is
# downloading), and fails with the log of the first that failed. Test time only: ./mvnw quarkus:dev never runs it.
#   $1 python  $2 moto venv  $3 deploy venv  $4 schemathesis venv  $5 policy evaluator dir  $6 OpenAPI lint dir
set -eu
python=$1 moto=$2 deploy=$3 schemathesis=$4 probes=$5 lint=$6
src=$(cd "$(dirname "$0")/.." && pwd)
logs=$(dirname "$moto")/tool-install
mkdir -p "$logs"

venv() { # venv DIR REQUIREMENTS
  "$python" -m venv "$1"
  "$1/bin/pip" install --quiet --disable-pip-version-check --requirement "$2"
}

( venv "$moto" "$src/moto/requirements.txt" ) >"$logs/moto.log" 2>&1 &
m=$!
( venv "$deploy" "$src/deploy-tools/requirements.txt" && sh "$src/deploy-tools/install-kustomize.sh" "$deploy" ) \
  >"$logs/deploy.log" 2>&1 &
d=$!
( venv "$schemathesis" "$src/schemathesis/requirements.txt" ) >"$logs/schemathesis.log" 2>&1 &
s=$!
( sh "$src/policy-probes/install.sh" "$probes" \
  && cd "$lint" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error ) >"$logs/npm.log" 2>&1 &
n=$!

failed=0
for job in "moto:$m" "deploy:$d" "schemathesis:$s" "npm:$n"; do
  if ! wait "${job#*:}"; then
    echo "installing the ${job%%:*} tools failed:" >&2
    cat "$logs/${job%%:*}.log" >&2
    failed=1
  fi
done
exit $failed
