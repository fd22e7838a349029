#!/usr/bin/env bash
# Builds the release artifacts of one platform from a Native AOT publish of llmprep:
#
#   packaging/build-release.sh RID OUT_DIR [PUBLISH_DIR]
#
# - OUT_DIR/llmprep-VERSION-RID.tar.gz (.zip on Windows): the binary, its native SQLite, the bundled
#   corpus and the default appsettings.json, without debug symbols;
# - OUT_DIR/llmprep-VERSION-RID.tar.gz.sha256: its SHA-256 sum, in `sha256sum -c` format;
# - OUT_DIR/LlmPrep.RID.VERSION.nupkg: the RID-specific tool package (only when no PUBLISH_DIR is given).
#
# Without PUBLISH_DIR it runs `dotnet pack -r RID` (which publishes Native AOT) on this machine; Native AOT
# builds only for the machine's own OS, so each RID runs on a runner of that OS.
set -euo pipefail
rid="${1:?usage: build-release.sh RID OUT_DIR [PUBLISH_DIR]}"
out="$(realpath -m "${2:?usage: build-release.sh RID OUT_DIR [PUBLISH_DIR]}")"
root="$(cd "$(dirname "$0")/.." && pwd)"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props")"
mkdir -p "$out"

publish="${3:-}"
if [ -z "$publish" ]; then
    dotnet pack "$root/src/LlmPrep.Server" -c Release -r "$rid" -o "$out"
    publish="$root/src/LlmPrep.Server/bin/Release/net10.0/$rid/publish"
fi
binary=llmprep
[[ "$rid" == win-* ]] && binary=llmprep.exe
[ -x "$publish/$binary" ] || { echo "no $binary in $publish" >&2; exit 1; }

name="llmprep-$version-$rid"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$name"
cp -a "$publish/." "$stage/$name/"
find "$stage/$name" \( -name '*.dbg' -o -name '*.pdb' -o -name '*.dSYM' \) -prune -exec rm -rf {} +
cp "$root/README.md" "$root/CHANGELOG.md" "$stage/$name/"

if [[ "$rid" == win-* ]]; then
    archive="$name.zip"
    (cd "$stage" && if command -v zip >/dev/null; then zip -qr "$out/$archive" "$name"; else powershell -NoProfile -Command "Compress-Archive -Path '$name' -DestinationPath '$out/$archive'"; fi)
else
    archive="$name.tar.gz"
    tar -C "$stage" -czf "$out/$archive" "$name"
fi
(cd "$out" && if command -v sha256sum >/dev/null; then sha256sum "$archive"; else shasum -a 256 "$archive"; fi) > "$out/$archive.sha256"
echo "built $out/$archive ($(du -h "$out/$archive" | cut -f1)), sha256 $(cut -d' ' -f1 "$out/$archive.sha256")"
