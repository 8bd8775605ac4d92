#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need (xmllint, the Python oracles), then swift test.
# Usage: Scripts/test.sh [extra swift test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

# System tools and the pinned Python oracles (.venv), shared with Benchmarks/run.sh.
source Scripts/oracle-venv.sh

# The layering (docs/ARCHITECTURE.md): a file importing a module its layer may not use fails before any build.
python3 Scripts/check-layers.py
swift build --build-tests
swift test --skip-build "$@"

# The TAXII server (issue 19) is its own package, Server/, so that the builds above and the sanitizer builds below
# never compile Hummingbird, SwiftNIO or GRDB. Its tests run once, here, without sanitizers: they start the server on
# a free loopback port and drive it with taxii2-client from the venv. A clean build of Server/ costs a few minutes
# (docs/ARCHITECTURE.md, "The TAXII server"). Its store tests run on SQLite and on PostgreSQL: a throwaway cluster
# on loopback (Scripts/postgres-test-cluster.sh installs the Debian package when missing), stopped and removed on
# exit; a PostgreSQL that cannot be had fails the run. EXPORTCTL_SERVER_TESTS=0 skips all of it.
if [ "${EXPORTCTL_SERVER_TESTS:-1}" != 0 ]; then
    source Scripts/postgres-test-cluster.sh
    trap postgres_test_cluster_stop EXIT
    swift build --build-tests --package-path Server
    postgres_test_cluster_start
    swift test --skip-build --package-path Server
    postgres_test_cluster_stop
fi

# Sanitizers (issue 9; Fuzz/README.md, "Sanitizers in CI", says why this subset and what it costs): the readers of
# partner files, the XML layer over libxml2, sharing, the fuzz seeds and regressions and the CLI's bad-input
# catalogue under AddressSanitizer with LeakSanitizer (not HostileXMLTests: its `ulimit -v` leaves ASan no room for
# its shadow memory), in their own build folder. Any report fails the step.
# Then the concurrent code (one compiled schema shared by parallel validation) under ThreadSanitizer, also in its own
# build folder. EXPORTCTL_SANITIZERS=0 skips both; EXPORTCTL_TSAN=0 skips only the ThreadSanitizer step.
# exitcode: not 1, 2 or 3, which the CLI tests expect from exportctl for bad input. quarantine_size_mb: the
# bad-input catalogue holds exportctl to 500 MB of memory, and ASan's default 256 MB quarantine of freed blocks
# would count against it.
export ASAN_OPTIONS="halt_on_error=1:exitcode=86:detect_leaks=1:quarantine_size_mb=64:strict_string_checks=1"
export LSAN_OPTIONS="suppressions=$PWD/Tests/sanitizers/lsan.supp:exitcode=87:print_suppressions=0"
export TSAN_OPTIONS="halt_on_error=1:exitcode=88"
if [ "${EXPORTCTL_SANITIZERS:-1}" != 0 ]; then
    asan_tests='ExportTests\.(AuthoringReader|AuthoringReaderPartnership|LocatedJSONReader|STIX21Reader|STIX21ReaderLimit|STIX21ThirdPartyImport|STIXBundleValidator(Stricter|Finding|Streaming)?|JSONStreamScanner(List)?|XMLDocument|XMLSchema|ReportXMLSchema|SharingPolicy|SharingImportedContent|FuzzEntryPoints|FileValidation|SurrogatePairEscapes|MarkingDefinitionTimestamp)Tests|ExportCtlTests\.(BadInputCatalogue|ReadOnce|XMLEncoding|QuadraticXML)Tests'
    swift build --build-tests --sanitize=address --scratch-path .build-asan
    swift test --skip-build --sanitize=address --scratch-path .build-asan --filter "$asan_tests"
fi
if [ "${EXPORTCTL_SANITIZERS:-1}" != 0 ] && [ "${EXPORTCTL_TSAN:-1}" != 0 ]; then
    swift build --build-tests --sanitize=thread --scratch-path .build-tsan
    swift test --skip-build --sanitize=thread --scratch-path .build-tsan --filter 'ExportTests\.(XMLSchema|FileValidation)Tests'
fi
