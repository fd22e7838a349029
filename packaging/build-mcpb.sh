#!/usr/bin/env bash
# Builds the Claude Desktop bundle (.mcpb) from Native AOT publish folders, one per platform:
#
#   packaging/build-mcpb.sh OUT.mcpb linux=DIR [darwin=DIR] [win32=DIR]
#
# Each DIR holds a published llmprep (llmprep.exe on win32) with its corpus/ and appsettings.json.
# The manifest lists only the platforms given; it is validated and packed with the official mcpb CLI.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(realpath -m "${1:?usage: build-mcpb.sh OUT.mcpb linux=DIR [darwin=DIR] [win32=DIR]}")"
shift

[ -d "$here/verify/node_modules/@anthropic-ai/mcpb" ] || (cd "$here/verify" && npm ci --no-audit --no-fund >/dev/null)
mcpb="$here/verify/node_modules/.bin/mcpb"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp "$here/mcpb/manifest.json" "$here/mcpb/icon.png" "$stage/"

platforms=()
for spec in "$@"; do
    platform="${spec%%=*}"
    dir="${spec#*=}"
    case "$platform" in
        linux|darwin) binary=llmprep ;;
        win32) binary=llmprep.exe ;;
        *) echo "unknown platform '$platform' (linux, darwin or win32)" >&2; exit 2 ;;
    esac
    [ -f "$dir/$binary" ] || { echo "$dir has no $binary" >&2; exit 2; }
    [ -d "$dir/corpus" ] || { echo "$dir has no corpus/ folder" >&2; exit 2; }
    mkdir -p "$stage/server/$platform"
    # Symbols never ship: the bundle carries the binary, its native SQLite, the corpus and the defaults.
    cp -a "$dir/." "$stage/server/$platform/"
    find "$stage/server/$platform" \( -name '*.dbg' -o -name '*.pdb' -o -name '*.dSYM' \) -prune -exec rm -rf {} +
    platforms+=("$platform")
done
[ ${#platforms[@]} -gt 0 ] || { echo "give at least one platform=DIR" >&2; exit 2; }

# Keep only the platforms that were built; the entry point is the first one given.
node --input-type=module - "$stage/manifest.json" "${platforms[@]}" <<'JS'
import { readFileSync, writeFileSync } from "node:fs";
const [file, ...platforms] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(file, "utf8"));
const binary = (p) => `server/${p}/llmprep${p === "win32" ? ".exe" : ""}`;
manifest.compatibility.platforms = platforms;
manifest.server.entry_point = binary(platforms[0]);
manifest.server.mcp_config.command = "${__dirname}/" + binary(platforms[0]);
const overrides = Object.fromEntries(platforms.slice(1).map((p) => [p, { command: "${__dirname}/" + binary(p) }]));
if (Object.keys(overrides).length > 0) manifest.server.mcp_config.platform_overrides = overrides;
else delete manifest.server.mcp_config.platform_overrides;
writeFileSync(file, JSON.stringify(manifest, null, 2) + "\n");
JS

"$mcpb" validate "$stage/manifest.json"
"$mcpb" pack "$stage" "$out"
echo "built $out for ${platforms[*]}"
