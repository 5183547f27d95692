#!/usr/bin/env bash
# Runs every test of Collector against the real RabbitMQ and PostgreSQL, and the console test in
# headless Chromium (each started or installed first when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-infra.sh --browser
exec mvn -B -ntp verify "$@"
