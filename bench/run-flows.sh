#!/usr/bin/env bash
# Runs the flow benchmark: the ten services in one JVM, order-to-cash flows through their REST APIs
# from concurrent client threads; start time, flows/s, p50/p99 end to end, peak memory. About 3 minutes.
# Settings: arguments --name=value or environment variables BENCH_FLOW_NAME (see bench/README.md), e.g.
#   bench/run-flows.sh --threads=8 --duration=120
#   bench/run-flows.sh --warmup=10 --duration=20 --write-readme=false   # a quick look
# BENCH_FLOW_JAVA_OPTS sets the JVM options (default: none, the JVM's defaults, as scripts/run.sh runs the demo).
set -euo pipefail
cd "$(dirname "$0")/.."

# RabbitMQ and PostgreSQL running (started or installed if need be), as for the tests.
if [ -x scripts/ensure-infra.sh ]; then scripts/ensure-infra.sh; fi

# Build the services, the platform and the benchmark (no tests) and write the flow benchmark's runtime
# classpath: bench's, without PerfTest and the metrics registries it brings, which the services do not have.
mvn -q -B -pl bench -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile="$PWD/bench/target/flow-classpath.txt" -DincludeScope=runtime \
    -DexcludeArtifactIds=perf-test,micrometer-registry-datadog,micrometer-registry-jmx,metrics-jmx,commons-cli,jgroups,jgroups-kubernetes \
    >/dev/null

# The version measured: the commit, marked +dirty when the services, libraries or platform have uncommitted changes.
LIBRARY="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain -- libs services platform 2>/dev/null)" ]; then LIBRARY="$LIBRARY+dirty"; fi

# shellcheck disable=SC2086
exec java ${BENCH_FLOW_JAVA_OPTS:-} \
    -cp "bench/target/classes:$(cat bench/target/flow-classpath.txt)" \
    io.collector.bench.flow.FlowBenchmark --readme=bench/README.md --library="$LIBRARY" "$@"
