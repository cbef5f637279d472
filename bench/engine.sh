#!/usr/bin/env bash
# Runs the engine benchmarks on demand against the packaged service in production mode, on a PostgreSQL 15 of its
# own, with the in-memory IAM. Each case runs next to its anchor in the same run and prints the ratio.
#   ./mvnw -o package -DskipTests -Dmoto.venv=...   (the jar, and target/moto-venv for the token signer)
#   bench/engine.sh [latency] [limit]
# Settings: N (requests per case, default 200), LIMIT (IAM calls/s for the limit case, default 20),
# PY (a Python with joserfc, default target/moto-venv/bin/python), PG_BIN (default /usr/lib/postgresql/15/bin).
set -euo pipefail
cd "$(dirname "$0")/.."
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PY=${PY:-target/moto-venv/bin/python}
WORK=target/bench
CASES=${*:-latency limit}
mkdir -p "$WORK"
rm -rf "$WORK/pg" "$WORK/sock"
mkdir -p "$WORK/pg" "$WORK/sock"
# PostgreSQL refuses to run as root: as root, the server runs as the postgres user.
AS=()
if [ "$(id -u)" = 0 ]; then
    chown postgres "$WORK/pg" "$WORK/sock"
    AS=(runuser -u postgres --)
fi
export PG_SOCKET="$PWD/$WORK/sock"
"${AS[@]}" "$PG_BIN/initdb" -D "$WORK/pg" -U steward --auth=trust >/dev/null
"${AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -o "-p 55432 -k $PG_SOCKET -c max_connections=200" -l "$PG_SOCKET/pg.log" \
    -w start >/dev/null
trap '"${AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true' EXIT
echo "machine: $(nproc) cores; load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for c in $CASES; do
    "$PY" bench/engine.py "$c" "$WORK" "${N:-200}" "${LIMIT:-20}"
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
