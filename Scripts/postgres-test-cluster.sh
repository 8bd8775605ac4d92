# Sourced by Scripts/test.sh for the TAXII server's tests (Server/), or by hand:
#   source Scripts/postgres-test-cluster.sh && postgres_test_cluster_start   # ... swift test ... then
#   postgres_test_cluster_stop
# Start installs PostgreSQL (the Debian package) when it is missing, makes a throwaway cluster in a temporary folder
# (initdb as the postgres user when run as root: initdb refuses root), starts it on 127.0.0.1 on a free port with a
# random password, and exports its URL as EXPORTCTL_TEST_POSTGRES_URL. Stop stops it and removes the folder. Any
# failure is a failure: the PostgreSQL tests are never skipped (CI=true or not), they need this cluster.

postgres_test_cluster_bindir() {
    # `|| true`: with no PostgreSQL yet, ls fails, and under test.sh's `set -eo pipefail` that would end the run
    # before the install below.
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true
}

postgres_test_cluster_start() {
    local bindir
    bindir=$(postgres_test_cluster_bindir)
    if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
        echo "postgres-test-cluster: installing postgresql" >&2
        local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
        bindir=$(postgres_test_cluster_bindir)
    fi
    if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
        echo "postgres-test-cluster: error: no PostgreSQL after installing the postgresql package" >&2
        return 1
    fi
    POSTGRES_TEST_CLUSTER_DIR=$(mktemp -d /tmp/exportctl-pg.XXXXXX)
    local dir=$POSTGRES_TEST_CLUSTER_DIR as=()
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$dir"
        as=(runuser -u postgres --)
    fi
    local password port
    password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
    # A free port: bound, read and released; the cluster takes it a moment later.
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    (umask 077; echo "$password" > "$dir/pwfile")
    [ "$(id -u)" -ne 0 ] || chown postgres: "$dir/pwfile"
    "${as[@]}" "$bindir/initdb" -D "$dir/data" -U exportctl --pwfile="$dir/pwfile" --auth=scram-sha-256 \
        -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
    rm -f "$dir/pwfile"
    # fsync=off: the durability under test is the server's (a SIGKILLed exportctl-serve), and this cluster lives in
    # /tmp for one run; without it every CREATE DATABASE of the tests waits for the disk.
    "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null \
        || { cat "$dir/server.log" >&2; return 1; }
    POSTGRES_TEST_CLUSTER_PGCTL="$bindir/pg_ctl"
    export EXPORTCTL_TEST_POSTGRES_URL="postgres://exportctl:$password@127.0.0.1:$port/postgres"
    echo "postgres-test-cluster: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
}

postgres_test_cluster_stop() {
    local dir=${POSTGRES_TEST_CLUSTER_DIR:-}
    [ -n "$dir" ] && [ -d "$dir" ] || return 0
    local as=()
    [ "$(id -u)" -ne 0 ] || as=(runuser -u postgres --)
    "${as[@]}" "$POSTGRES_TEST_CLUSTER_PGCTL" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    unset POSTGRES_TEST_CLUSTER_DIR EXPORTCTL_TEST_POSTGRES_URL
}
