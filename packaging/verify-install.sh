#!/usr/bin/env bash
# Proves every install path that can be built on this Linux machine, the way a user meets it: pack and
# install the NuGet MCP server package, run it through `dnx`, unpack a release archive, install the
# Claude Desktop bundle; each time a real MCP client (the official TypeScript SDK) connects to the
# installed server over stdio and searches the bundled corpus. Prints "N passed, N failed".
#
#   packaging/verify-install.sh
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
verify="$root/packaging/verify"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
passed=0
failed=0

check() {
    local name="$1"
    shift
    echo "== $name"
    if "$@"; then
        echo "ok: $name"
        passed=$((passed + 1))
    else
        echo "FAILED: $name"
        failed=$((failed + 1))
    fi
}

# Installs must come from the local feed, not from a cache of an earlier run.
isolated() { NUGET_PACKAGES="$work/nuget-packages" DOTNET_CLI_HOME="$work/home" "$@"; }

pack() {
    (cd "$verify" && npm ci --no-audit --no-fund --loglevel=error) &&
        dotnet pack "$root/src/LlmPrep.Server" -c Release -o "$feed" -v q -nologo &&
        dotnet pack "$root/src/LlmPrep.Server" -c Release -r linux-x64 -o "$feed" -v q -nologo &&
        dotnet pack "$root/src/LlmPrep.Server" -c Release -r any -p:PublishAot=false -o "$feed" -v q -nologo &&
        ls -l "$feed"
}

package_metadata() {
    local pointer="$feed/LlmPrep.$version.nupkg" native="$feed/LlmPrep.linux-x64.$version.nupkg"
    # Listings go to files first: grep -q stops reading early, which would fail the pipe under pipefail.
    unzip -p "$pointer" LlmPrep.nuspec > "$work/pointer.nuspec" && unzip -l "$native" > "$work/native.list" || return 1
    grep -q '<packageType name="McpServer" />' "$work/pointer.nuspec" || { echo "no McpServer package type"; return 1; }
    unzip -p "$pointer" .mcp/server.json > "$work/server.json" || { echo "no .mcp/server.json in the package"; return 1; }
    node "$verify/server-json.mjs" "$work/server.json" LlmPrep "$version" || return 1
    if grep -E '\.(dbg|pdb)$' "$work/native.list"; then echo "debug symbols in the native package"; return 1; fi
    grep -q 'corpus/03-rag-and-embeddings/hybrid-search.md' "$work/native.list" || { echo "the bundled corpus is not in the package"; return 1; }
}

tool_install() {
    isolated dotnet tool install --tool-path "$work/tools" --add-source "$feed" LlmPrep --version "$version" || return 1
    local printed
    printed="$("$work/tools/llmprep" --version)"
    [ "$printed" = "$version" ] || { echo "llmprep --version printed '$printed', expected $version"; return 1; }
    [ "$(head -c 4 "$work/tools/llmprep" | tail -c 3)" = "ELF" ] || { echo "the installed tool is not the native binary"; return 1; }
    node "$verify/client.mjs" --label "dotnet tool" --env "LLMPREP_DATA_DIR=$work/data-tool" -- "$work/tools/llmprep"
}

dnx_run() {
    # What an MCP client config with "command": "dnx", "args": ["LlmPrep@VERSION", "--yes"] starts.
    node "$verify/client.mjs" --label dnx --env "LLMPREP_DATA_DIR=$work/data-dnx" \
        --env "NUGET_PACKAGES=$work/nuget-packages-dnx" --env "DOTNET_CLI_HOME=$work/home-dnx" \
        -- dotnet dnx "LlmPrep@$version" --yes --add-source "$feed"
}

framework_dependent() {
    # The fallback package for platforms without a native build runs on the .NET 10 runtime.
    mkdir -p "$work/any" && unzip -q "$feed/LlmPrep.any.$version.nupkg" -d "$work/any" || return 1
    node "$verify/client.mjs" --label "framework-dependent" --env "LLMPREP_DATA_DIR=$work/data-any" \
        -- dotnet "$work/any/tools/net10.0/any/llmprep.dll"
}

release_archive() {
    "$root/packaging/build-release.sh" linux-x64 "$work/release" "$root/src/LlmPrep.Server/bin/Release/net10.0/linux-x64/publish" || return 1
    (cd "$work/release" && sha256sum -c "llmprep-$version-linux-x64.tar.gz.sha256") || return 1
    mkdir -p "$work/unpacked" && tar -C "$work/unpacked" -xzf "$work/release/llmprep-$version-linux-x64.tar.gz" || return 1
    local dir="$work/unpacked/llmprep-$version-linux-x64"
    if [ -n "$(find "$dir" -name '*.dbg' -o -name '*.pdb')" ]; then echo "debug symbols in the archive"; return 1; fi
    node "$verify/client.mjs" --label "release archive" --env "LLMPREP_DATA_DIR=$work/data-archive" -- "$dir/llmprep"
}

claude_bundle() {
    "$root/packaging/build-mcpb.sh" "$work/llmprep.mcpb" "linux=$root/src/LlmPrep.Server/bin/Release/net10.0/linux-x64/publish" || return 1
    node "$verify/bundle.mjs" "$work/llmprep.mcpb" "$work/data-mcpb"
}

mapped_type_data() {
    # The Linux binary keeps the runtime's type data as the program uses it, at addresses fixed when linking (IlcDehydrate
    # and PositionIndependentExecutable are off for Linux in the project), so a start maps it from the file instead of
    # unpacking about 13 MB of it into fresh memory. Read the published binary's ELF header and sections.
    local bin="$root/src/LlmPrep.Server/bin/Release/net10.0/linux-x64/publish/llmprep"
    local kind
    kind=$(readelf -h "$bin" | awk '$1 == "Type:" {print $2}')
    echo "ELF type: $kind"
    [ "$kind" = "EXEC" ] || { echo "expected a position-dependent executable (EXEC)"; return 1; }
    if readelf -S -W "$bin" | grep -q '[.]hydrated'; then
        echo "the binary has a .hydrated section: its type data is unpacked at every start"
        return 1
    fi
}

check "pack the NuGet packages into a local feed" pack
check "package metadata: McpServer type, valid .mcp/server.json, corpus, no symbols" package_metadata
check "dotnet tool install, llmprep --version, MCP client over stdio" tool_install
check "dnx LlmPrep --yes, MCP client over stdio" dnx_run
check "framework-dependent fallback package, MCP client over stdio" framework_dependent
check "Linux binary: type data mapped from the file, not unpacked at start" mapped_type_data
check "release archive with SHA-256, MCP client over stdio" release_archive
check "Claude Desktop bundle: validate, pack, unpack and start as Claude Desktop does" claude_bundle
check "release workflow: builds every promised platform, jobs wired, actions pinned" node "$verify/workflow.mjs" "$root"

echo "install paths: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
