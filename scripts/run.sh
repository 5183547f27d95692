#!/usr/bin/env bash
# Builds Collector and runs it: every service in one JVM, the sales flow through their REST APIs,
# then the platform keeps running until Ctrl-C. Options: --flows=N, --exit, --verbose, --bus-demo.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-infra.sh
echo "[collector] building (tests skipped; scripts/test.sh runs them)"
mvn -B -q -ntp install -DskipTests -pl platform -am
exec java -jar platform/target/collector-platform-exec.jar "$@"
