#!/usr/bin/env bash
# A cohort on one service, end to end: two built llmprep instances (serve --http) keep progress in one PostgreSQL
# database (LLMPREP_TEST_POSTGRES, or a throwaway cluster from tests/postgres/cluster.sh), share one tokens file, and
# sit behind HAProxy on loopback (round robin, 2025-11-25 sessions kept on their instance by Mcp-Session-Id).
#  1. a bounded load run through the balancer (load.mjs): every call must succeed; its latency is printed, not judged;
#     then a few users call statelessly (2026-07-28, no session), which must succeed on whichever instance answers;
#  2. the checks (checks.mjs, the official TypeScript MCP client): reviews written through one instance are read through
#     the other; sessions stick; user B never sees or changes user A's data; one instance killed -9 during answers
#     loses no acknowledged review.
# Everything started here is stopped on exit. Prints a final "N passed, N failed" line.
#
#   tests/cohort/run.sh [--load-users N] [--load-calls M] [--think-ms T] [--warmup W] [--client lean|sdk]
#                       [--revision 2025-11-25|2026-07-28] [--bundled-corpus] [--bin PATH]
# --think-ms, --warmup, --client and --revision go to load.mjs (see there); --bin runs another build of the server,
# such as a Native AOT publish (the default is the Release build, bin/Release/net10.0/llmprep).
# Needs Node 20+, npm, haproxy and (without LLMPREP_TEST_POSTGRES) PostgreSQL's server binaries.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
bin="$repo/src/LlmPrep.Server/bin/Release/net10.0/llmprep"
corpus=(--no-bundled --corpus "$repo/tests/LlmPrep.Server.Tests/Fixtures/corpus")
load_users=10
load_calls=6
load_options=()
usage="usage: $0 [--load-users N] [--load-calls M] [--think-ms T] [--warmup W] [--client lean|sdk] [--revision R] [--bundled-corpus] [--bin PATH]"
while [ $# -gt 0 ]; do
    case "$1" in
        --load-users) load_users=$2; shift 2 ;;
        --load-calls) load_calls=$2; shift 2 ;;
        --think-ms | --warmup | --client | --revision) load_options+=("$1" "$2"); shift 2 ;;
        --bundled-corpus) corpus=(); shift ;;
        --bin) bin=$2; shift 2 ;;
        *) echo "$usage" >&2; exit 2 ;;
    esac
done

passed=0
failed=0
pids=()
cluster_dir=""
work=$(mktemp -d "${TMPDIR:-/tmp}/llmprep-cohort.XXXXXX")
cleanup() {
    for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null; done
    [ -n "$cluster_dir" ] && bash "$repo/tests/postgres/cluster.sh" stop "$cluster_dir" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

give_up() {
    echo "FAIL  $*"
    echo "$passed passed, $((failed + 1)) failed"
    exit 1
}

count() {
    local line
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$1" | tail -n 1)
    if [ -n "$line" ]; then
        passed=$((passed + $(echo "$line" | awk '{print $1}')))
        failed=$((failed + $(echo "$line" | awk '{print $3}')))
    else
        failed=$((failed + 1))
    fi
}

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

wait_healthy() {
    for _ in $(seq 1 600); do
        curl -sf -o /dev/null "http://127.0.0.1:$1/health" && return 0
        sleep 0.1
    done
    return 1
}

[ -x "$bin" ] || give_up "no server at $bin: run 'dotnet build LlmPrep.sln -c Release' first (or give --bin)"
command -v haproxy >/dev/null || give_up "haproxy is not installed (apt-get install haproxy)"
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || give_up "npm ci in tests/cohort"

echo "== PostgreSQL"
if [ -z "${LLMPREP_TEST_POSTGRES:-}" ]; then
    cluster_env=$(bash "$repo/tests/postgres/cluster.sh" start) || give_up "could not start a PostgreSQL cluster (tests/postgres/cluster.sh)"
    eval "$cluster_env"
    cluster_dir=$LLMPREP_TEST_POSTGRES_DIR
    echo "a throwaway cluster in $cluster_dir"
else
    echo "the database in LLMPREP_TEST_POSTGRES"
fi

echo "== users (one tokens file for both instances)"
run="r$(date +%s)$$"
tokens="$work/tokens"
add_token() { "$bin" token add "$1" --tokens-file "$tokens" --data-dir "$work/cli" 2>/dev/null; }
alice=$(add_token "alice-$run") && bob=$(add_token "bob-$run") && carol=$(add_token "carol-$run") || give_up "llmprep token add"
: >"$work/load-tokens"
for i in $(seq 1 "$load_users"); do
    add_token "load-$run-$i" >>"$work/load-tokens" || give_up "llmprep token add (load user $i)"
done
echo "$((load_users + 3)) users"

echo "== two instances on PostgreSQL behind HAProxy"
port_one=$(free_port)
port_two=$(free_port)
port_lb=$(free_port)
for instance in one two; do
    port_var="port_$instance"
    # The first generation's size as deploy/compose.yaml sets it for a group.
    DOTNET_GCgen0size=4000000 LLMPREP_PROGRESS_PROVIDER=postgres LLMPREP_PROGRESS_CONNECTION_STRING="$LLMPREP_TEST_POSTGRES" \
        "$bin" serve --http --urls "http://127.0.0.1:${!port_var}" "${corpus[@]}" --data-dir "$work/$instance" --tokens-file "$tokens" \
        2>"$work/$instance.log" &
    pids+=("$!")
    disown "$!"
    eval "pid_$instance=$!"
done
wait_healthy "$port_one" && wait_healthy "$port_two" || { cat "$work/one.log" "$work/two.log"; give_up "the instances did not start"; }

cat >"$work/haproxy.cfg" <<CFG
global
    maxconn 4096
defaults
    mode http
    timeout connect 2s
    timeout client 120s
    timeout server 120s
    timeout check 5s
    option redispatch
    retries 2
frontend mcp
    bind 127.0.0.1:$port_lb
    default_backend llmprep
backend llmprep
    balance roundrobin
    option httpchk GET /health
    stick-table type string len 64 size 100k expire 30m
    stick on req.hdr(mcp-session-id)
    stick store-response res.hdr(mcp-session-id)
    server one 127.0.0.1:$port_one check inter 1s fall 3 rise 2
    server two 127.0.0.1:$port_two check inter 1s fall 3 rise 2
CFG
haproxy -f "$work/haproxy.cfg" -db >"$work/haproxy.log" 2>&1 &
pids+=("$!")
disown "$!"
wait_healthy "$port_lb" || { cat "$work/haproxy.log"; give_up "HAProxy did not start"; }
echo "instances on :$port_one and :$port_two, HAProxy on :$port_lb"

balanced="http://127.0.0.1:$port_lb/mcp"
log="$work/out.log"

echo "== load through the balancer: $load_users users x $load_calls calls"
if node "$here/load.mjs" --url "$balanced" --tokens "$work/load-tokens" --calls "$load_calls" "${load_options[@]}" | tee "$log"; then
    echo "ok    load: every call succeeded"
    passed=$((passed + 1))
else
    echo "FAIL  load: calls failed (see above)"
    tail -n 5 "$work/haproxy.log"
    failed=$((failed + 1))
fi

echo "== stateless requests (2026-07-28, no session) through the balancer: 4 users x 6 calls"
if node "$here/load.mjs" --url "$balanced" --tokens "$work/load-tokens" --users 4 --calls 6 --revision 2026-07-28 >"$log"; then
    echo "ok    stateless load: every call succeeded without a session"
    passed=$((passed + 1))
else
    cat "$log"
    echo "FAIL  stateless load: calls failed"
    failed=$((failed + 1))
fi

echo "== checks"
config=$(printf '{"one":"http://127.0.0.1:%s/mcp","two":"http://127.0.0.1:%s/mcp","balanced":"%s","alice":"%s","bob":"%s","carol":"%s","killPid":%s}' \
    "$port_one" "$port_two" "$balanced" "$alice" "$bob" "$carol" "$pid_one")
node "$here/checks.mjs" "$config" | tee "$log"
count "$log"

if grep -q "$alice\|$bob\|$carol" "$work/one.log" "$work/two.log" "$work/haproxy.log"; then
    echo "FAIL  a bearer token appears in a log"
    failed=$((failed + 1))
else
    echo "ok    no bearer token in the instances' or HAProxy's logs"
    passed=$((passed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
