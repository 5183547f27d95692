#!/usr/bin/env bash
# Builds Collector and runs it: for now the bus demo, which starts the spec's ten services as
# stand-ins and sends every example event of the spec through RabbitMQ and the outbox.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-infra.sh
echo "[collector] building (tests skipped; scripts/test.sh runs them)"
mvn -B -q -ntp install -DskipTests -pl platform -am
exec java -jar platform/target/collector-platform.jar "$@"
