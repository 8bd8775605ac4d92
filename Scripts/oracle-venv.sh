# Sourced by Scripts/test.sh and Benchmarks/run.sh: installs the system tools the oracles and benchmarks need
# (xmllint, pkg-config, libxml2 and SQLite headers, strace, GNU time) and the pinned Python oracles into .venv, rebuilt
# only when Tests/oracles/requirements.txt changes. Exports EXPORTCTL_PYTHON.
need_apt=()
command -v xmllint >/dev/null 2>&1 || need_apt+=(libxml2-utils)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
[ -f /usr/include/libxml2/libxml/parser.h ] || need_apt+=(libxml2-dev)
# The TAXII server package (Server/) links the system's SQLite through GRDB.
[ -f /usr/include/sqlite3.h ] || need_apt+=(libsqlite3-dev)
command -v strace >/dev/null 2>&1 || need_apt+=(strace)
# The TAXII server's TLS tests make a throwaway certificate with openssl.
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)
[ -x /usr/bin/time ] || need_apt+=(time)
if [ ${#need_apt[@]} -gt 0 ]; then
    echo "oracle-venv: installing ${need_apt[*]}" >&2
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

requirements=Tests/oracles/requirements.txt
stamp=.venv/.requirements.sha256
want=$(sha256sum "$requirements" | cut -d' ' -f1)
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "oracle-venv: installing the Python oracles into .venv" >&2
    rm -rf .venv
    python3 -m venv .venv
    .venv/bin/pip install -q --disable-pip-version-check -r "$requirements"
    echo "$want" > "$stamp"
fi
export EXPORTCTL_PYTHON="$PWD/.venv/bin/python"
