#!/usr/bin/env bash
# The one test command (README and .ci/run call exactly this): installs the pinned Node tools
# (Azurite, gazetteer sources) from package-lock.json, restores, builds and runs every test.
# Tests that need Azurite start their own on free ports with in-memory storage.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
dotnet test Alerts.sln -c Release --nologo "$@"
