#!/usr/bin/env bash
# Runs the service's benchmarks on demand against the packaged service in production mode, on a PostgreSQL 15 of
# its own. Each case runs next to its anchor in the same run and prints the ratio; the load is printed at the start
# and the end. See bench/README.md.
#   bench/engine.sh setup     once, with network: the pinned tools under target/ and the bare app (bench/bare)
#   bench/engine.sh [CASE...] latency limit submissions start onboarding; all of them when none is named
# Settings: N (requests of the latency case, default 200), LIMIT (IAM calls/s of the limit case, default 50),
# LIMIT_REQUESTS (default 1000), SUBMIT_SECONDS (each submissions phase, default 20), STARTS (starts per app, default
# 5), ONBOARDINGS (default 100), JFR (a folder: a Flight Recorder profile of each app started, one file per run), PY
# (a Python with joserfc, default target/moto-venv/bin/python), PG_BIN (default /usr/lib/postgresql/15/bin).
set -euo pipefail
cd "$(dirname "$0")/.."
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PY=${PY:-target/moto-venv/bin/python}
WORK=target/bench
TOOLS=target/bench-tools
VEGETA=github.com/tsenart/vegeta/v12@v12.13.0
AWSCLI=awscli==1.46.2

if [ "${1:-}" = setup ]; then
    mkdir -p "$TOOLS"
    [ -x "$TOOLS/vegeta" ] || GOBIN="$PWD/$TOOLS" GOPATH="$PWD/$TOOLS/gopath" GOCACHE="$PWD/$TOOLS/gocache" \
        go install "$VEGETA"
    [ -x target/awscli-venv/bin/aws ] || { python3 -m venv target/awscli-venv &&
        target/awscli-venv/bin/pip install --quiet --disable-pip-version-check "$AWSCLI"; }
    [ -x target/moto-venv/bin/moto_server ] || { python3 -m venv target/moto-venv &&
        target/moto-venv/bin/pip install --quiet --disable-pip-version-check -r src/test/moto/requirements.txt; }
    ./mvnw -o -q -B -f bench/bare/pom.xml package
    exit 0
fi

CASES=${*:-latency limit submissions start onboarding}
for needed in target/quarkus-app/quarkus-run.jar "$PY" "$TOOLS/vegeta" target/awscli-venv/bin/aws; do
    [ -e "$needed" ] || { echo "$needed is missing: ./mvnw -o package -DskipTests, then bench/engine.sh setup" >&2
        exit 2; }
done
mkdir -p "$WORK"
rm -rf "$WORK/pg" "$WORK/sock"
mkdir -p "$WORK/pg" "$WORK/sock"
# PostgreSQL refuses to run as root: as root, the server runs as the postgres user.
AS=()
if [ "$(id -u)" = 0 ]; then
    chown postgres "$WORK/pg" "$WORK/sock"
    AS=(runuser -u postgres --)
fi
export PG_SOCKET="$PWD/$WORK/sock" PG_BIN
"${AS[@]}" "$PG_BIN/initdb" -D "$WORK/pg" -U steward --auth=trust >/dev/null
"${AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -o "-p 55432 -k $PG_SOCKET -c max_connections=200" -l "$PG_SOCKET/pg.log" \
    -w start >/dev/null
trap '"${AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true' EXIT
echo "machine: $(nproc) cores; $("$PG_BIN/postgres" --version); $(java -version 2>&1 | head -1)"
echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg) ($(date -u +%FT%TZ))"
for c in $CASES; do
    "$PY" bench/engine.py "$c" "$WORK" "${N:-200}" "${LIMIT:-50}"
    echo "load after $c: $(cut -d' ' -f1-3 /proc/loadavg)"
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg) ($(date -u +%FT%TZ))"
