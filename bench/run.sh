#!/usr/bin/env bash
# Runs the bus benchmark: RabbitMQ PerfTest, then the bus, on the local broker and database.
# Settings: arguments --name=value or environment variables BENCH_NAME (see bench/README.md), e.g.
#   bench/run.sh --duration=40 --consumer-batch-size=200
#   BENCH_DURATION=10 BENCH_E2E_SECONDS=8 BENCH_LATENCY_SECONDS=8 bench/run.sh   # a quick smoke run
# bench/run.sh --flow [settings] runs the flow benchmark instead (bench/run-flows.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--flow" ]; then shift; exec bench/run-flows.sh "$@"; fi

# RabbitMQ and PostgreSQL running (started or installed if need be), as for the tests.
if [ -x scripts/ensure-infra.sh ]; then scripts/ensure-infra.sh; fi

# Build the libraries and the benchmark (no tests) and write the runtime classpath. In one reactor
# the libraries resolve to their freshly built jars; every module writes the file, bench comes last.
mvn -q -B -pl bench -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile="$PWD/bench/target/classpath.txt" -Dmdep.includeScope=runtime >/dev/null

# The library version measured: the commit, marked +dirty when libs/ has uncommitted changes.
LIBRARY="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain -- libs 2>/dev/null)" ]; then LIBRARY="$LIBRARY+dirty"; fi

exec java ${BENCH_JAVA_OPTS:--Xms1g -Xmx2g} \
    -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
    io.collector.bench.BusBenchmark --readme=bench/README.md --library="$LIBRARY" "$@"
