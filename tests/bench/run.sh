#!/usr/bin/env bash
# Smoke test of the speed tooling against the built server (src/LlmPrep.Server/bin/Release/net10.0/llmprep): the bench
# runs and prints every figure, --generate writes the same vault twice for the same seed, and the stdio timing driver of
# bench/peers works (driving llmprep against itself). It checks that things run and print, never how fast they are.
# Prints a final "N passed, N failed" line and exits non-zero on any failure.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
bin="${LLMPREP_BIN:-$repo/src/LlmPrep.Server/bin/Release/net10.0/llmprep}"

passed=0
failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ok() { echo "ok    $1"; passed=$((passed + 1)); }
fail() { echo "FAIL  $1"; failed=$((failed + 1)); }
check() { if eval "$2"; then ok "$1"; else fail "$1"; fi; }

if [ ! -x "$bin" ]; then
    echo "no server at $bin: run 'dotnet build LlmPrep.sln -c Release' first"
    echo "0 passed, 1 failed"
    exit 1
fi

echo "== llmprep bench on the bundled corpus"
"$bin" bench --iterations 2 --data-dir "$work/data" >"$work/bench.txt" 2>&1
code=$?
cat "$work/bench.txt"
check "bench exits 0" '[ "$code" -eq 0 ]'
for line in "corpus " "parse " "index cold " "index warm " "index change " "matches " "search (" "slowest " "grade (" "start (spawn to initialize answered)"; do
    check "bench prints '$line'" 'grep -q "^$line" "$work/bench.txt"'
done

echo "== llmprep bench --generate"
"$bin" bench --generate 150 --seed 3 --out "$work/v1" >"$work/gen.txt" 2>&1
check "generate exits 0 and says what it wrote" 'grep -q "^vault        150 notes" "$work/gen.txt"'
"$bin" bench --generate 150 --seed 3 --out "$work/v2" >/dev/null 2>&1
check "the same count and seed write byte-identical files" 'diff -r "$work/v1" "$work/v2" >/dev/null'
check "the vault holds 150 notes" '[ "$(find "$work/v1" -name "*.md" | wc -l)" -eq 150 ]'
before=$(find "$work/v1" -type f | sort | xargs cat | sha256sum)
"$bin" bench --generate 10 --seed 4 --out "$work/v1" >/dev/null 2>"$work/refused.txt"
code=$?
check "a folder that is not empty is refused (exit 2, a reason)" '[ "$code" -eq 2 ] && grep -q "not empty" "$work/refused.txt"'
check "and left as it was" '[ "$(find "$work/v1" -type f | sort | xargs cat | sha256sum)" = "$before" ]'

echo "== llmprep bench on the generated vault"
"$bin" bench --no-bundled --corpus "$work/v1" --iterations 1 --data-dir "$work/data2" >"$work/bench2.txt" 2>&1
check "bench on a vault exits 0 and reads all of it" 'grep -q "^corpus       150 notes" "$work/bench2.txt"'

echo "== bench/peers: the script parses, the stdio driver times a server"
check "qmd.sh is valid bash" 'bash -n "$repo/bench/peers/qmd.sh"'
spec() { printf '{"name":"%s","command":"%s","args":["serve","--no-bundled","--corpus","%s","--data-dir","%s"],"tool":"search_notes","arguments":[{"query":"attention"},{"query":"kv cache"}]}' "$1" "$bin" "$work/v1" "$work/$1"; }
node "$repo/bench/peers/stdio-timing.mjs" start 2 "$(spec a)" "$(spec b)" >"$work/start.txt" 2>&1
cat "$work/start.txt"
check "the driver times spawn to initialize for both servers" '[ "$(grep -cE "^(a|b) median [0-9.]+ p95" "$work/start.txt")" -eq 2 ]'
node "$repo/bench/peers/stdio-timing.mjs" search 5 "$(spec a)" "$(spec b)" >"$work/search.txt" 2>&1
cat "$work/search.txt"
check "the driver times search round trips for both servers" '[ "$(grep -cE "^(a|b) median [0-9.]+ p95" "$work/search.txt")" -eq 2 ]'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
