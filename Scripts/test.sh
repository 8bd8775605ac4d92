#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need (xmllint, the Python oracles), then swift test.
# Usage: Scripts/test.sh [extra swift test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

# System tools and the pinned Python oracles (.venv), shared with Benchmarks/run.sh.
source Scripts/oracle-venv.sh

swift build --build-tests
swift test --skip-build "$@"
