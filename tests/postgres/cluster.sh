#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests: Debian's binaries, a temporary folder, loopback only.
#
#   eval "$(tests/postgres/cluster.sh start)"   # initdb + pg_ctl start; prints the export lines below
#   tests/postgres/cluster.sh stop [DIR]        # stops the cluster and deletes its folder
#
# start prints (to stdout, for eval; progress goes to stderr):
#   export LLMPREP_TEST_POSTGRES_DIR=<the cluster's folder>
#   export LLMPREP_TEST_POSTGRES='Host=127.0.0.1;Port=<port>;Database=llmprep;Username=llmprep;Password=<random>'
# and writes the connection string to <folder>/connection-string. The superuser is llmprep (password
# authentication over TCP, so wrong passwords are refused); the unix socket is in <folder>/socket.
# stop takes the folder as its argument or from LLMPREP_TEST_POSTGRES_DIR.
set -euo pipefail

say() { echo "postgres cluster: $*" >&2; }

bin_dir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
        say "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (install them: apt-get install -y postgresql)"
        exit 1
    fi
    echo "$dir"
}

# PostgreSQL refuses to run as root: run its commands as an unprivileged OS user.
os_user() {
    if [ "$(id -u)" -ne 0 ]; then
        id -un
        return
    fi
    if id -u postgres >/dev/null 2>&1; then
        echo postgres
        return
    fi
    id -u llmprep-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin llmprep-pg
    echo llmprep-pg
}

as_user() {
    local user=$1
    shift
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u "$user" -- "$@"
    else
        "$@"
    fi
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
    local bin user dir password port attempt
    bin=$(bin_dir)
    user=$(os_user)
    dir=$(mktemp -d "${TMPDIR:-/tmp}/llmprep-postgres.XXXXXX")
    mkdir -p "$dir/data" "$dir/socket"
    password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    printf '%s\n' "$password" >"$dir/password"
    chmod 700 "$dir"
    chmod 600 "$dir/password"
    [ "$(id -u)" -eq 0 ] && chown -R "$user" "$dir"

    say "initdb in $dir/data (as $user)"
    as_user "$user" "$bin/initdb" -D "$dir/data" -U llmprep --pwfile="$dir/password" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }

    for attempt in 1 2 3 4 5 6 7 8; do
        port=$((20000 + RANDOM % 40000))
        port_in_use "$port" && continue
        if as_user "$user" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
            -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir/socket -c max_connections=300 -c fsync=off" >&2; then
            break
        fi
        say "could not start on port $port (attempt $attempt)"
        port=""
    done
    if [ -z "${port:-}" ]; then
        tail -n 20 "$dir/server.log" >&2 || true
        exit 1
    fi

    as_user "$user" "$bin/createdb" -h "$dir/socket" -p "$port" -U llmprep llmprep
    local connection="Host=127.0.0.1;Port=$port;Database=llmprep;Username=llmprep;Password=$password"
    printf '%s\n' "$connection" >"$dir/connection-string"
    printf '%s\n' "$port" >"$dir/port"
    chmod 644 "$dir/connection-string" "$dir/port"
    say "running on 127.0.0.1:$port, folder $dir"
    echo "export LLMPREP_TEST_POSTGRES_DIR='$dir'"
    echo "export LLMPREP_TEST_POSTGRES='$connection'"
}

stop() {
    local dir=${1:-${LLMPREP_TEST_POSTGRES_DIR:-}}
    if [ -z "$dir" ] || [ ! -d "$dir/data" ]; then
        say "no cluster folder to stop (give it as an argument or in LLMPREP_TEST_POSTGRES_DIR)"
        exit 1
    fi
    local bin user
    bin=$(bin_dir)
    user=$(stat -c %U "$dir/data")
    as_user "$user" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    rm -rf "$dir"
    say "stopped and removed $dir"
}

case "${1:-}" in
    start) start ;;
    stop) shift; stop "$@" ;;
    *) echo "usage: $0 start | stop [DIR]" >&2; exit 2 ;;
esac
