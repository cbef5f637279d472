#!/usr/bin/env bash
# The production-like local run: the packaged service in production mode on a PostgreSQL 15 of its own, with the AWS
# adapter against moto and a local token issuer. Checks that a request goes end to end (submitted, approved,
# SUCCEEDED, the user in moto); with --check it then stops, otherwise it keeps running until Ctrl-C.
#   ./mvnw -o package -DskipTests      # the jar
#   faults/local-run.sh [--check]
# Settings: HTTP_PORT (8080; health on HTTP_PORT+920), PG_PORT (55432), MOTO_PORT (5000), PG_BIN.
set -euo pipefail
cd "$(dirname "$0")/.."
source faults/venv.sh
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "no target/quarkus-app: run ./mvnw -o package -DskipTests" >&2; exit 1; }
exec "$VENV/bin/python" faults/local_run.py "$@"
