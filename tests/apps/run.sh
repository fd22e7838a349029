#!/usr/bin/env bash
# Browser tests of the MCP Apps: installs this folder's npm packages, then drives the built server's apps in
# headless Chromium. Usage: tests/apps/run.sh [path to the built llmprep binary]
# Needs Node.js 20+, npm and Chromium (Debian: apt-get install -y chromium). Prints "N passed, N failed".
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
server="${1:-$here/../../src/LlmPrep.Server/bin/Release/net10.0/llmprep}"
cd "$here"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
exec node run.mjs "$server"
