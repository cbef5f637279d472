#!/usr/bin/env bash
# The fault-injection suite, on demand (never part of ./mvnw verify): kill -9 of replicas during execution,
# PostgreSQL restarted and stopped under load, IAM slowed and stalled through a proxy in front of moto. Each scenario
# checks the goals against moto's state and the database and prints its figures; a table ends the run.
#   ./mvnw -o package -DskipTests      # the jar
#   faults/run.sh [kill] [postgres] [iam]     # all three by default; 20 minutes with KILLS=4 on a loaded machine
# Settings: KILLS (6), IAM_RATE (IAM calls/s for the service, 30), PG_BIN. Results: target/faults/*.json, logs there.
set -euo pipefail
cd "$(dirname "$0")/.."
source faults/venv.sh
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "no target/quarkus-app: run ./mvnw -o package -DskipTests" >&2; exit 1; }
exec timeout "${TIMEOUT:-2400}" "$VENV/bin/python" -u faults/run.py "$@"
