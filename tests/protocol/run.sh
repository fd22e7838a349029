#!/usr/bin/env bash
# End-to-end protocol checks against the built server (src/LlmPrep.Server/bin/Release/net10.0/llmprep):
#  1. the official TypeScript MCP client (@modelcontextprotocol/sdk 1.32.2, protocol 2025-11-25) over stdio and
#     Streamable HTTP: every tool, prompt, resource, completion and subscription (e2e.mjs);
#  2. the official conformance suite's server scenarios over HTTP, when its harness is beside the repository
#     (../shared/tools/mcpharness, or $MCPHARNESS), with the scenarios that need the suite's own fixtures listed in
#     conformance-baseline.yml. --no-conformance skips it.
# Needs Node 20+ and npm. Prints a final "N passed, N failed" line and exits non-zero on any failure.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
bin="$repo/src/LlmPrep.Server/bin/Release/net10.0/llmprep"
harness="${MCPHARNESS:-$repo/../shared/tools/mcpharness}"
conformance=1
[ "${1:-}" = --no-conformance ] && conformance=0

passed=0
failed=0
cleanup=()
trap 'for p in "${cleanup[@]}"; do case "$p" in pid:*) kill "${p#pid:}" 2>/dev/null ;; *) rm -rf "$p" ;; esac; done' EXIT

if [ ! -x "$bin" ]; then
    echo "no server at $bin: run 'dotnet build LlmPrep.sln -c Release' first"
    echo "0 passed, 1 failed"
    exit 1
fi

echo "== TypeScript SDK client (2025-11-25) over stdio and HTTP"
if (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
    log=$(mktemp); cleanup+=("$log")
    node "$here/e2e.mjs" "$bin" "$repo/tests/LlmPrep.Server.Tests/Fixtures/corpus" | tee "$log"
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
    if [ -n "$line" ]; then
        passed=$((passed + $(echo "$line" | awk '{print $1}')))
        failed=$((failed + $(echo "$line" | awk '{print $3}')))
    else
        failed=$((failed + 1))
    fi
else
    echo "FAIL  npm ci in tests/protocol"
    failed=$((failed + 1))
fi

if [ "$conformance" -eq 1 ] && [ -x "$harness/check-conformance.sh" ]; then
    echo "== official conformance suite, server scenarios over HTTP"
    work=$(mktemp -d); cleanup+=("$work")
    cp -r "$harness/." "$work/"
    if (cd "$work" && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
        port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
        data=$(mktemp -d); cleanup+=("$data")
        "$bin" serve --http --urls "http://127.0.0.1:$port" --data-dir "$data" 2>"$work/server.log" &
        cleanup+=("pid:$!")
        for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$port/mcp" && break; sleep 0.1; done
        if OUT="$work/results/run" BASELINE="$here/conformance-baseline.yml" "$work/check-conformance.sh" http "http://localhost:$port/mcp"; then
            echo "ok    conformance: every applicable server scenario passes"
            passed=$((passed + 1))
        else
            echo "FAIL  conformance: see the scenarios above"
            failed=$((failed + 1))
        fi
    else
        echo "FAIL  npm ci of the conformance harness"
        failed=$((failed + 1))
    fi
elif [ "$conformance" -eq 1 ]; then
    echo "== conformance suite skipped: no harness at $harness"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
