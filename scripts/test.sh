#!/usr/bin/env bash
# Runs every test of Collector against the real RabbitMQ and PostgreSQL (started or installed first).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-infra.sh
exec mvn -B -ntp verify "$@"
