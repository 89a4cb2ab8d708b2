#!/usr/bin/env bash
# The project's test command (CI runs it through .ci/run). On a fresh Debian machine it installs
# what the tests need (PostgreSQL from Debian, grpcio from PyPI, protoc for the generated-code
# check), then builds and runs every Swift test. JUnit lands in reports/junit.xml.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
say() { printf '\ntest: %s\n' "$*" >&2; }
mkdir -p reports

say "generated gRPC code matches Protos/ (dev/check-generated-code.sh)"
dev/check-generated-code.sh

say "PostgreSQL for the tests (dev/postgres-test-server.sh)"
dev/postgres-test-server.sh start

say "building (debug, with tests)"
swift build --build-tests

say "running the tests"
swift test --skip-build --xunit-output reports/junit.xml "$@"
